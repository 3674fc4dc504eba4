// Times as the call center reads them: China time (UTC+8, no daylight saving), whatever the
// browser's own zone. Deadlines, due times and calendar days are all China's.

const OFFSET_MS = 8 * 3_600_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function shifted(at: string | Date): Date | null {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return Number.isNaN(ms) ? null : new Date(ms + OFFSET_MS);
}

/** 2026-11-25 18:00 (China time); '' for an invalid instant. */
export function chinaDateTime(at: string | Date, seconds = false): string {
  const d = shifted(at);
  if (!d) return '';
  const base = `${chinaDay(at)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return seconds ? `${base}:${pad(d.getUTCSeconds())}` : base;
}

/** 2026-11-25: the day in China. */
export function chinaDay(at: string | Date): string {
  const d = shifted(at);
  if (!d) return '';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 11-25 18:00: short, for tags and tables within the year. */
export function chinaShort(at: string | Date): string {
  return chinaDateTime(at).slice(5);
}

/** Day of the week in China, 0 = Monday … 6 = Sunday. */
export function chinaWeekday(at: string | Date): number {
  const d = shifted(at);
  return d ? (d.getUTCDay() + 6) % 7 : 0;
}

/** A wall-clock time typed or picked as China time ('2026-11-25T10:00' or '2026-11-25 10:00') → ISO UTC. */
export function chinaWallToIso(wall: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS;
  const back = new Date(ms + OFFSET_MS);
  // 2026-02-30 10:00 is not a time: Date.UTC would roll it into March.
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return null;
  return new Date(ms).toISOString();
}
