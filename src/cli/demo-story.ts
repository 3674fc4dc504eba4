// One demo complaint played through the real commands, from intake to where its plan says it
// stops, following the four stages (domain §4): every rule is checked and every step lands in
// the timeline, as if staff had done it.
import type { AddContactInput } from '../commands/add-contact.ts';
import { grantCompensation } from '../commands/compensations.ts';
import { createComplaint } from '../commands/create-complaint.ts';
import { addDemand } from '../commands/demands.ts';
import { escalateComplaint } from '../commands/escalations.ts';
import { transferComplaint } from '../commands/transfer-complaint.ts';
import { type UpdateComplaintInput, updateComplaint } from '../commands/update-complaint.ts';
import { answerWorkOrder, sendWorkOrder } from '../commands/work-orders.ts';
import { complaintDemands } from '../db/repositories/complaints.ts';
import type { AnalysisInput } from '../domain/cause-analysis.ts';
import type { Cause, DemandStatus, DemandType, ResolutionClass } from '../domain/vocabulary.ts';
import type { Actor } from '../policies/actor.ts';
import { ANSWERS, LESSONS, NOTES, REASONS, REOPENINGS, WORK_ORDERS } from './demo-data.ts';
import type { ComplaintPlan } from './demo-plan.ts';
import { MINUTE, type Rng } from './demo-random.ts';
import { type Cast, type ContactSpec, type Gap, Script, type Stage } from './demo-script.ts';

/** Share of demands of each type declined when we were at fault. */
const DECLINE: Record<DemandType, number> = {
  explanation: 0.02,
  fix: 0.08,
  refund: 0.08,
  compensation: 0.3,
  apology: 0.03,
  staff_action: 0.15,
  improvement: 0.15,
  other: 0.2,
};
/** The cause (§8) of a complaint we were at fault for, by its category; otherwise product or technical. */
const CAUSE_BY_CATEGORY: Record<string, Cause> = {
  坐席服务: 'service_attitude',
  营业厅服务: 'service_attitude',
  上门服务: 'service_attitude',
  套餐资费: 'communication',
  宣传不实: 'communication',
  营销骚扰: 'communication',
};

/** Demands owed only when we were at fault: otherwise they are mostly declined. */
const OWED_ONLY_AT_FAULT: readonly DemandType[] = ['refund', 'compensation', 'apology', 'staff_action'];

interface DemandState {
  id: string;
  type: DemandType;
  status: DemandStatus;
  resolution: string;
  informed: boolean;
}

export async function playComplaint(stage: Stage, plan: ComplaintPlan, rng: Rng): Promise<void> {
  const owner = rng.pick(stage.cast.agents);
  const voice = plan.channel === 'phone_in' || plan.channel === 'phone_out' || plan.channel === 'walk_in';
  // A call is recorded while it goes on; written complaints are recorded as they arrive.
  const createdAt = new Date(
    Math.min(stage.cap.getTime(), plan.receivedAt.getTime() + (voice ? rng.int(2, 8) * MINUTE : 0)),
  );
  const ctx = { db: stage.db, dbKind: stage.dbKind, actor: owner, now: createdAt };
  const { complaintId } = await createComplaint(ctx, {
    customer: plan.customer,
    channel: plan.channel,
    description: plan.description,
    categoryId: plan.categoryId,
    product: plan.product,
    severity: plan.severity,
    dissatisfaction: plan.dissatisfaction,
    customerType: plan.customerType,
    customerMotive: plan.customerMotive,
    confirmed: plan.confirmed,
    receivedAt: plan.receivedAt,
    demands: plan.demands,
  });
  const demands = (await complaintDemands(stage.db, complaintId)).map(
    (d): DemandState => ({
      id: d.id,
      type: d.type as DemandType,
      status: 'open',
      resolution: '',
      informed: false,
    }),
  );
  const script = new Script(rng);
  new Story(script, plan, demands, owner, stage.cast, rng).write();
  await script.play(stage, complaintId, createdAt);
}

class Story {
  /** Who works the complaint: the owner, or the specialist it was transferred to. */
  private handler: Actor;
  private readonly resolutionClass: ResolutionClass;
  /** The specialist recorded the verified facts: only then is the company's fault judged (pitfall 5). */
  private factsVerified = false;

