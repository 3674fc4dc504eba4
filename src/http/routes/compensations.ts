// Compensation (补偿) on demands, its approval queue and decisions, and the authority limits
// behind it (责权利对等, domain §3). Money comes in as yuan with at most two decimals and is
// counted in fen from there on.
import { z } from 'zod';
import {
  authorityLimits,
  cancelCompensation,
  decideCompensation,
  deleteTeamLimit,
  grantCompensation,
  myAuthority,
  setAuthorityLimit,
} from '../../commands/compensations.ts';
import { scopeOf } from '../../commands/mutate-complaint.ts';
import {
  type AuthorityLimitRecord,
  approvalQueue,
  type CompensationWithContext,
  compensationPeople,
  complaintCompensationsWithContext,
  decidedBy,
  userAuthority,
} from '../../db/repositories/compensations.ts';
import { findComplaint } from '../../db/repositories/complaints.ts';
import { userNames } from '../../db/repositories/users.ts';
import type { AuthorityLimit } from '../../domain/compensation.ts';
import {
  COMPENSATION_STATUSES,
  COMPENSATION_TYPES,
  type CompensationStatus,
  formatFen,
  MAX_COMPENSATION_FEN,
  yuanToFen,
} from '../../domain/compensation.ts';
import { complaintNotFound } from '../../domain/errors.ts';
import { ROLES } from '../../domain/vocabulary.ts';
import { authorize, authorizeView, can } from '../../policies/permissions.ts';
import {
  compensationItemSchema,
  compensationSchema,
  presentCompensation,
  presentCompensationItem,
} from '../presenters/compensation.ts';
import { changeErrors, errorSchema, queryErrors } from '../responses.ts';
import { complaintIdParams, listParam, text, version } from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const TWO_DECIMALS = 'yuan with at most two decimals (fen)';

/** Yuan as a JSON number: positive, at most two decimals, at most `max` yuan. */
const yuan = (opts: { min: 'positive' | 'zero'; maxFen: number }) =>
  (opts.min === 'positive' ? z.number().positive() : z.number().min(0))
    .max(opts.maxFen / 100)
    .refine((n) => yuanToFen(n) !== null, TWO_DECIMALS);

const compensationBody = z.object({
  version,
  type: z.enum(COMPENSATION_TYPES).describe('refund | bill_credit | gift | service | other'),
  amount: yuan({ min: 'positive', maxFen: MAX_COMPENSATION_FEN }).describe(
    'Yuan, e.g. 58 or 58.5 (at most two decimals, at most 1,000,000)',
  ),
  wording: text(2000).describe(
    'What is said to the customer: 补偿, never 赔偿 (refused with the corrected text in details.suggestion)',
  ),
});

const approvalInfo = z
  .object({
    reasons: z.array(z.enum(['above_limit', 'type_needs_approval'])),
    limit: z.string().describe("The requester's limit in yuan"),
    approversNotified: z
      .number()
      .int()
      .describe('People asked to approve it; 0: nobody has the authority yet'),
  })
  .nullable()
  .describe('Why it waits for approval; null when granted at once');

const compensationParams = z.object({ id: z.uuid() });

const authorityLimitSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES).nullable(),
  team: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  maxCompensation: z.string().describe('Yuan that may be granted without approval, e.g. "50.00"'),
  maxCompensationFen: z.number().int(),
  approvalTypes: z.array(z.enum(COMPENSATION_TYPES)).describe('Types that always need approval'),
  updatedAt: z.iso.datetime(),
});

const authorityLimitBody = z.object({
  maxCompensation: yuan({ min: 'zero', maxFen: 1_000_000_000 }).describe(
    'Yuan that may be granted without approval (0: everything needs approval)',
  ),
  approvalTypes: z
    .array(z.enum(COMPENSATION_TYPES))
    .max(COMPENSATION_TYPES.length)
    .default([])
    .describe('Compensation types that always need approval, whatever the amount'),
});

