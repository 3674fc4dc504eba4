// The fixed vocabularies of the domain (see shared/domain/complaint-handling.md).
// Each list is the single source for database checks, API schemas and the UI.

export const CHANNELS = ['phone_in', 'phone_out', 'email', 'web', 'sms', 'wechat', 'walk_in', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SEVERITIES = ['normal', 'major', 'crisis'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Dissatisfaction escalates: 不满 → 抱怨 → 投诉 → 离开 (domain §1). */
export const DISSATISFACTION_LEVELS = ['dissatisfied', 'grumbling', 'complaining', 'leaving'] as const;
export type DissatisfactionLevel = (typeof DISSATISFACTION_LEVELS)[number];

/** Behaviour types from the telecom training (domain §7). */
export const CUSTOMER_TYPES = [
  'problem_solving',
  'emotional_venting',
  'rational_difficult',
  'malicious_claim',
] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** Motives (domain §7): 质量监督型, 理智型, 谈判型, 受害型. */
export const CUSTOMER_MOTIVES = ['quality_supervision', 'rational', 'negotiation', 'victim'] as const;
export type CustomerMotive = (typeof CUSTOMER_MOTIVES)[number];

/** 分类 in the resolve stage (domain §4.3). */
export const RESOLUTION_CLASSES = ['immediate', 'short_term', 'not_now'] as const;
export type ResolutionClass = (typeof RESOLUTION_CLASSES)[number];

/** The cause of a complaint (§8): product or technical, communication and understanding, service
 * attitude, or the customer's own situation. */
export const CAUSES = [
  'product_technical',
  'communication',
  'service_attitude',
  'customer_situation',
] as const;
export type Cause = (typeof CAUSES)[number];

/** What complaining customers want (domain §6). */
export const DEMAND_TYPES = [
  'explanation',
  'fix',
  'refund',
  'compensation',
  'apology',
  'staff_action',
  'improvement',
  'other',
] as const;
export type DemandType = (typeof DEMAND_TYPES)[number];

export const DEMAND_STATUSES = ['open', 'fulfilled', 'declined'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

export const CONTACT_DIRECTIONS = ['inbound', 'outbound'] as const;
export type ContactDirection = (typeof CONTACT_DIRECTIONS)[number];

/** Every contact has a goal (pitfall 2 of domain §5). */
export const CONTACT_PURPOSES = [
  'intake',
  'clarify',
  'verify_facts',
  'propose_solution',
  'progress_update',
  'inform_result',
  'callback',
  'survey',
  'other',
] as const;
export type ContactPurpose = (typeof CONTACT_PURPOSES)[number];

export const CONTACT_OUTCOMES = [
  'reached',
  'no_answer',
  'busy',
  'wrong_number',
  'refused',
  'callback_requested',
  'message_left',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const ROLES = ['agent', 'specialist', 'supervisor', 'analyst', 'admin', 'department'] as const;
export type Role = (typeof ROLES)[number];

export const COMPLAINT_STATUSES = ['new', 'accepted', 'in_progress', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
/** Not yet closed: still being handled, or resolved and waiting for the follow-up. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['new', 'accepted', 'in_progress', 'resolved'];

export const COMPLAINT_ACTIONS = ['accept', 'start', 'resolve', 'close', 'reopen', 'withdraw'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];