  constructor(
    private readonly s: Script,
    private readonly plan: ComplaintPlan,
    private readonly demands: DemandState[],
    private readonly owner: Actor,
    private readonly cast: Cast,
    private readonly rng: Rng,
  ) {
    this.handler = owner;
    this.resolutionClass =
      plan.scenario.resolution ??
      rng.weighted<ResolutionClass>([
        ['immediate', 25],
        ['short_term', 65],
        ['not_now', 10],
      ]);
  }

  write(): void {
    const { plan, rng, s } = this;
    const { target, twist } = plan;
    this.accept();
    if (target === 'new') return;
    this.maybeTransfer();
    if (target === 'accepted') {
      if (rng.chance(0.3)) s.contact(this.handler, [30, 600], this.call('progress_update', NOTES.progress));
      return;
    }
    if (twist === 'withdraw' && rng.chance(0.4)) {
      this.withdraw();
      return;
    }
    this.work();
    if (twist === 'withdraw') {
      this.withdraw();
      return;
    }
    const unfinished = target === 'in_progress' && twist !== 'reopen';
    this.answer(unfinished ? rng.int(0, this.demands.length - 1) : this.demands.length);
    if (unfinished) {
      if (rng.chance(0.4)) s.contact(this.handler, [60, 1440], this.call('progress_update', NOTES.progress));
      return;
    }
    s.transition(this.handler, [10, 240], { action: 'resolve' }, this.resolutionClass);
    if (target === 'resolved') {
      if (rng.chance(0.4)) s.contact(this.handler, [60, 1440], this.missed('inform_result'));
      return;
    }
    if (target === 'in_progress') {
      this.reopen([600, 4320], false);
      return;
    }
    this.followUp();
    this.close(false);
    if (twist === 'reopen') {
      this.reopen([1440, 14_400], true);
      s.transition(this.handler, [30, 600], { action: 'resolve' }, this.resolutionClass);
      this.followUp();
      this.close(true);
    }
    if (rng.chance(0.25)) s.contact(this.owner, [600, 4320], this.call('survey', NOTES.satisfaction));
  }

  private call(
    purpose: AddContactInput['purpose'],
    notes: string[],
    minutes = this.rng.int(3, 15),
  ): ContactSpec {
    const notesText = this.rng.pick(notes);
    return {
      direction: 'outbound',
      channel: 'phone_out',
      purpose,
      outcome: 'reached',
      notes: notesText,
      minutes,
    };
  }

  private missed(purpose: AddContactInput['purpose']): ContactSpec {
    return { ...this.call(purpose, NOTES.noAnswer, 1), outcome: this.rng.chance(0.8) ? 'no_answer' : 'busy' };
  }

  private incoming(notes: string[]): ContactSpec {
    return { ...this.call('other', notes), direction: 'inbound', channel: 'phone_in' };
  }

  /** 受理: the intake call; a written complaint is read back to the customer by phone first. */
  private accept(): void {
    const { plan, owner, rng, s } = this;
    if (plan.channel === 'phone_in' || plan.channel === 'walk_in' || plan.channel === 'phone_out') {
      const outbound = plan.channel === 'phone_out';
      const notes = outbound ? NOTES.survey : plan.channel === 'walk_in' ? NOTES.walkIn : NOTES.intake;
      const spec = { ...this.call(outbound ? 'survey' : 'intake', notes), channel: plan.channel };
      s.contact(
        owner,
        [0, 1],
        { ...spec, direction: outbound ? 'outbound' : 'inbound', from: plan.receivedAt },
        true,
      );
    }
    if (plan.confirmed) return;
    if (rng.chance(0.3)) s.contact(owner, [20, 240], this.missed('clarify'));
    if (plan.target === 'new') return;
    s.contact(owner, [30, 600], this.call('clarify', NOTES.clarify));
    s.transition(owner, [1, 5], { action: 'accept', confirmed: true });
  }

