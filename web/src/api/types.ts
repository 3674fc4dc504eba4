// The shapes the server answers with, taken from its own response schemas (one source of truth).
import type { z } from 'zod';
import type {
  complaintListItemSchema,
  complaintPageSchema,
  complaintSchema,
  demandResponse,
} from '../../../src/http/responses.ts';

export type Complaint = z.output<typeof complaintSchema>;
export type ComplaintListItem = z.output<typeof complaintListItemSchema>;
export type ComplaintPage = z.output<typeof complaintPageSchema>;
export type Demand = z.output<typeof demandResponse>;
export type Ability = Complaint['abilities']['close'];
export type Contact = Complaint['contacts'][number];
export type TimelineEvent = Complaint['timeline'][number];
export type AbilityName = keyof Complaint['abilities'];

export type {
  Channel,
  ComplaintAction,
  ComplaintStatus,
  ContactOutcome,
  ContactPurpose,
  CustomerMotive,
  CustomerType,
  DemandStatus,
  DemandType,
  DissatisfactionLevel,
  ResolutionClass,
  Role,
  Severity,
} from '../../../src/domain/vocabulary.ts';

export interface User {
  id: string;
  login: string;
  name: string;
  role: import('../../../src/domain/vocabulary.ts').Role;
  team: string | null;
}

export interface Me {
  user: User;
  permissions: { seePersonalData: boolean };
  viaToken: boolean;
}

export interface Category {
  id: string;
  parentId: string | null;
  name: string;
  nameEn: string | null;
  active: boolean;
}

export interface Phone {
  phone: string;
  phoneMasked: boolean;
}

export interface CustomerFlag {
  code: string;
  [key: string]: unknown;
}

export interface CustomerProfile {
  customer: {
    id: string;
    name: string | null;
    externalId: string | null;
    tags: string[];
    vipLevel: number;
    phones: Phone[];
    createdAt: string;
  } | null;
  complaints: ComplaintListItem[];
  openComplaints: ComplaintListItem[];
  counts: { last90Days: number; byStatus: Record<string, number> };
  flags?: CustomerFlag[];
}

export interface StatusCounts {
  byStatus: Record<string, number>;
  total: number;
}

export interface Colleague {
  id: string;
  name: string;
  role: string;
  team: string | null;
}
