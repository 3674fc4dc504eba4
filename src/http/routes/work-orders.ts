// Department work orders (内部工单): being built (issue 5).
import type { App, RouteDeps } from '../server.ts';

export function workOrderRoutes(_app: App, _deps: RouteDeps): void {}
