// The calendars and time limits a new installation starts with (domain §3, §4, §11). An
// administrator changes them in the calendar and policy settings.
//
// - 标准工作日: Monday to Friday 09:00-18:00 Asia/Shanghai, with the national holidays and 调休.
// - 一线7×24: the front line answers every hour of every day.
// - Acceptance runs on the 24×7 front line; contact, reply and resolution on working days.
//   Reply defaults to three working days, the promise agents make most ("我们会在三个工作日内
//   及时和您联系，回复您的投诉"). Major and crisis complaints are tighter and escalate on breach.

import type { PolicyTargets } from './sla-policy.ts';
import type { Severity } from './vocabulary.ts';

export interface DefaultCalendar {
  code: 'standard' | 'front_line_24x7';
  name: string;
  everyDay: boolean;
  hours: string[];
  isDefault: boolean;
}

export const DEFAULT_CALENDARS: readonly DefaultCalendar[] = [
  { code: 'standard', name: '标准工作日', everyDay: false, hours: ['09:00-18:00'], isDefault: true },
  { code: 'front_line_24x7', name: '一线7×24', everyDay: true, hours: ['00:00-24:00'], isDefault: false },
];

export interface DefaultPolicy {
  name: string;
  priority: number;
  severities: Severity[] | null;
  minVipLevel: number | null;
  /** Targets; `acceptance` runs on the 24×7 calendar (filled in when seeding). */
  targets: PolicyTargets;
  escalateOnBreach: boolean;
}

export const DEFAULT_POLICIES: readonly DefaultPolicy[] = [
  {
    name: '危机投诉',
    priority: 10,
    severities: ['crisis'],
    minVipLevel: null,
    targets: {
      acceptance: { calendarHours: 0.5 },
      first_contact: { calendarHours: 2 },
      reply: { workingHours: 8 },
      resolution: { workingDays: 3 },
    },
    escalateOnBreach: true,
  },
  {
    name: '重大投诉',
    priority: 20,
    severities: ['major'],
    minVipLevel: null,
    targets: {
      acceptance: { calendarHours: 1 },
      first_contact: { workingHours: 4 },
      reply: { workingDays: 1 },
      resolution: { workingDays: 5 },
    },
    escalateOnBreach: true,
  },
  {
    name: 'VIP客户',
    priority: 30,
    severities: null,
    minVipLevel: 1,
    targets: {
      acceptance: { calendarHours: 2 },
      first_contact: { workingHours: 4 },
      reply: { workingDays: 2 },
      resolution: { workingDays: 7 },
    },
    escalateOnBreach: false,
  },
  {
    name: '一般投诉',
    priority: 100,
    severities: null,
    minVipLevel: null,
    targets: {
      acceptance: { calendarHours: 4 },
      first_contact: { workingDays: 1 },
      reply: { workingDays: 3 },
      resolution: { workingDays: 10 },
    },
    escalateOnBreach: false,
  },
];
