import type { Role } from '../domain/vocabulary.ts';

/** The authenticated person (or integration token) a request acts for. */
export interface Actor {
  id: string;
  role: Role;
  team: string | null;
  name: string;
  /** Set when the request authenticated with an API token rather than a session. */
  tokenId?: string;
  /** The tier the person works in (1 = front line): their own, their team's, or their role's. */
  tierLevel?: number;
  /** A department user's department. */
  departmentId?: string | null;
}
