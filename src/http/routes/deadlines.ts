// What is at risk and what is late, for supervisors (all complaints) and handlers (their own):
// GET /deadlines?state=at_risk|breached.
import { z } from 'zod';
import { type BoardRow, deadlineBoard, deadlineBoardCounts } from '../../db/repositories/deadline-board.ts';
import { DEADLINE_KINDS, deadlineState } from '../../domain/deadlines.ts';
import { SEVERITIES } from '../../domain/vocabulary.ts';
import { resyncDeadlines } from '../../jobs/resync-deadlines.ts';
import { authorize, complaintVisibility } from '../../policies/permissions.ts';
import { decodeInstantCursor, encodeInstantCursor } from '../instant-cursor.ts';
import { changeErrors, queryErrors, userRef } from '../responses.ts';
import { listParam } from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const BOARD_STATES = ['at_risk', 'breached'] as const;

const boardQuery = z.object({
  state: listParam(z.enum(BOARD_STATES))
    .optional()
    .describe('at_risk (past the warning, not yet due), breached, or both (default)'),
  kind: listParam(z.enum(DEADLINE_KINDS)).optional(),
  team: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

const timestamp = z.iso.datetime();
const boardItem = z.object({
  id: z.uuid(),
  kind: z.enum(DEADLINE_KINDS),
  state: z.enum(BOARD_STATES),
  dueAt: timestamp,
  warnAt: timestamp,
  breachedAt: timestamp.nullable(),
  provisional: z.boolean(),
  escalateOnBreach: z.boolean(),
  complaint: z.object({
    id: z.uuid(),
    number: z.string(),
    status: z.string(),
    severity: z.enum(SEVERITIES),
    team: z.string().nullable(),
    category: z
      .object({ id: z.uuid(), name: z.string().nullable(), nameEn: z.string().nullable() })
      .nullable(),
    handler: userRef.nullable(),
    owner: userRef.nullable(),
  }),
});
const boardSchema = z.object({
  items: z.array(boardItem),
  nextCursor: z.string().nullable(),
  counts: z.object({ at_risk: z.number().int(), breached: z.number().int() }),
});

function presentBoardRow(r: BoardRow, now: Date): z.input<typeof boardItem> {
  const state = deadlineState(
    {
      metAt: null,
      cancelledAt: null,
      pausedAt: r.paused_at,
      breachedAt: r.breached_at,
      dueAt: r.due_at,
      warnAt: r.warn_at,
    },
    now,
  );
  const ref = (id: string | null, name: string | null) => (id ? { id, name } : null);
  return {
    id: r.id,
    kind: r.kind,
    state: state === 'breached' ? 'breached' : 'at_risk',
    dueAt: r.due_at.toISOString(),
    warnAt: r.warn_at.toISOString(),
    breachedAt: r.breached_at?.toISOString() ?? null,
    provisional: r.provisional,
    escalateOnBreach: r.escalate_on_breach,
    complaint: {
      id: r.complaint_id,
      number: r.number,
      status: r.status,
      severity: r.severity,
      team: r.team,
      category: r.category_id
        ? { id: r.category_id, name: r.category_name, nameEn: r.category_name_en }
        : null,
      handler: ref(r.handler_id, r.handler_name),
      owner: ref(r.owner_id, r.owner_name),
    },
  };
}

export function deadlineRoutes(app: App, deps: RouteDeps) {
  const db = deps.database.db;
  app.get(
    '/deadlines',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'Open deadlines at risk or breached, soonest first, with counts',
        description:
          'Supervisors, analysts and admins see every team; agents and specialists the complaints they own, handle or share a team with.',
        querystring: boardQuery,
        response: { 200: boardSchema, ...queryErrors },
      },
    },
    async (req) => {
      const { actor, now } = commandContext(deps, req);
      authorize(actor, 'complaint:list');
      const q = req.query;
      const visibility = complaintVisibility(actor);
      const filters = { kinds: q.kind, team: q.team };
      const cursor = q.cursor ? decodeInstantCursor(q.cursor) : undefined;
      const states = q.state?.length ? q.state : [...BOARD_STATES];
      const [rows, counts] = await Promise.all([
        deadlineBoard(db, visibility, now, { ...filters, states, limit: q.limit + 1, cursor }),
        deadlineBoardCounts(db, visibility, now, filters),
      ]);
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return {
        items: items.map((r) => presentBoardRow(r, now)),
        nextCursor:
          rows.length > q.limit && last ? encodeInstantCursor({ at: last.due_at, id: last.id }) : null,
        counts,
      };
    },
  );

  app.post(
    '/deadlines/resync',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'Re-time open deadlines after calendars or policies changed (admin)',
        description:
          'Each complaint with an open deadline is re-synced in its own transaction; moved due times appear in its timeline. Importing a year re-times provisional deadlines by itself.',
        body: z.object({ onlyProvisional: z.boolean().default(false) }),
        response: { 200: z.object({ complaints: z.number().int() }), ...changeErrors },
      },
    },
    async (req) => {
      const { actor, now } = commandContext(deps, req);
      authorize(actor, 'sla:manage');
      const complaints = await resyncDeadlines(db, now, {
        onlyProvisional: req.body.onlyProvisional,
        actorId: actor.id,
      });
      return { complaints };
    },
  );
}