  /** Serious or tangled cases go to a specialist (专家席); the owner stays responsible. */
  private maybeTransfer(): void {
    const { plan, cast, rng, s } = this;
    const p = plan.severity === 'crisis' ? 0.85 : plan.severity === 'major' ? 0.5 : 0.12;
    if (!cast.specialists.length || !rng.chance(plan.target === 'accepted' ? p / 2 : p)) return;
    const by = plan.severity === 'crisis' && cast.supervisor ? cast.supervisor : this.owner;
    const specialist = rng.pick(cast.specialists);
    const note = rng.pick(plan.severity === 'normal' ? REASONS.transfer : REASONS.transferSerious);
    // Going up a tier is an escalation with one of its reasons; a supervisor hands it on directly.
    if (by === this.owner) {
      const reason = plan.severity === 'normal' ? 'beyond_authority' : 'major_risk';
      s.step(by, [10, 240], (ctx, id, version) =>
        escalateComplaint(ctx, id, { version, reason, note, handlerId: specialist.id }),
      );
    } else {
      s.step(by, [10, 240], (ctx, id, version) =>
        transferComplaint(ctx, id, { version, handlerId: specialist.id, reason: note }),
      );
    }
    this.handler = specialist;
    this.factsVerified = true;
    // The specialist verifies the facts with the departments involved (customers tell what favours them).
    s.contact(specialist, [30, 720], this.call('verify_facts', NOTES.verify));
    const judged: Omit<UpdateComplaintInput, 'version'> = { verifiedFacts: plan.cause };
    // 恶意索赔 is judged on facts, by experienced staff only (domain §9).
    if (!plan.ourFault && plan.customerType === 'rational_difficult' && rng.chance(0.5)) {
      judged.customerType = 'malicious_claim';
    }
    s.step(specialist, [5, 90], (ctx, id, version) => updateComplaint(ctx, id, { ...judged, version }));
  }

  /** 解释澄清 and 解决处理: start, check the facts, propose a solution. */
  private work(): void {
    const { rng, s, handler } = this;
    s.transition(handler, [10, 600], { action: 'start' });
    if (handler === this.owner && rng.chance(0.5))
      s.contact(handler, [20, 600], this.call('verify_facts', NOTES.verify));
    if (rng.chance(0.2)) {
      const callback: ContactSpec = {
        ...this.call('propose_solution', NOTES.callbackRequested, 1),
        outcome: 'callback_requested',
      };
      s.contact(handler, [30, 300], rng.chance(0.5) ? this.missed('propose_solution') : callback);
    }
    this.maybeWorkOrder();
    s.contact(handler, [30, 1440], this.call('propose_solution', NOTES.propose));
  }

