// One place maps domain error codes to HTTP statuses. Every error leaves as
// {"error":{"code","message","details"}}; bad input is 4xx, never 500.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode, type FieldIssue } from '../domain/errors.ts';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  STALE_VERSION: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  IDEMPOTENCY_KEY_REUSED: 422,
  INVALID_TRANSITION: 422,
  NO_DEMANDS: 422,
  NOT_CONFIRMED: 422,
  DEMANDS_OPEN: 422,
  DEMANDS_NOT_INFORMED: 422,
  SUMMARY_REQUIRED: 422,
  REASON_REQUIRED: 422,
  COMPLAINT_CLOSED: 422,
  DEMAND_LOCKED: 422,
  OWNER_FIXED: 422,
  COMMITMENTS_OPEN: 422,
  ALREADY_PAUSED: 422,
  NOT_PAUSED: 422,
  COMMITMENT_CLOSED: 422,
  ESCALATION_REASON_INVALID: 422,
  TOP_TIER: 422,
  WORK_ORDERS_OPEN: 422,
  WORK_ORDER_CLOSED: 422,
  COMPENSATION_PENDING: 422,
  ABOVE_AUTHORITY: 403,
  ANALYSIS_MISSING: 422,
  FACTS_NOT_VERIFIED: 422,
  RATE_LIMITED: 429,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

function send(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown>,
) {
  return reply.code(status).send({ error: { code, message, details } });
}

function fieldOf(context: string | undefined, path: string): string {
  const where =
    context === 'querystring'
      ? 'query'
      : context === 'params'
        ? 'params'
        : context === 'headers'
          ? 'headers'
          : '';
  const inner = path.replace(/^\//, '').replaceAll('/', '.');
  if (where && inner) return `${where}.${inner}`;
  return inner || where || 'body';
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) {
    return send(reply, statusOf(err.code), err.code, err.message, err.details);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues: FieldIssue[] = err.validation.map((v) => ({
      field: fieldOf(err.validationContext, v.instancePath),
      message: v.message ?? 'invalid',
    }));
    return send(
      reply,
      400,
      'VALIDATION_FAILED',
      `Invalid input (${issues.map((i) => `${i.field}: ${i.message}`).join('; ')})`,
      {
        issues,
      },
    );
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return send(reply, 413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 1 MB', {
      limitBytes: 1_048_576,
    });
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    // Fastify's own client errors: malformed JSON, wrong content type, empty body …
    return send(reply, err.statusCode, 'VALIDATION_FAILED', err.message, {
      issues: [{ field: 'body', message: err.message }],
    });
  }
  // Name, code, message and stack only: a database error's `detail` can quote the row (a phone number).
  req.log.error(
    {
      err: { type: err.name, code: (err as { code?: unknown }).code, message: err.message, stack: err.stack },
    },
    'unhandled error',
  );
  return send(reply, 500, 'INTERNAL', 'Something went wrong on our side; the change was not saved', {});
}
