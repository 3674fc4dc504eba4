// The domain's fixed vocabularies, shared with the server (one list for the database, the API and the UI).

export {
  COMMITMENT_KINDS,
  COMMITMENT_SOURCES,
  COMMITMENT_STATES,
  COMMITMENT_STATUSES,
} from '../../../src/domain/commitments.ts';
export { DEADLINE_KINDS, DEADLINE_STATES } from '../../../src/domain/deadlines.ts';
export {
  CHANNELS,
  COMPLAINT_STATUSES,
  CONTACT_DIRECTIONS,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  CUSTOMER_MOTIVES,
  CUSTOMER_TYPES,
  DEMAND_STATUSES,
  DEMAND_TYPES,
  DISSATISFACTION_LEVELS,
  RESOLUTION_CLASSES,
  SEVERITIES,
} from '../../../src/domain/vocabulary.ts';
