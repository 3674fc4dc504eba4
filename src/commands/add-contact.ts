// Logs an interaction with the customer. Every contact has a purpose and an outcome
// (pitfall 2: no contact without a goal). Follow-up calls after closure are logged too.

import { recordAudit } from '../db/repositories/audit.ts';
import { commitmentFactsOf } from '../db/repositories/deadlines.ts';
import { contactFulfils } from '../domain/commitments.ts';
import { invalid } from '../domain/errors.ts';
import type { Channel, ContactDirection, ContactOutcome, ContactPurpose } from '../domain/vocabulary.ts';
import type { CommandContext } from './context.ts';
import { mutateComplaint } from './mutate-complaint.ts';

export interface AddContactInput {
  version: number;
  direction: ContactDirection;
  channel: Channel;
  purpose: ContactPurpose;
  outcome: ContactOutcome;
  startedAt?: Date | undefined;
  endedAt?: Date | null | undefined;
  notes?: string | null | undefined;
}

export async function addContact(
  ctx: CommandContext,
  complaintId: string,
  input: AddContactInput,
): Promise<string> {
  const startedAt = input.startedAt ?? ctx.now;
  if (startedAt.getTime() > ctx.now.getTime() + 60_000) {
    throw invalid([{ field: 'startedAt', message: 'cannot be in the future' }]);
  }
  if (input.endedAt && input.endedAt < startedAt) {
    throw invalid([{ field: 'endedAt', message: 'must not be before startedAt' }]);
  }
  return mutateComplaint(ctx, complaintId, input.version, async ({ tx, complaint }) => {
    const row = await tx
      .insertInto('contacts')
      .values({
        complaint_id: complaint.id,
        direction: input.direction,
        channel: input.channel,
        purpose: input.purpose,
        outcome: input.outcome,
        agent_id: ctx.actor.id,
        started_at: startedAt,
        ended_at: input.endedAt ?? null,
        notes: input.notes ?? null,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      complaintId: complaint.id,
      entity: 'contact',
      entityId: row.id,
      action: 'contact.logged',
      actorId: ctx.actor.id,
      at: ctx.now,
      after: {
        direction: input.direction,
        channel: input.channel,
        purpose: input.purpose,
        outcome: input.outcome,
      },
    });
    // A contact that reached the customer keeps the promises it answers (domain §11).
    const open = await tx
      .selectFrom('commitments')
      .selectAll()
      .where('complaint_id', '=', complaint.id)
      .where('status', '=', 'open')
      .execute();
    const contact = { direction: input.direction, outcome: input.outcome, purpose: input.purpose, startedAt };
    for (const c of open) {
      if (!contactFulfils(commitmentFactsOf(c), contact)) continue;
      await tx
        .updateTable('commitments')
        .set({
          status: 'fulfilled',
          fulfilled_at: startedAt,
          fulfilled_by: ctx.actor.id,
          fulfilled_contact_id: row.id,
          next_fire_at: null,
        })
        .where('id', '=', c.id)
        .execute();
      await recordAudit(tx, {
        complaintId: complaint.id,
        entity: 'commitment',
        entityId: c.id,
        action: 'commitment.fulfilled',
        actorId: ctx.actor.id,
        at: ctx.now,
        before: { status: 'open' },
        after: { status: 'fulfilled', contactId: row.id, late: startedAt > c.due_at },
      });
    }
    return undefined;
  });
}
