// Compensation (补偿) on a demand as the agent fills it in: the amount in yuan (checked like the
// server: at most two decimals, counted in fen), the words said to the customer checked live
// (补偿, never the word for damages: src/domain/commitments.ts), and the tag of each state.
import { checkPromiseWording, type WordingFinding } from '../../../src/domain/commitments.ts';
import {
  COMPENSATION_STATUSES,
  COMPENSATION_TYPES,
  type CompensationStatus,
  type CompensationType,
  MAX_COMPENSATION_FEN,
  yuanToFen,
} from '../../../src/domain/compensation.ts';

export { COMPENSATION_STATUSES, COMPENSATION_TYPES, type CompensationStatus, type CompensationType };

export interface CompensationDraft {
  type: CompensationType | null;
  /** As typed: "58", "58.5", "58.50". */
  amount: string;
  wording: string;
}

export const EMPTY_COMPENSATION: CompensationDraft = { type: null, amount: '', wording: '' };

/** Fen for a typed amount: positive, at most two decimals, at most 1,000,000 yuan; else null. */
export function amountFen(typed: string): number | null {
  const s = typed.trim().replace(/^¥\s*/, '').replace(/,/g, '');
  if (!s) return null;
  const fen = yuanToFen(s);
  return fen !== null && fen > 0 && fen <= MAX_COMPENSATION_FEN ? fen : null;
}

/** ¥58.00 from fen or a "58.00" string. */
export function yuanLabel(amount: number | string): string {
  const fen = typeof amount === 'number' ? amount : yuanToFen(amount);
  if (fen === null) return `¥${amount}`;
  const yuan = Math.floor(fen / 100).toLocaleString('en-US');
  return `¥${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

/** The language check on the wording; the damages-word finding (COMPENSATION_WORD) is the one the server refuses outright. */
export function compensationWording(text: string): { findings: WordingFinding[]; blocking: boolean } {
  const findings = text.trim() ? checkPromiseWording(text) : [];
  return { findings, blocking: findings.some((f) => f.code === 'COMPENSATION_WORD') };
}

export type CompensationRequest =
  | { ok: true; body: { type: CompensationType; amount: number; wording: string } }
  | { ok: false; missing: string[] };

/** The body to send (amount as a JSON number of yuan), or the i18n keys of what is missing. */
export function compensationRequest(d: CompensationDraft): CompensationRequest {
  const missing: string[] = [];
  if (!d.type) missing.push('compensation.missing.type');
  const fen = amountFen(d.amount);
  if (fen === null) missing.push('compensation.missing.amount');
  const wording = d.wording.trim();
  if (!wording) missing.push('compensation.missing.wording');
  else if (compensationWording(wording).blocking) missing.push('compensation.missing.wordingWord');
  if (missing.length > 0 || !d.type || fen === null) return { ok: false, missing };
  return { ok: true, body: { type: d.type, amount: fen / 100, wording } };
}

export function compensationColor(status: CompensationStatus): string {
  switch (status) {
    case 'approved':
      return 'green';
    case 'pending':
      return 'orange';
    case 'refused':
      return 'red';
    case 'cancelled':
      return 'default';
    default: {
      const never: never = status;
      throw new Error(`unknown compensation status ${String(never)}`);
    }
  }
}

/** Whether the request will wait for approval: above the caller's limit, or a type that always does. */
export function needsApproval(
  d: CompensationDraft,
  authority: { maxCompensationFen: number; approvalTypes: readonly string[] } | undefined,
): boolean {
  if (!authority) return false;
  const fen = amountFen(d.amount);
  if (d.type && authority.approvalTypes.includes(d.type)) return true;
  return fen !== null && fen > authority.maxCompensationFen;
}
