// How long a complaint has been open, for the header ("2 天 3 小时").

export interface Age {
  days: number;
  hours: number;
  minutes: number;
}

export function ageOf(since: Date, until: Date): Age {
  const totalMinutes = Math.max(0, Math.floor((until.getTime() - since.getTime()) / 60_000));
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}

/** The i18n key and values for an age: days+hours, hours+minutes, or minutes. */
export function ageLabel(a: Age): { key: string; values: Record<string, number> } {
  if (a.days > 0) return { key: 'common.daysHours', values: { days: a.days, hours: a.hours } };
  if (a.hours > 0) return { key: 'common.hoursMinutes', values: { hours: a.hours, minutes: a.minutes } };
  return { key: 'common.minutes', values: { minutes: a.minutes } };
}
