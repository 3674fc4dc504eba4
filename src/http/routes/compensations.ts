// Compensation (补偿) on demands and its approval: being built (issue 5).
import type { App, RouteDeps } from '../server.ts';

export function compensationRoutes(_app: App, _deps: RouteDeps): void {}
