// A person's own notifications (deadline warnings and breaches, promise reminders), with read
// state. Real-time push comes later; the workbench polls the unread count.
import { z } from 'zod';
import {
  listNotifications,
  markRead,
  NOTIFICATION_KINDS,
  type NotificationKind,
  unreadCount,
} from '../../db/repositories/notifications.ts';
import { decodeInstantCursor, encodeInstantCursor } from '../instant-cursor.ts';
import { errorSchema, queryErrors } from '../responses.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const timestamp = z.iso.datetime();
const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  complaintId: z.uuid().nullable(),
  subjectId: z.uuid().nullable().describe('The deadline or commitment'),
  payload: z.record(z.string(), z.unknown()).describe('The figures that fired it (no personal data)'),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});

export function notificationRoutes(app: App, deps: RouteDeps) {
  const db = deps.database.db;
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: "The caller's notifications, newest first",
        querystring: z.object({
          unread: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(notificationSchema),
            nextCursor: z.string().nullable(),
            unread: z.number().int(),
          }),
          ...queryErrors,
        },
      },
    },
    async (req) => {
      const { actor } = commandContext(deps, req);
      const q = req.query;
      const cursor = q.cursor ? decodeInstantCursor(q.cursor) : undefined;
      const [rows, unread] = await Promise.all([
        listNotifications(db, actor.id, { unreadOnly: q.unread, limit: q.limit + 1, cursor }),
        unreadCount(db, actor.id),
      ]);
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return {
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind as NotificationKind,
          complaintId: n.complaint_id,
          subjectId: n.subject_id,
          payload: n.payload as Record<string, unknown>,
          createdAt: n.created_at.toISOString(),
          readAt: n.read_at?.toISOString() ?? null,
        })),
        nextCursor:
          rows.length > q.limit && last ? encodeInstantCursor({ at: last.created_at, id: last.id }) : null,
        unread,
      };
    },
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of the caller’s notifications are unread (cheap enough to poll)',
        response: { 200: z.object({ unread: z.number().int() }), 401: errorSchema },
      },
    },
    async (req) => ({ unread: await unreadCount(db, commandContext(deps, req).actor.id) }),
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications read: the listed ids, or all',
        body: z.union([
          z.object({ ids: z.array(z.uuid()).min(1).max(500) }).strict(),
          z.object({ all: z.literal(true) }).strict(),
        ]),
        response: { 200: z.object({ marked: z.number().int(), unread: z.number().int() }), ...queryErrors },
      },
    },
    async (req) => {
      const { actor, now } = commandContext(deps, req);
      // Only the caller's own rows are touched: the ids of someone else's notifications match nothing.
      const marked = await markRead(db, actor.id, 'ids' in req.body ? req.body.ids : 'all', now);
      return { marked, unread: await unreadCount(db, actor.id) };
    },
  );
}
