// Human complaint numbers: TS + the day of receipt in China (Asia/Shanghai) + a daily sequence,
// e.g. TS202611220001. Uniqueness comes from the database's per-day counter.

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // China has no daylight saving time.

/** The calendar day in China of an instant, as YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function formatComplaintNumber(day: string, sequence: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`bad day ${day}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`bad sequence ${sequence}`);
  return `TS${day.replaceAll('-', '')}${String(sequence).padStart(4, '0')}`;
}

export const COMPLAINT_NUMBER_PATTERN = /^TS\d{8}\d{4,}$/;
