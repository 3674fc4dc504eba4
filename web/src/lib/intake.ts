// The intake form's rules, kept out of the components: what is still missing before acceptance,
// the text read back to the customer (确认), and the request the server receives.

import { normalisePhone } from '../../../src/domain/phone.ts';
import type {
  Channel,
  CustomerType,
  DemandType,
  DissatisfactionLevel,
  Severity,
} from '../../../src/domain/vocabulary.ts';

export interface DraftDemand {
  key: string;
  type: DemandType;
  description: string;
}

export interface IntakeDraft {
  phone: string;
  name: string;
  channel: Channel;
  description: string;
  categoryId: string | null;
  product: string;
  severity: Severity;
  customerType: CustomerType | null;
  dissatisfaction: DissatisfactionLevel | null;
  demands: DraftDemand[];
  confirmed: boolean;
}

export const EMPTY_DRAFT: IntakeDraft = {
  phone: '',
  name: '',
  channel: 'phone_in',
  description: '',
  categoryId: null,
  product: '',
  severity: 'normal',
  customerType: null,
  dissatisfaction: null,
  demands: [],
  confirmed: false,
};

export type MissingItem = 'phone' | 'description' | 'demand' | 'confirm';

/** A number the server will accept (the same rules: src/domain/phone.ts), so worth a lookup. */
export function isLookupReady(input: string): boolean {
  return normalisePhone(input) !== null;
}

/** What acceptance still needs; saving as "new" needs only phone and description. */
export function missingForAcceptance(d: IntakeDraft): MissingItem[] {
  const out: MissingItem[] = [];
  if (!isLookupReady(d.phone)) out.push('phone');
  if (!d.description.trim()) out.push('description');
  if (d.demands.length === 0) out.push('demand');
  if (!d.confirmed) out.push('confirm');
  return out;
}

export function canSaveAsNew(d: IntakeDraft): boolean {
  return isLookupReady(d.phone) && d.description.trim().length > 0;
}

/** Adds a demand typed by the agent; blank text adds nothing. */
export function addDemand(d: IntakeDraft, type: DemandType, description: string, key: string): IntakeDraft {
  const text = description.trim();
  if (!text) return d;
  // A change to the record after it was read back needs a new read-back.
  return { ...d, demands: [...d.demands, { key, type, description: text }], confirmed: false };
}

export function removeDemand(d: IntakeDraft, key: string): IntakeDraft {
  return { ...d, demands: d.demands.filter((x) => x.key !== key), confirmed: false };
}

export interface ReadBackParts {
  name: string;
  description: string;
  demands: string;
}

/** The pieces of the read-back sentence; the words around them come from i18n. */
export function readBackParts(
  d: IntakeDraft,
  demandTypeLabel: (t: DemandType) => string,
  fallbackName: string,
  separator: string,
  colon = '：',
): ReadBackParts {
  return {
    name: d.name.trim() || fallbackName,
    description: d.description.trim(),
    demands: d.demands
      .map((x, i) => `${i + 1}. ${demandTypeLabel(x.type)}${colon}${x.description}`)
      .join(separator),
  };
}

export function createRequest(d: IntakeDraft, accept: boolean) {
  return {
    customer: { phone: d.phone.trim(), name: d.name.trim() || null },
    channel: d.channel,
    description: d.description.trim(),
    categoryId: d.categoryId,
    product: d.product.trim() || null,
    severity: d.severity,
    customerType: d.customerType,
    dissatisfaction: d.dissatisfaction,
    confirmed: accept && d.confirmed,
    demands: d.demands.map((x) => ({ type: x.type, description: x.description })),
  };
}
