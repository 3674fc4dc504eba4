// Request schemas shared by several routes. Each route keeps its own schema beside it.
import { z } from 'zod';
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  CUSTOMER_MOTIVES,
  CUSTOMER_TYPES,
  DEMAND_TYPES,
  DISSATISFACTION_LEVELS,
  RESOLUTION_CLASSES,
  SEVERITIES,
} from '../domain/vocabulary.ts';

export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const channel = z.enum(CHANNELS);
export const severity = z.enum(SEVERITIES);
export const demandType = z.enum(DEMAND_TYPES);
export const dissatisfaction = z.enum(DISSATISFACTION_LEVELS).nullish();
export const customerType = z.enum(CUSTOMER_TYPES).nullish();
export const customerMotive = z.enum(CUSTOMER_MOTIVES).nullish();
export const resolutionClass = z.enum(RESOLUTION_CLASSES);
export const complaintStatus = z.enum(COMPLAINT_STATUSES);

/** An ISO 8601 timestamp with a zone, e.g. 2026-11-22T09:30:00+08:00. */
export const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const version = z.number().int().positive().describe('The complaint version this change was based on');

export const demandInput = z.object({
  type: demandType,
  description: text(2000),
});

/** `?status=new,accepted` or `?status=new&status=accepted`. */
export const listParam = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter((s) => s.length > 0))
    .pipe(z.array(item))
    .optional();

export const complaintIdParams = z.object({
  id: z
    .string()
    .regex(/^([0-9a-fA-F-]{36}|TS\d{12,})$/i, 'a complaint id (uuid) or number (TS…)')
    .describe('Complaint id or number'),
});
