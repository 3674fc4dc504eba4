import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.ts';
import { COMPLAINT_STATUSES, ROLES, type Role } from '../../src/domain/vocabulary.ts';
import type { Actor } from '../../src/policies/actor.ts';
import {
  authorize,
  authorizeHandle,
  authorizeView,
  type ComplaintScope,
  can,
  canHandleComplaint,
  canSeePersonalData,
  canViewComplaint,
  complaintVisibility,
  type Permission,
} from '../../src/policies/permissions.ts';

const ME = 'u-me';
const MY_TEAM = 'team-a';

const actor = (role: Role, team: string | null = MY_TEAM): Actor => ({
  id: ME,
  role,
  team,
  name: `Test ${role}`,
});

const SUBJECTS = {
  /** Owned by the actor, filed under another team. */
  own: { ownerId: ME, handlerId: 'u-other', team: 'team-b', status: 'in_progress' },
  /** Being handled by the actor, owned by someone in another team. */
  handling: { ownerId: 'u-other', handlerId: ME, team: 'team-b', status: 'in_progress' },
  /** Owned and handled by a team-mate. */
  team: { ownerId: 'u-mate', handlerId: 'u-mate', team: MY_TEAM, status: 'in_progress' },
  /** Owned and handled in another team. */
  otherTeam: { ownerId: 'u-other', handlerId: 'u-other', team: 'team-b', status: 'in_progress' },
  /** Nobody has accepted it yet: the shared intake queue, whatever its team. */
  unownedNew: { ownerId: null, handlerId: null, team: 'team-b', status: 'new' },
  /** Unowned but no longer new: not in the intake queue. */
  unownedAccepted: { ownerId: null, handlerId: null, team: 'team-b', status: 'accepted' },
  /** New but already owned by someone in another team. */
  ownedNew: { ownerId: 'u-other', handlerId: null, team: 'team-b', status: 'new' },
} satisfies Record<string, ComplaintScope>;
type Subject = keyof typeof SUBJECTS;

type Expect = Record<Subject, boolean>;
const SCOPED: Expect = {
  own: true,
  handling: true,
  team: true,
  otherTeam: false,
  unownedNew: true,
  unownedAccepted: false,
  ownedNew: false,
};
const ALL: Expect = {
  own: true,
  handling: true,
  team: true,
  otherTeam: true,
  unownedNew: true,
  unownedAccepted: true,
  ownedNew: true,
};
const NONE: Expect = {
  own: false,
  handling: false,
  team: false,
  otherTeam: false,
  unownedNew: false,
  unownedAccepted: false,
  ownedNew: false,
};

/** Hand-written: who may view and who may handle which complaint. */
const MATRIX: Record<Role, { view: Expect; handle: Expect }> = {
  agent: { view: SCOPED, handle: SCOPED },
  specialist: { view: SCOPED, handle: SCOPED },
  supervisor: { view: ALL, handle: ALL },
  analyst: { view: ALL, handle: NONE },
  admin: { view: ALL, handle: NONE },
  department: { view: NONE, handle: NONE },
};

const CASES = ROLES.flatMap((role) =>
  (Object.keys(SUBJECTS) as Subject[]).map((subject) => ({
    role,
    subject,
    view: MATRIX[role].view[subject],
    handle: MATRIX[role].handle[subject],
  })),
);

