// The steps of one demo complaint, each a real command done by a member of staff after a gap.
// Played in order with the complaint's version tracked, times squeezed to fit before `cap`
// and, where there is room, moved into the back office's opening hours.
import type { Kysely } from 'kysely';
import { type AddContactInput, addContact } from '../commands/add-contact.ts';
import type { CommandContext } from '../commands/context.ts';
import { updateDemand } from '../commands/demands.ts';
import { transitionComplaint } from '../commands/transition-complaint.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { TransitionRequest } from '../domain/complaint-lifecycle.ts';
import type { DemandChange } from '../domain/demands.ts';
import type { ResolutionClass } from '../domain/vocabulary.ts';
import type { Actor } from '../policies/actor.ts';
import { chinaMinuteOfDay, MINUTE, type Rng } from './demo-random.ts';

export interface Cast {
  agents: Actor[];
  specialists: Actor[];
  supervisor: Actor | null;
  /** A back-office department's staff member, who answers work orders. */
  department: Actor | null;
}

export interface Stage {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  cast: Cast;
  /** No event happens after this. */
  cap: Date;
}

/** One command; `version` is the complaint's current version, `prev` the time of the step before. */
export type Run = (ctx: CommandContext, id: string, version: number, prev: Date) => Promise<unknown>;
export type Gap = [minMinutes: number, maxMinutes: number];
export type ContactSpec = Omit<AddContactInput, 'version' | 'startedAt' | 'endedAt' | 'notes'> & {
  notes: string;
  minutes: number;
  /** The call began at this time (the intake call began when the complaint was received). */
  from?: Date;
};

/** Opening hours of the back office, in minutes of the day in China. */
const OPENS = 8 * 60 + 30;
const SHUTS = 21 * 60;

export class Script {
  private readonly steps: Array<{ gap: number; actor: Actor; anyTime: boolean; run: Run }> = [];
  constructor(private readonly rng: Rng) {}

  /** After a gap of min–max minutes, `actor` runs a command. `anyTime`: the customer calls, even at night. */
  step(actor: Actor, [min, max]: Gap, run: Run, anyTime = false): void {
    this.steps.push({ gap: this.rng.int(min, max), actor, anyTime, run });
  }

  contact(actor: Actor, gap: Gap, spec: ContactSpec, anyTime = false): void {
    const { minutes, from, ...input } = spec;
    this.step(
      actor,
      gap,
      (ctx, id, version, prev) => {
        const startedAt = from ?? new Date(Math.max(prev.getTime(), ctx.now.getTime() - minutes * MINUTE));
        return addContact(ctx, id, { ...input, version, startedAt, endedAt: ctx.now });
      },
      anyTime,
    );
  }

  transition(actor: Actor, gap: Gap, req: TransitionRequest, resolutionClass?: ResolutionClass): void {
    this.step(actor, gap, (ctx, id, version) =>
      transitionComplaint(ctx, id, { ...req, version, resolutionClass }),
    );
  }

  /** `ref.id` is read when the step runs: a demand added by an earlier step gets its id then. */
  demand(actor: Actor, gap: Gap, ref: { id: string }, change: DemandChange): void {
    this.step(actor, gap, (ctx, id, version) => updateDemand(ctx, id, ref.id, { ...change, version }));
  }

  async play(stage: Stage, id: string, start: Date): Promise<void> {
    const cap = stage.cap.getTime();
    const total = this.steps.reduce((sum, s) => sum + s.gap * MINUTE, 0);
    const room = Math.max(0, cap - start.getTime()) * 0.95;
    const factor = total > room ? room / total : 1;
    let planned = start.getTime();
    let shift = 0;
    let prev = start.getTime();
    let version = 1; // a new complaint
    for (const [i, step] of this.steps.entries()) {
      planned += step.gap * MINUTE * factor;
      let at = Math.min(cap, Math.max(prev, planned + shift));
      const minute = chinaMinuteOfDay(new Date(at));
      if (!step.anyTime && (minute < OPENS || minute > SHUTS)) {
        const wait = (minute < OPENS ? OPENS - minute : OPENS + 24 * 60 - minute) + this.rng.int(0, 150);
        const opened = at + wait * MINUTE;
        if (opened <= cap - (this.steps.length - i) * 5 * MINUTE) {
          shift += opened - at;
          at = opened;
        }
      }
      const ctx = { db: stage.db, dbKind: stage.dbKind, actor: step.actor, now: new Date(at) };
      await step.run(ctx, id, version, new Date(prev));
      // Most commands bump the version; a department's answer to a work order does not.
      const row = await stage.db
        .selectFrom('complaints')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      version = row.version;
      prev = at;
    }
  }
}
