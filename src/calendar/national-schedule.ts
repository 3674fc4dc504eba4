// China's official holiday schedule as maintained in the `chinese-days` package (it holds up to
// 2026 at the time of writing; 2027 arrives with the State Council's notice, usually in November).
import { createRequire } from 'node:module';
import { type PublishedSchedule, rulesFromSchedule } from '../domain/official-schedule.ts';
import type { DayRules } from '../domain/working-calendar.ts';

const require = createRequire(import.meta.url);

let cached: DayRules | undefined;

export function nationalRules(): DayRules {
  cached ??= rulesFromSchedule(require('chinese-days/dist/chinese-days.json') as PublishedSchedule);
  return cached;
}
