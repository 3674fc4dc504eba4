// Changes to an existing complaint. Each carries the version the client read (409 when stale)
// and answers with the complaint as it now is.
import { z } from 'zod';
import { addContact } from '../../commands/add-contact.ts';
import { addDemand, updateDemand } from '../../commands/demands.ts';
import { transferComplaint } from '../../commands/transfer-complaint.ts';
import { transitionComplaint } from '../../commands/transition-complaint.ts';
import { updateComplaint } from '../../commands/update-complaint.ts';
import {
  CONTACT_DIRECTIONS,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  DEMAND_STATUSES,
} from '../../domain/vocabulary.ts';
import { changeErrors, complaintSchema } from '../responses.ts';
import {
  channel,
  complaintIdParams,
  customerMotive,
  customerType,
  demandType,
  dissatisfaction,
  instant,
  optionalText,
  resolutionClass,
  severity,
  text,
  version,
} from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { analysisInput } from './analysis.ts';
import { complaintResponse } from './complaints.ts';
import { commandContext } from './context.ts';

const reason = z.string().trim().max(2000).nullish();
const transitionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), version, confirmed: z.boolean().optional() }),
  z.object({ action: z.literal('start'), version }),
  z.object({ action: z.literal('resolve'), version, resolutionClass: resolutionClass.optional() }),
  z.object({
    action: z.literal('close'),
    version,
    summary: z.string().trim().max(10_000).nullish(),
    analysis: analysisInput
      .nullish()
      .describe('The cause analysis, when none is recorded yet (ANALYSIS_MISSING otherwise)'),
  }),
  z.object({ action: z.literal('reopen'), version, reason }),
  z.object({ action: z.literal('withdraw'), version, reason }),
]);

const patchBody = z.object({
  version,
  description: text(10_000).optional(),
  verifiedFacts: optionalText(10_000),
  categoryId: z.uuid().nullish(),
  product: optionalText(200),
  severity: severity.optional(),
  dissatisfaction,
  customerType,
  customerMotive,
  resolutionClass: resolutionClass.nullish(),
  summary: optionalText(10_000),
});

const transferBody = z.object({ version, handlerId: z.uuid(), reason: text(2000) });

const demandBody = z.object({ version, type: demandType, description: text(2000) });
const demandPatchBody = z.object({
  version,
  status: z.enum(DEMAND_STATUSES).optional(),
  resolution: optionalText(5000),
  customerInformed: z.boolean().optional(),
});
const demandParams = complaintIdParams.extend({ demandId: z.uuid() });

const contactBody = z.object({
  version,
  direction: z.enum(CONTACT_DIRECTIONS),
  channel,
  purpose: z.enum(CONTACT_PURPOSES).describe('Every contact has a goal'),
  outcome: z.enum(CONTACT_OUTCOMES),
  startedAt: instant.optional(),
  endedAt: instant.nullish(),
  notes: optionalText(10_000),
});

export function complaintActionRoutes(app: App, deps: RouteDeps) {
  app.post(
    '/complaints/:id/transitions',
    {
      schema: {
        tags: ['complaints'],
        summary: 'accept | start | resolve | close | reopen | withdraw',
        description: 'A refusal (422) names the rule and, for demands, the demand ids that block it.',
        params: complaintIdParams,
        body: transitionBody,
        response: { 200: complaintSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await transitionComplaint(ctx, req.params.id, req.body);
      return complaintResponse(deps, ctx.actor, id);
    },
  );

  app.patch(
    '/complaints/:id',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Edit the record: facts, category, severity, judgements, summary',
        params: complaintIdParams,
        body: patchBody,
        response: { 200: complaintSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await updateComplaint(ctx, req.params.id, req.body);
      return complaintResponse(deps, ctx.actor, id);
    },
  );

  app.post(
    '/complaints/:id/transfer',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Hand the complaint to another handler, with a reason; the owner does not change',
        params: complaintIdParams,
        body: transferBody,
        response: { 200: complaintSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await transferComplaint(ctx, req.params.id, req.body);
      return complaintResponse(deps, ctx.actor, id);
    },
  );

  app.post(
    '/complaints/:id/demands',
    {
      schema: {
        tags: ['demands'],
        summary: 'Record another demand (诉求)',
        params: complaintIdParams,
        body: demandBody,
        response: { 201: complaintSchema, ...changeErrors },
      },
    },
    async (req, reply) => {
      const ctx = commandContext(deps, req);
      const id = await addDemand(ctx, req.params.id, req.body);
      return reply.code(201).send(await complaintResponse(deps, ctx.actor, id));
    },
  );

  app.patch(
    '/complaints/:id/demands/:demandId',
    {
      schema: {
        tags: ['demands'],
        summary:
          'Answer a demand: fulfilled or declined with a resolution, and whether the customer was told',
        params: demandParams,
        body: demandPatchBody,
        response: { 200: complaintSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await updateDemand(ctx, req.params.id, req.params.demandId, req.body);
      return complaintResponse(deps, ctx.actor, id);
    },
  );

  app.post(
    '/complaints/:id/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Log a contact with the customer (purpose and outcome required)',
        params: complaintIdParams,
        body: contactBody,
        response: { 201: complaintSchema, ...changeErrors },
      },
    },
    async (req, reply) => {
      const ctx = commandContext(deps, req);
      const id = await addContact(ctx, req.params.id, req.body);
      return reply.code(201).send(await complaintResponse(deps, ctx.actor, id));
    },
  );
}
