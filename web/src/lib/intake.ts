// The intake form's rules, kept out of the components: what is still missing before acceptance,
// the text read back to the customer (确认), and the request the server receives.
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

/** Digits only, full-width digits folded, so "138 0013 8000" and "１３８…" are recognised while typing. */
export function phoneDigits(input: string): string {
  return input.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, '');
}

/** Worth a lookup: a complete mobile (11 digits after any 86 prefix) or a landline/400 number of 10+ digits. */
export function isLookupReady(input: string): boolean {
  let d = phoneDigits(input);
  if (d.startsWith('0086')) d = d.slice(4);
  else if (d.startsWith('86') && d.length === 13) d = d.slice(2);
  if (/^1\d{10}$/.test(d)) return true;
  return /^(0\d{9,11}|[48]00\d{7})$/.test(d);
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
): ReadBackParts {
  return {
    name: d.name.trim() || fallbackName,
    description: d.description.trim(),
    demands: d.demands
      .map((x, i) => `${i + 1}. ${demandTypeLabel(x.type)}：${x.description}`)
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