function thrown(fn: () => void): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('viewing and handling complaints', () => {
  it('has an expectation for every role', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ROLES].sort());
  });

  it.each(CASES)('$role × $subject: view=$view handle=$handle', ({ role, subject, view, handle }) => {
    const a = actor(role);
    const c = SUBJECTS[subject];
    expect(canViewComplaint(a, c)).toBe(view);
    expect(canHandleComplaint(a, c)).toBe(handle);
  });

  it.each(CASES)('$role × $subject: authorizeView / authorizeHandle', ({ role, subject, view, handle }) => {
    const a = actor(role);
    const c = SUBJECTS[subject];
    if (view) {
      expect(() => authorizeView(a, c)).not.toThrow();
    } else {
      const e = thrown(() => authorizeView(a, c));
      expect(e.code).toBe('NOT_FOUND');
    }
    if (handle) {
      expect(() => authorizeHandle(a, c)).not.toThrow();
    } else {
      // Out of sight: NOT_FOUND, so its existence is not revealed. In sight but not handleable: FORBIDDEN.
      const e = thrown(() => authorizeHandle(a, c));
      expect(e.code).toBe(view ? 'FORBIDDEN' : 'NOT_FOUND');
    }
  });

  it('anyone who may handle a complaint may also view it', () => {
    for (const { view, handle } of CASES) if (handle) expect(view).toBe(true);
  });

  it('an agent without a team does not match complaints without a team', () => {
    const loner = actor('agent', null);
    const teamless: ComplaintScope = {
      ownerId: 'u-other',
      handlerId: null,
      team: null,
      status: 'in_progress',
    };
    expect(canViewComplaint(loner, teamless)).toBe(false);
    expect(canHandleComplaint(loner, teamless)).toBe(false);
    expect(canViewComplaint(loner, { ...teamless, ownerId: ME })).toBe(true);
    expect(canViewComplaint(loner, { ...teamless, ownerId: null, status: 'new' })).toBe(true);
  });

  it('a complaint without a team is not visible to a team member through the team', () => {
    const c: ComplaintScope = { ownerId: 'u-other', handlerId: null, team: null, status: 'accepted' };
    expect(canViewComplaint(actor('specialist'), c)).toBe(false);
  });

  it.each(COMPLAINT_STATUSES)(
    'own complaints stay in scope when %s (first-contact responsibility)',
    (status) => {
      const c: ComplaintScope = { ownerId: ME, handlerId: 'u-other', team: 'team-b', status };
      for (const role of ['agent', 'specialist'] as const) {
        expect(canViewComplaint(actor(role), c)).toBe(true);
        expect(canHandleComplaint(actor(role), c)).toBe(true);
      }
    },
  );

  it.each(COMPLAINT_STATUSES)('an unowned complaint is in the intake queue only when new (%s)', (status) => {
    const c: ComplaintScope = { ownerId: null, handlerId: null, team: 'team-b', status };
    expect(canViewComplaint(actor('agent'), c)).toBe(status === 'new');
  });
});