  /** Some facts only the back office can verify: a work order, answered by the department. */
  private maybeWorkOrder(): void {
    const { rng, s, handler, cast } = this;
    const dept = cast.department;
    if (!dept?.departmentId || !rng.chance(0.25)) return;
    const departmentId = dept.departmentId;
    s.step(handler, [10, 240], (ctx, id, version) =>
      sendWorkOrder(ctx, id, { version, departmentId, request: rng.pick(WORK_ORDERS.request) }),
    );
    s.step(dept, [60, 1440], async (ctx, id) => {
      const order = await ctx.db
        .selectFrom('work_orders')
        .select('id')
        .where('complaint_id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow();
      return answerWorkOrder(ctx, order.id, {
        outcome: rng.chance(0.7) ? 'verified' : 'done',
        answer: rng.pick(WORK_ORDERS.answer),
      });
    });
  }

  /** Every demand is answered on its own (pitfall 6); the first `count` are answered now. */
  private answer(count: number): void {
    const { plan, rng } = this;
    for (const d of this.demands.slice(0, count)) {
      const p = plan.ourFault || !OWED_ONLY_AT_FAULT.includes(d.type) ? DECLINE[d.type] : 0.85;
      d.status = rng.chance(p) ? 'declined' : 'fulfilled';
      d.resolution = rng.pick(ANSWERS[d.type][d.status === 'declined' ? 'declined' : 'fulfilled']);
      d.informed = rng.chance(d.status === 'declined' ? 0.5 : 0.4);
      if (d.type === 'compensation' && d.status === 'fulfilled') {
        // 补偿 within the front line's authority: a bill credit of up to 50 yuan, granted at once.
        const yuan = rng.pick([10, 20, 30, 50]);
        this.s.step(this.handler, [30, 600], (ctx, id, version) =>
          grantCompensation(ctx, id, d.id, {
            version,
            type: 'bill_credit',
            amountFen: yuan * 100,
            wording: `为表歉意，给予您${yuan}元话费补偿`,
          }),
        );
      }
      this.s.demand(this.handler, [60, 2880], d, {
        status: d.status,
        resolution: d.resolution,
        customerInformed: d.informed,
      });
    }
  }

  private withdraw(): void {
    this.s.contact(this.handler, [60, 2880], this.incoming(NOTES.withdraw), true);
    this.s.transition(this.handler, [1, 10], { action: 'withdraw', reason: this.rng.pick(REASONS.withdraw) });
  }

  /** 跟踪总结: call back with the result; every declined demand must be explained to the customer. */
  private followUp(): void {
    const { rng, s, handler } = this;
    if (rng.chance(0.25)) s.contact(handler, [60, 1440], this.missed('inform_result'));
    s.contact(handler, [30, 1440], this.call('inform_result', NOTES.inform));
    for (const d of this.demands) {
      if (d.informed || (d.status === 'fulfilled' && rng.chance(0.4))) continue;
      d.informed = true;
      s.demand(handler, [1, 5], d, { customerInformed: true });
    }
  }

  private close(reopened: boolean): void {
    const { plan, rng } = this;
    const withSummary = reopened || plan.severity !== 'normal' || rng.chance(0.35);
    const closer = plan.severity === 'crisis' && this.cast.supervisor ? this.cast.supervisor : this.handler;
    const summary = withSummary ? this.summary(reopened) : null;
    this.s.transition(closer, [10, 600], { action: 'close', summary, analysis: this.analysis() });
  }

  /** The cause analysis (§8) closing needs, from what verification found. */
  private analysis(): AnalysisInput {
    const { plan } = this;
    const cause: Cause = plan.ourFault
      ? (CAUSE_BY_CATEGORY[plan.scenario.category] ?? 'product_technical')
      : 'customer_situation';
    const department = this.cast.department?.departmentId ?? null;
    return {
      cause,
      controllable: plan.ourFault,
      internal: plan.ourFault,
      reversible: this.resolutionClass !== 'not_now',
      companyAtFault: this.factsVerified ? plan.ourFault : null,
      responsibleDepartmentId: plan.ourFault && cause === 'product_technical' ? department : null,
      note: `${plan.cause}。`,
    };
  }

  /** The customer comes back: the problem is not gone. Reopened, often with a new demand. */
  private reopen(gap: Gap, finish: boolean): void {
    const { demands, rng, s } = this;
    const why = rng.pick(
      REOPENINGS.filter(
        (r) => !r.after || demands.some((d) => d.type === r.after && d.status === 'fulfilled'),
      ),
    );
    s.contact(this.owner, gap, this.incoming([`${why.reason}，已记录并重新处理`]), true);
    s.transition(this.owner, [1, 10], { action: 'reopen', reason: why.reason });
    if (!rng.chance(0.7)) return;
    const [type, description] = why.demand;
    const extra: DemandState = { id: '', type, status: 'open', resolution: '', informed: false };
    demands.push(extra);
    s.step(this.handler, [5, 120], async (ctx, id, version) => {
      await addDemand(ctx, id, { version, type, description });
      extra.id = (await complaintDemands(ctx.db, id)).at(-1)?.id ?? '';
    });
    if (!finish) return;
    Object.assign(extra, {
      status: 'fulfilled',
      resolution: rng.pick(ANSWERS[type].fulfilled),
      informed: true,
    });
    s.demand(this.handler, [120, 2880], extra, {
      status: 'fulfilled',
      resolution: extra.resolution,
      customerInformed: true,
    });
  }

  /** 总结: what was found, what was done, what we learn. */
  private summary(reopened: boolean): string {
    const done = this.demands.filter((d) => d.status === 'fulfilled').map((d) => d.resolution);
    return [
      `${this.plan.scenario.category || '投诉'}：${this.plan.cause}。`,
      done.length ? `处理结果：${[...new Set(done)].join('；')}。` : '',
      this.demands.some((d) => d.status === 'declined') ? '未能支持的诉求已向客户解释说明。' : '',
      reopened ? '客户再次来电后重新处理，已确认解决。' : '',
      this.rng.pick(LESSONS),
    ].join('');
  }
}
