// Small response pieces shared by responses.ts and the presenters that define their own schemas
// (kept apart so those presenters and responses.ts do not import each other).
import { z } from 'zod';

export const userRef = z.object({ id: z.uuid(), name: z.string().nullable() });

export const phoneResponse = z.object({
  phone: z
    .string()
    .describe('Full number, or masked (138****5678) for roles without the personal-data permission'),
  phoneMasked: z.boolean(),
});

export const ability = z.object({
  allowed: z.boolean(),
  requires: z.array(z.string()).optional().describe('Inputs the action still needs, e.g. summary or reason'),
  code: z.string().optional(),
  message: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