describe('permissions', () => {
  const PERMISSIONS: Record<Permission, Record<Role, boolean>> = {
    'complaint:create': {
      agent: true,
      specialist: true,
      supervisor: true,
      analyst: false,
      admin: false,
      department: false,
    },
    'complaint:list': {
      agent: true,
      specialist: true,
      supervisor: true,
      analyst: true,
      admin: true,
      department: false,
    },
    'customer:view': {
      agent: true,
      specialist: true,
      supervisor: true,
      analyst: true,
      admin: false,
      department: false,
    },
    'category:view': {
      agent: true,
      specialist: true,
      supervisor: true,
      analyst: true,
      admin: true,
      department: true,
    },
    'category:manage': {
      agent: false,
      specialist: false,
      supervisor: false,
      analyst: false,
      admin: true,
      department: false,
    },
    'user:directory': {
      agent: true,
      specialist: true,
      supervisor: true,
      analyst: false,
      admin: false,
      department: false,
    },
    'user:manage': {
      agent: false,
      specialist: false,
      supervisor: false,
      analyst: false,
      admin: true,
      department: false,
    },
    'token:manage': {
      agent: false,
      specialist: false,
      supervisor: false,
      analyst: false,
      admin: true,
      department: false,
    },
    'calendar:view': {
      agent: true,
      specialist: true,
      supervisor: true,
      analyst: true,
      admin: true,
      department: false,
    },
    'calendar:manage': {
      agent: false,
      specialist: false,
      supervisor: false,
      analyst: false,
      admin: true,
      department: false,
    },
    'sla:view': {
      agent: true,
      specialist: true,
      supervisor: true,
      analyst: true,
      admin: true,
      department: false,
    },
    'sla:manage': {
      agent: false,
      specialist: false,
      supervisor: false,
      analyst: false,
      admin: true,
      department: false,
    },
    'organisation:view': {
      agent: true,
      specialist: true,
      supervisor: true,
      analyst: true,
      admin: true,
      department: true,
    },
    'organisation:manage': {
      agent: false,
      specialist: false,
      supervisor: false,
      analyst: false,
      admin: true,
      department: false,
    },
    'escalation:review': {
      agent: false,
      specialist: false,
      supervisor: true,
      analyst: false,
      admin: false,
      department: false,
    },
    'complaint:take_over': {
      agent: false,
      specialist: false,
      supervisor: true,
      analyst: false,
      admin: false,
      department: false,
    },
    'work_order:answer': {
      agent: false,
      specialist: false,
      supervisor: false,
      analyst: false,
      admin: false,
      department: true,
    },
    'compensation:decide': {
      agent: false,
      specialist: true,
      supervisor: true,
      analyst: false,
      admin: false,
      department: false,
    },
    'report:view': {
      agent: true,
      specialist: true,
      supervisor: true,
      analyst: true,
      admin: true,
      department: false,
    },
    'report:manage': {
      agent: false,
      specialist: false,
      supervisor: false,
      analyst: false,
      admin: true,
      department: false,
    },
    'alert:view': {
      agent: false,
      specialist: false,
      supervisor: true,
      analyst: true,
      admin: true,
      department: false,
    },
    'alert:acknowledge': {
      agent: false,
      specialist: false,
      supervisor: true,
      analyst: true,
      admin: false,
      department: false,
    },
    'product:view': {
      agent: true,
      specialist: true,
      supervisor: true,
      analyst: true,
      admin: true,
      department: false,
    },
    'product:manage': {
      agent: false,
      specialist: false,
      supervisor: false,
      analyst: false,
      admin: true,
      department: false,
    },
    'analysis:record': {
      agent: true,
      specialist: true,
      supervisor: true,
      analyst: false,
      admin: false,
      department: false,
    },
  };

  const rows = (Object.keys(PERMISSIONS) as Permission[]).flatMap((permission) =>
    ROLES.map((role) => ({ permission, role, granted: PERMISSIONS[permission][role] })),
  );

  it('has an expectation for every role under every permission', () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) {
      expect(Object.keys(PERMISSIONS[p]).sort()).toEqual([...ROLES].sort());
    }
  });

  it.each(rows)('$role $permission → $granted', ({ permission, role, granted }) => {
    expect(can(actor(role), permission)).toBe(granted);
    if (granted) {
      expect(() => authorize(actor(role), permission)).not.toThrow();
    } else {
      const e = thrown(() => authorize(actor(role), permission));
      expect(e.code).toBe('FORBIDDEN');
      expect(e.details).toEqual({ reason: permission });
      expect(e.message).toContain(permission);
    }
  });

  it('does not depend on the team or identity of the actor', () => {
    for (const { permission, role, granted } of rows) {
      expect(can({ id: 'someone-else', role, team: null, name: 'x', tokenId: 't1' }, permission)).toBe(
        granted,
      );
    }
  });
});

describe('canSeePersonalData', () => {
  const EXPECTED: Record<Role, boolean> = {
    agent: true,
    specialist: true,
    supervisor: true,
    analyst: false,
    admin: false,
    department: false,
  };

  it.each(ROLES.map((r) => [r, EXPECTED[r]] as const))('%s → %s', (role, expected) => {
    expect(canSeePersonalData(actor(role))).toBe(expected);
    expect(canSeePersonalData(actor(role, null))).toBe(expected);
  });
});

describe('complaintVisibility', () => {
  it.each([
    ['supervisor', { kind: 'all' }],
    ['analyst', { kind: 'all' }],
    ['admin', { kind: 'all' }],
    ['agent', { kind: 'scoped', userId: ME, team: MY_TEAM }],
    ['specialist', { kind: 'scoped', userId: ME, team: MY_TEAM }],
    ['department', { kind: 'none' }],
  ] as const)('%s → %j', (role, expected) => {
    expect(complaintVisibility(actor(role))).toEqual(expected);
  });

  it('keeps a null team for a scoped actor without a team', () => {
    expect(complaintVisibility(actor('agent', null))).toEqual({ kind: 'scoped', userId: ME, team: null });
  });

  it('agrees with canViewComplaint on which roles see everything and which see nothing', () => {
    for (const role of ROLES) {
      const kind = complaintVisibility(actor(role)).kind;
      const seen = Object.values(SUBJECTS).filter((c) => canViewComplaint(actor(role), c)).length;
      const total = Object.keys(SUBJECTS).length;
      if (kind === 'all') expect(seen).toBe(total);
      if (kind === 'none') expect(seen).toBe(0);
      if (kind === 'scoped') expect(seen).toBeGreaterThan(0);
      if (kind === 'scoped') expect(seen).toBeLessThan(total);
    }
  });
});
