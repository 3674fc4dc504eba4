// 常见投诉不重复 (domain §3): a complaint is a repeat when the same customer complained about the
// same category within the repeat window (report_settings.repeat_window_days, 30 days by default).
// It then points at the most recent such earlier complaint. Pure: the caller reads the candidates
// and the window; no clock (the complaint's own receipt is the reference).

const DAY_MS = 86_400_000;

export interface RepeatSubject {
  id: string | null;
  /** Complaint numbers sort in order of registration: they break a tie of receipt instants. */
  number: string | null;
  customerId: string;
  categoryId: string | null;
  receivedAt: Date;
}

export interface RepeatCandidate {
  id: string;
  number: string;
  customerId: string;
  categoryId: string | null;
  receivedAt: Date;
}

/** Whether `e` came before `c`: received earlier, or at the same instant and registered earlier. */
function isEarlier(e: RepeatCandidate, c: RepeatSubject): boolean {
  const d = e.receivedAt.getTime() - c.receivedAt.getTime();
  if (d !== 0) return d < 0;
  return c.number !== null && e.number < c.number;
}

/**
 * The earlier complaint `c` repeats, or null: the most recent one of the same customer in the same
 * category received within `windowDays` before it. A complaint without a category repeats nothing.
 */
export function repeatOf(
  c: RepeatSubject,
  candidates: readonly RepeatCandidate[],
  windowDays: number,
): RepeatCandidate | null {
  if (c.categoryId === null) return null;
  const from = c.receivedAt.getTime() - windowDays * DAY_MS;
  let best: RepeatCandidate | null = null;
  for (const e of candidates) {
    if (e.id === c.id || e.customerId !== c.customerId || e.categoryId !== c.categoryId) continue;
    if (!isEarlier(e, c) || e.receivedAt.getTime() < from) continue;
    if (
      !best ||
      e.receivedAt.getTime() > best.receivedAt.getTime() ||
      (e.receivedAt.getTime() === best.receivedAt.getTime() && e.number > best.number)
    ) {
      best = e;
    }
  }
  return best;
}
