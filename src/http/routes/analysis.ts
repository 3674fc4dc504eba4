// The cause analysis of a complaint (domain §8): recorded on its own, or sent with the close.
import { z } from 'zod';
import { recordAnalysis } from '../../commands/record-analysis.ts';
import { ANALYSIS_NOTE_MAX } from '../../domain/cause-analysis.ts';
import { CAUSES } from '../../domain/vocabulary.ts';
import { changeErrors, complaintSchema } from '../responses.ts';
import { complaintIdParams, optionalText, version } from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { complaintResponse } from './complaints.ts';
import { commandContext } from './context.ts';

/** An analysis as the API takes it (alone, or as `analysis` of a close). */
export const analysisInput = z.object({
  cause: z.enum(CAUSES).describe('product_technical | communication | service_attitude | customer_situation'),
  controllable: z.boolean(),
  internal: z.boolean().describe('internal (true) or external (false)'),
  reversible: z.boolean(),
  companyAtFault: z
    .boolean()
    .nullish()
    .describe(
      'null or absent: not judged. Judging it needs the verified facts first (422 FACTS_NOT_VERIFIED)',
    ),
  responsibleDepartmentId: z.uuid().nullish(),
  note: optionalText(ANALYSIS_NOTE_MAX).describe('Impact, result, change'),
});

export function analysisRoutes(app: App, deps: RouteDeps) {
  app.put(
    '/complaints/:id/analysis',
    {
      schema: {
        tags: ['complaints'],
        summary:
          'Record the cause analysis: cause, controllable, internal, reversible, fault, department, note',
        description:
          'Replaces the analysis (the timeline keeps the old values). Closing as completed needs one; it may also come with the close.',
        params: complaintIdParams,
        body: analysisInput.extend({ version }),
        response: { 200: complaintSchema, ...changeErrors },
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      const id = await recordAnalysis(ctx, req.params.id, req.body);
      return complaintResponse(deps, ctx.actor, id);
    },
  );
}