function presentLimit(r: AuthorityLimitRecord): z.input<typeof authorityLimitSchema> {
  return {
    id: r.id,
    role: r.role,
    team: r.teamId ? { id: r.teamId, name: r.teamName } : null,
    maxCompensation: formatFen(r.maxFen),
    maxCompensationFen: r.maxFen,
    approvalTypes: r.approvalTypes,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The limit a PUT body sets, in fen. */
function limitOf(body: z.output<typeof authorityLimitBody>): AuthorityLimit {
  return { maxFen: yuanToFen(body.maxCompensation) as number, approvalTypes: body.approvalTypes };
}

export function compensationRoutes(app: App, deps: RouteDeps): void {
  const db = deps.database.db;

  const namesOf = (rows: Parameters<typeof compensationPeople>[0]) => userNames(db, compensationPeople(rows));

  app.post(
    '/complaints/:id/demands/:demandId/compensations',
    {
      schema: {
        tags: ['compensations'],
        summary:
          'Offer compensation (补偿) on a demand: granted within your authority, else sent for approval',
        description:
          'Within the handler’s authority (amount ≤ their limit, type not one that always needs approval) it is approved at once; otherwise it is pending, everyone who could approve it is notified, and the demand cannot be fulfilled until it is decided (COMPENSATION_PENDING). Wording with 赔偿 is refused (400 on `wording`, `details.suggestion` has the text with 补偿).',
        params: complaintIdParams.extend({ demandId: z.uuid() }),
        body: compensationBody,
        response: {
          201: z.object({
            compensation: compensationSchema,
            complaintVersion: z.number().int().describe('The complaint’s version after this change'),
            approval: approvalInfo,
          }),
          ...changeErrors,
        },
      },
    },
    async (req, reply) => {
      const ctx = commandContext(deps, req);
      const { version: v, type, amount, wording } = req.body;
      const amountFen = yuanToFen(amount) as number;
      const r = await grantCompensation(ctx, req.params.id, req.params.demandId, {
        version: v,
        type,
        amountFen,
        wording,
      });
      const names = await namesOf([r.compensation]);
      return reply.code(201).send({
        compensation: presentCompensation(r.compensation, names, ctx.now),
        complaintVersion: r.complaintVersion,
        approval:
          r.grant.status === 'pending'
            ? {
                reasons: r.grant.reasons,
                limit: formatFen(r.grant.limitFen),
                approversNotified: r.approversNotified,
              }
            : null,
      });
    },
  );

  app.get(
    '/compensations',
    {
      schema: {
        tags: ['compensations'],
        summary: 'The approval queue, or the compensations of one complaint',
        description:
          'Without `complaintId` (specialists and supervisors): pending compensations the caller may decide — within their own limit, a type they may approve, not their own request — oldest first; other statuses list what the caller decided. With `complaintId`: that complaint’s compensations, for anyone who may see it.',
        querystring: z.object({
          status: listParam(z.enum(COMPENSATION_STATUSES)).describe(
            'pending (default without complaintId) | approved | refused | cancelled',
          ),
          complaintId: complaintIdParams.shape.id.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(200),
        }),
        response: {
          200: z.object({ items: z.array(compensationItemSchema) }),
          ...queryErrors,
          404: errorSchema,
        },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const q = req.query;
      let rows: CompensationWithContext[];
      if (q.complaintId) {
        const complaint = await findComplaint(db, q.complaintId);
        if (!complaint) throw complaintNotFound();
        authorizeView(ctx.actor, scopeOf(complaint));
        rows = await complaintCompensationsWithContext(db, complaint.id, q.status, q.limit);
      } else {
        authorize(ctx.actor, 'compensation:decide');
        const statuses: CompensationStatus[] = q.status?.length ? q.status : ['pending'];
        const me = await userAuthority(db, ctx.actor.id);
        const authority = me?.authority ?? { maxFen: 0, approvalTypes: [] };
        const decided = statuses.filter((s) => s !== 'pending');
        rows = [
          ...(statuses.includes('pending')
            ? await approvalQueue(db, { id: ctx.actor.id, authority }, q.limit)
            : []),
          ...(decided.length ? await decidedBy(db, ctx.actor.id, decided, q.limit) : []),
        ].slice(0, q.limit);
      }
      const names = await namesOf(rows);
      return { items: rows.map((r) => presentCompensationItem(r, names, ctx.now)) };
    },
  );

  app.post(
    '/compensations/:id/decision',
    {
      schema: {
        tags: ['compensations'],
        summary: 'Approve or refuse a pending compensation, with the reason',
        description:
          'Specialists and supervisors, within their own authority (above it: 403 ABOVE_AUTHORITY), never on their own request. An already decided compensation is 409 CONFLICT. Recorded in the complaint’s timeline; the requester is notified.',
        params: compensationParams,
        body: z.object({
          approve: z.boolean(),
          reason: text(2000).describe('Why it is approved or refused'),
        }),
        response: { 200: compensationSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const { compensation } = await decideCompensation(ctx, req.params.id, req.body);
      return presentCompensation(compensation, await namesOf([compensation]), ctx.now);
    },
  );

  app.post(
    '/compensations/:id/cancel',
    {
      schema: {
        tags: ['compensations'],
        summary: 'Withdraw a compensation request still waiting for approval, with the reason (the handler)',
        params: compensationParams,
        body: z.object({
          reason: text(2000),
          version: version.optional().describe('The complaint version read; checked when given'),
        }),
        response: {
          200: z.object({ compensation: compensationSchema, complaintVersion: z.number().int() }),
          ...changeErrors,
        },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const r = await cancelCompensation(ctx, req.params.id, req.body);
      return {
        compensation: presentCompensation(r.compensation, await namesOf([r.compensation]), ctx.now),
        complaintVersion: r.complaintVersion,
      };
    },
  );

  // ——— Authority limits ———

  app.get(
    '/authority-limits',
    {
      schema: {
        tags: ['compensations'],
        summary: 'Authority limits per role and per team (admin); a team’s limit wins over its role’s',
        response: {
          200: z.object({ roles: z.array(authorityLimitSchema), teams: z.array(authorityLimitSchema) }),
          ...queryErrors,
        },
      },
    },
    async (req) => {
      const rows = await authorityLimits(commandContext(deps, req));
      return {
        roles: rows.filter((r) => r.role !== null).map(presentLimit),
        teams: rows.filter((r) => r.teamId !== null).map(presentLimit),
      };
    },
  );

  app.get(
    '/authority-limits/mine',
    {
      schema: {
        tags: ['compensations'],
        summary: 'What the caller may grant without approval, and whether they decide on others’ requests',
        response: {
          200: z.object({
            maxCompensation: z.string(),
            maxCompensationFen: z.number().int(),
            approvalTypes: z.array(z.enum(COMPENSATION_TYPES)),
            source: z.enum(['team', 'role', 'none']).describe('Where the limit comes from'),
            decides: z.boolean().describe('May approve or refuse others’ requests (up to the same limit)'),
          }),
          ...queryErrors,
        },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const a = await myAuthority(ctx);
      return {
        maxCompensation: formatFen(a.maxFen),
        maxCompensationFen: a.maxFen,
        approvalTypes: [...a.approvalTypes],
        source: a.source,
        decides: can(ctx.actor, 'compensation:decide'),
      };
    },
  );

  app.put(
    '/authority-limits/roles/:role',
    {
      schema: {
        tags: ['compensations'],
        summary: 'Set a role’s authority limit (admin)',
        params: z.object({ role: z.enum(ROLES) }),
        body: authorityLimitBody,
        response: { 200: authorityLimitSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const row = await setAuthorityLimit(ctx, { role: req.params.role }, limitOf(req.body));
      return presentLimit(row);
    },
  );

  app.put(
    '/authority-limits/teams/:teamId',
    {
      schema: {
        tags: ['compensations'],
        summary: 'Set a team’s own authority limit (admin); it wins over the role’s for the team’s people',
        params: z.object({ teamId: z.uuid() }),
        body: authorityLimitBody,
        response: { 200: authorityLimitSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const row = await setAuthorityLimit(ctx, { teamId: req.params.teamId }, limitOf(req.body));
      return presentLimit(row);
    },
  );

  app.delete(
    '/authority-limits/teams/:teamId',
    {
      schema: {
        tags: ['compensations'],
        summary: 'Remove a team’s own limit (admin): its people fall back to their role’s',
        params: z.object({ teamId: z.uuid() }),
        response: { 204: z.null().describe('Removed'), ...changeErrors },
      },
    },
    async (req, reply) => {
      await deleteTeamLimit(commandContext(deps, req), req.params.teamId);
      return reply.code(204).send(null);
    },
  );
}
