// Promises to the customer and waiting for the customer: the routes of a complaint's time.
// Each carries the version the client read and answers with the complaint as it now is.
import { z } from 'zod';
import {
  cancelCommitment,
  fulfilCommitment,
  type MomentSpec,
  makeCommitment,
} from '../../commands/commitments.ts';
import { pauseComplaint, resumeComplaint } from '../../commands/pause-complaint.ts';
import { COMMITMENT_KINDS, COMMITMENT_SOURCES } from '../../domain/commitments.ts';
import { changeErrors, complaintSchema } from '../responses.ts';
import { complaintIdParams, instant, text, version } from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { complaintResponse } from './complaints.ts';
import { commandContext } from './context.ts';

const amount = (max: number) => z.number().finite().positive().max(max);
const moment = z
  .union([
    z.object({ at: instant }).strict(),
    z.object({ workingDays: z.number().int().positive().max(250) }).strict(),
    z.object({ workingHours: amount(2000) }).strict(),
    z.object({ calendarHours: amount(8784) }).strict(),
  ])
  .describe(
    'An instant {"at"}, or a duration from now: {"workingDays"} | {"workingHours"} | {"calendarHours"}',
  );

const commitmentBody = z.object({
  version,
  source: z
    .enum(COMMITMENT_SOURCES)
    .default('agent')
    .describe('agent: a promise we made; customer: the customer asked to be contacted in a window'),
  kind: z.enum(COMMITMENT_KINDS),
  description: text(2000).describe('The promise in the words said to the customer (checked against §10)'),
  due: moment.optional().describe('By when; required for an agent promise'),
  notBefore: moment.optional().describe("Not before: required for the customer's own request"),
});
const commitmentParams = complaintIdParams.extend({ commitmentId: z.uuid() });

export function commitmentRoutes(app: App, deps: RouteDeps) {
  app.post(
    '/complaints/:id/commitments',
    {
      schema: {
        tags: ['commitments'],
        summary: "Record a promise to the customer, or the customer's own request about being contacted",
        description:
          'The wording is checked (domain §10): promising a final result by a date is flagged with the recommended wording in `commitments[].wording`.',
        params: complaintIdParams,
        body: commitmentBody,
        response: { 201: complaintSchema, ...changeErrors },
      },
    },
    async (req, reply) => {
      const ctx = commandContext(deps, req);
      const body = req.body;
      const id = await makeCommitment(ctx, req.params.id, {
        ...body,
        due: body.due as MomentSpec | undefined,
        notBefore: body.notBefore as MomentSpec | undefined,
      });
      return reply.code(201).send(await complaintResponse(deps, ctx.actor, id));
    },
  );

  app.post(
    '/complaints/:id/commitments/:commitmentId/fulfil',
    {
      schema: {
        tags: ['commitments'],
        summary:
          'Mark a promise kept by an action (a reached contact keeps call-backs and replies by itself)',
        params: commitmentParams,
        body: z.object({ version, note: text(2000).describe('What was done') }),
        response: { 200: complaintSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await fulfilCommitment(ctx, req.params.id, req.params.commitmentId, req.body);
      return complaintResponse(deps, ctx.actor, id);
    },
  );

  app.post(
    '/complaints/:id/commitments/:commitmentId/cancel',
    {
      schema: {
        tags: ['commitments'],
        summary: 'Cancel a promise, with the reason',
        params: commitmentParams,
        body: z.object({ version, reason: text(2000) }),
        response: { 200: complaintSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await cancelCommitment(ctx, req.params.id, req.params.commitmentId, req.body);
      return complaintResponse(deps, ctx.actor, id);
    },
  );

  app.post(
    '/complaints/:id/pause',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'Wait for the customer: the deadlines stand still until resumed',
        params: complaintIdParams,
        body: z.object({ version, reason: text(2000).describe('What we are waiting for') }),
        response: { 200: complaintSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await pauseComplaint(ctx, req.params.id, req.body);
      return complaintResponse(deps, ctx.actor, id);
    },
  );

  app.post(
    '/complaints/:id/resume',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'Resume handling: the paused working time is added to each running deadline',
        params: complaintIdParams,
        body: z.object({ version }),
        response: { 200: complaintSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await resumeComplaint(ctx, req.params.id, req.body);
      return complaintResponse(deps, ctx.actor, id);
    },
  );
}
