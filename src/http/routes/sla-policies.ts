import { z } from 'zod';
import { createPolicy, listPolicies, updatePolicy } from '../../commands/sla-policies.ts';
import { DEADLINE_KINDS, type DeadlineKind } from '../../domain/deadlines.ts';
import type { PolicyTargets } from '../../domain/sla-policy.ts';
import { CHANNELS, SEVERITIES } from '../../domain/vocabulary.ts';
import { changeErrors, durationSpec, queryErrors } from '../responses.ts';
import { channel, severity, text } from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { durationInput, toDurationSpec } from './calendars.ts';
import { commandContext } from './context.ts';

const targetInput = durationInput({
  positive: true,
  extra: { calendarId: z.uuid().optional().describe("This target's own calendar; default: the policy's") },
});

const targetsInput = z
  .strictObject(
    Object.fromEntries(DEADLINE_KINDS.map((k) => [k, targetInput.optional()])) as Record<
      DeadlineKind,
      z.ZodOptional<typeof targetInput>
    >,
  )
  .refine((t) => Object.values(t).some((v) => v !== undefined), { message: 'at least one time limit' })
  .describe('Per deadline kind (acceptance, first_contact, reply, resolution): {"workingDays": 3}, …');

function toTargets(input: z.infer<typeof targetsInput>): PolicyTargets {
  const out: PolicyTargets = {};
  for (const kind of DEADLINE_KINDS) {
    const t = input[kind];
    if (t) out[kind] = { ...toDurationSpec(t), ...(t.calendarId ? { calendarId: t.calendarId } : {}) };
  }
  return out;
}

const anyWhenNull = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, 'leave out (or null) for any').max(100).nullable().optional();

const conditions = {
  active: z.boolean().optional(),
  severities: anyWhenNull(severity).describe(`${SEVERITIES.join(' | ')}; null: any`),
  categoryIds: anyWhenNull(z.uuid()).describe('A category matches its whole subtree; null: any'),
  channels: anyWhenNull(channel).describe(`${CHANNELS.join(' | ')}; null: any`),
  minVipLevel: z.number().int().min(0).max(9).nullable().optional().describe('null: any customer'),
  calendarId: z.uuid().optional().describe('Default (on creation): the default calendar'),
  warnPercent: z
    .number()
    .int()
    .min(1)
    .max(99)
    .optional()
    .describe('Warn when this share of the time is used'),
  escalateOnBreach: z.boolean().optional(),
};

const priority = z
  .number()
  .int()
  .min(0)
  .max(1_000_000)
  .describe('Lower first: the first policy that matches applies');

const createBody = z.object({ name: text(100), priority, targets: targetsInput, ...conditions });
const updateBody = z.object({
  name: text(100).optional(),
  priority: priority.optional(),
  targets: targetsInput.optional().describe('Replaces all targets'),
  ...conditions,
});

const policySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  priority: z.number().int(),
  active: z.boolean(),
  severities: z.array(z.enum(SEVERITIES)).nullable(),
  categoryIds: z.array(z.uuid()).nullable(),
  channels: z.array(z.enum(CHANNELS)).nullable(),
  minVipLevel: z.number().int().nullable(),
  calendarId: z.uuid(),
  targets: z.partialRecord(
    z.enum(DEADLINE_KINDS),
    z.intersection(durationSpec, z.object({ calendarId: z.uuid().optional() })),
  ),
  warnPercent: z.number().int(),
  escalateOnBreach: z.boolean(),
});

export function slaPolicyRoutes(app: App, deps: RouteDeps) {
  app.get(
    '/sla-policies',
    {
      schema: {
        tags: ['sla'],
        summary: 'Time-limit policies by priority (the first active one that matches a complaint applies)',
        response: { 200: z.object({ items: z.array(policySchema) }), ...queryErrors },
      },
    },
    async (req) => ({ items: await listPolicies(commandContext(deps, req)) }),
  );

  app.post(
    '/sla-policies',
    {
      schema: {
        tags: ['sla'],
        summary: 'Add a time-limit policy (admin)',
        body: createBody,
        response: { 201: policySchema, ...changeErrors },
      },
    },
    async (req, reply) => {
      const { targets, ...rest } = req.body;
      const policy = await createPolicy(commandContext(deps, req), { ...rest, targets: toTargets(targets) });
      return reply.code(201).send(policy);
    },
  );

  app.patch(
    '/sla-policies/:id',
    {
      schema: {
        tags: ['sla'],
        summary:
          'Change a time-limit policy (admin); running deadlines follow at their next change or POST /deadlines/resync',
        params: z.object({ id: z.uuid() }),
        body: updateBody,
        response: { 200: policySchema, ...changeErrors },
      },
    },
    async (req) => {
      const { targets, ...rest } = req.body;
      return updatePolicy(commandContext(deps, req), req.params.id, {
        ...rest,
        ...(targets ? { targets: toTargets(targets) } : {}),
      });
    },
  );
}
