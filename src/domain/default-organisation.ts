// The tiers and authority limits a new installation starts with (domain §3, §4: 责权利对等 —
// authority matches responsibility). Administrators change them.

import type { Role } from './vocabulary.ts';

export const DEFAULT_TIERS = [
  { code: 'front_line', name: '一线', level: 1 },
  { code: 'specialist', name: '专家席', level: 2 },
  { code: 'supervisor', name: '班长/主管', level: 3 },
] as const;

/** Compensation a role may grant without approval (yuan), and types that always need approval. */
export const DEFAULT_AUTHORITY: ReadonlyArray<{
  role: Role;
  maxCompensation: number;
  approvalTypes: string[];
}> = [
  { role: 'agent', maxCompensation: 50, approvalTypes: ['refund'] },
  { role: 'specialist', maxCompensation: 500, approvalTypes: [] },
  { role: 'supervisor', maxCompensation: 5000, approvalTypes: [] },
];
