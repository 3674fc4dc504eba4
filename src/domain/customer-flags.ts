// What an agent should see at once about a caller (domain §7, §9): a VIP, the customer's tags, a
// repeated complaint, complaints that repeat an earlier one (same category within the repeat
// window, src/domain/repeat-complaints.ts), complaints still open, and an earlier judgement of a
// malicious claim. Pure.

/** Complaints within this many days make a repeat caller … */
export const REPEAT_WINDOW_DAYS = 90;
/** … from this many on. */
export const REPEAT_THRESHOLD = 2;

export type CustomerFlag =
  | { code: 'vip'; level: number }
  | { code: 'tagged'; tag: string }
  | { code: 'repeat_caller'; count: number; days: number }
  | { code: 'repeat_complaint'; count: number }
  | { code: 'open_complaints'; count: number }
  | { code: 'previous_malicious_judgement'; count: number };

export interface CustomerFacts {
  vipLevel: number;
  tags: readonly string[];
  /** Complaints received within REPEAT_WINDOW_DAYS. */
  recentComplaints: number;
  /** Complaints flagged as repeating an earlier one (repeat_of set); none when absent. */
  repeatComplaints?: number;
  /** Complaints not yet closed. */
  openComplaints: number;
  /** Complaints whose customer type was judged malicious_claim (恶意索赔). */
  maliciousJudgements: number;
}

export function customerFlags(f: CustomerFacts): CustomerFlag[] {
  const flags: CustomerFlag[] = [];
  if (f.vipLevel > 0) flags.push({ code: 'vip', level: f.vipLevel });
  for (const tag of f.tags) flags.push({ code: 'tagged', tag });
  if (f.recentComplaints >= REPEAT_THRESHOLD) {
    flags.push({ code: 'repeat_caller', count: f.recentComplaints, days: REPEAT_WINDOW_DAYS });
  }
  const repeats = f.repeatComplaints ?? 0;
  if (repeats > 0) flags.push({ code: 'repeat_complaint', count: repeats });
  if (f.openComplaints > 0) flags.push({ code: 'open_complaints', count: f.openComplaints });
  if (f.maliciousJudgements > 0) {
    flags.push({ code: 'previous_malicious_judgement', count: f.maliciousJudgements });
  }
  return flags;
}
