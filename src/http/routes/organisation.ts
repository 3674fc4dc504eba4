// Tiers, teams and departments: who handles complaints at which level, and which back offices
// answer work orders.
import { z } from 'zod';
import {
  createDepartment,
  createTeam,
  listDepartments,
  listTeams,
  listTiers,
} from '../../commands/organisation.ts';
import { changeErrors, queryErrors } from '../responses.ts';
import { text } from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const tierSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string(), level: z.number().int() });
const teamSchema = z.object({ id: z.uuid(), name: z.string(), tierId: z.uuid() });
const departmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  calendarId: z.uuid().nullable().describe("Work orders' due times run on it (null: the default calendar)"),
  active: z.boolean(),
});

const team = (t: { id: string; name: string; tier_id: string }) => ({
  id: t.id,
  name: t.name,
  tierId: t.tier_id,
});
const department = (d: { id: string; name: string; calendar_id: string | null; active: boolean }) => ({
  id: d.id,
  name: d.name,
  calendarId: d.calendar_id,
  active: d.active,
});

export function organisationRoutes(app: App, deps: RouteDeps) {
  app.get(
    '/tiers',
    {
      schema: {
        tags: ['organisation'],
        summary: 'The tiers, front line (1) first: 一线 → 专家席 → 班长/主管',
        response: { 200: z.object({ items: z.array(tierSchema) }), ...queryErrors },
      },
    },
    async (req) => ({ items: await listTiers(commandContext(deps, req)) }),
  );

  app.get(
    '/teams',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Teams and the tier each works in',
        response: { 200: z.object({ items: z.array(teamSchema) }), ...queryErrors },
      },
    },
    async (req) => ({ items: (await listTeams(commandContext(deps, req))).map(team) }),
  );

  app.post(
    '/teams',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Create a team in a tier (admin)',
        body: z.object({ name: text(100), tierId: z.uuid() }),
        response: { 201: teamSchema, ...changeErrors },
      },
    },
    async (req, reply) => reply.code(201).send(team(await createTeam(commandContext(deps, req), req.body))),
  );

  app.get(
    '/departments',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Back-office departments that answer work orders',
        response: { 200: z.object({ items: z.array(departmentSchema) }), ...queryErrors },
      },
    },
    async (req) => ({ items: (await listDepartments(commandContext(deps, req))).map(department) }),
  );

  app.post(
    '/departments',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Create a department (admin)',
        body: z.object({ name: text(100), calendarId: z.uuid().nullish() }),
        response: { 201: departmentSchema, ...changeErrors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(department(await createDepartment(commandContext(deps, req), req.body))),
  );
}
