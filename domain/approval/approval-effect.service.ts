import type { Types } from 'mongoose';
import type { DomainDeps } from '../models';
import type { Actor, Person } from '../person/person.model';
import { actorOf, systemActor } from '../person/person.service';
import { refuse, Refusal } from '../refusal';
import { scoped } from '../scope';
import { releaseWhy } from '../voucher/audit-facts';
import { redeemRule, releaseRule } from '../voucher/delivery.rules';
import { reservationRule } from '../voucher/reserve.service';
import type { Voucher } from '../voucher/voucher.model';
import { changeVoucher, underApprovedLocation, type Rule } from '../voucher/voucher.store';
import { updateCurrent } from '../write';
import type { Approval, ApprovalOutcome } from './approval.model';
import { SETTLE_LEASE_MS } from './approval.rules';

/**
 * A decision and its effect on the vouchers are separate writes (an approval and its vouchers are
 * separate documents, and there are no transactions). The effect is applied by whoever holds the
 * approval's lease (`settleBy`): the decider, right after deciding; or, once the lease has passed
 * because that process stopped or failed, the next reader of the approval or the sweep. Every step
 * can be run again: a voucher is moved only while the approval's lock is on it, and its outcome
 * is recorded once, before a refused voucher is released, so a manager is always told why.
 */
export interface Settled {
  approval: Approval;
  vouchers: Voucher[];
  outcomes: ApprovalOutcome[];
}

const EFFECT_EVENTS = { approved: ['redeem', 'approveReservation'], rejected: ['releaseApproval'], expired: ['releaseApproval'] } as const;

/** Takes the lease of a decided approval whose effect is not applied and whose lease has passed. */
export async function takeSettlement(deps: DomainDeps, a: Approval): Promise<Approval | null> {
  if (a.status === 'pending' || a.appliedOn) return null;
  const now = deps.clock.now();
  const filter = scoped(a.partnerId, {
    _id: a._id,
    status: a.status,
    appliedOn: null,
    $or: [{ settleBy: null }, { settleBy: { $lte: now } }] as Record<string, unknown>[],
  });
  const r = await updateCurrent(deps, {
    model: deps.models.approvals,
    filter,
    change: () => ({ $set: { settleBy: new Date(now.getTime() + SETTLE_LEASE_MS) } }),
  });
  return r.ok ? r.doc : null;
}

/** Applies the effect of an approval whose lease this process holds (`a.settleBy`), then marks it applied. */
export async function settleApproval(deps: DomainDeps, a: Approval, decider: Actor | null): Promise<Settled> {
  const effect = await effectOf(deps, a, decider);
  const vouchers: Voucher[] = [];
  const outcomes: ApprovalOutcome[] = [];
  for (const voucherId of a.voucherIds) {
    const r = await settleVoucher(deps, a, voucherId, effect);
    if (r.voucher) vouchers.push(r.voucher);
    outcomes.push(r.outcome);
  }
  const filter = scoped(a.partnerId, { _id: a._id, settleBy: a.settleBy, appliedOn: null });
  const done = await updateCurrent(deps, {
    model: deps.models.approvals,
    filter,
    change: () => ({ $set: { appliedOn: deps.clock.now(), settleBy: null } }),
  });
  const approval = done.ok ? done.doc : ((await deps.models.approvals.findById(a._id).lean<Approval>()) ?? a);
  return { approval, vouchers, outcomes };
}

type Effect = { actor: Actor; rule: (a: Approval) => Rule } | Refusal;

/** What the decision does to each voucher, and who it is credited to. */
async function effectOf(deps: DomainDeps, a: Approval, known: Actor | null): Promise<Effect> {
  if (a.status === 'expired')
    return { actor: systemActor(a.partnerId), rule: () => release(systemActor(a.partnerId), a, releaseWhy('approval expired', 'expired')) };
  const last = a.decisions.at(-1);
  const decider = known ?? (last ? await personActor(deps, a.partnerId, last.by) : null);
  if (!decider) return refuse('PERSON_NOT_FOUND', { aadObjectId: last?.by ?? '' });
  if (a.status === 'rejected')
    return {
      actor: decider,
      rule: () => release(decider, a, releaseWhy(`rejected: ${last?.comment ?? ''}`, 'rejected', { comment: last?.comment || null })),
    };
  if (a.kind === 'redeem') return { actor: decider, rule: () => underApprovedLocation(deps, (v, t) => redeemRule(v, decider, t, a._id)) };
  if (a.kind !== 'reserve') return refuse('APPROVAL_KIND_UNSUPPORTED', { approvalId: String(a._id) });
  const requester = await personActor(deps, a.partnerId, a.requestedBy);
  if (!requester || !a.reservation) return refuse('PERSON_NOT_FOUND', { aadObjectId: a.requestedBy });
  const request = a.reservation;
  return { actor: decider, rule: () => reservationRule(deps, decider, request, { id: a._id, requester }) };
}

const release =
  (actor: Actor, a: Approval, why: ReturnType<typeof releaseWhy>): Rule =>
  (v, t) =>
    releaseRule(v, actor, t, a._id, why);

async function personActor(deps: DomainDeps, partnerId: Types.ObjectId, aadObjectId: string): Promise<Actor | null> {
  const p = await deps.models.people.findOne(scoped(partnerId, { aadObjectId })).lean<Person>();
  return p ? actorOf(p) : null;
}

const lockedBy = (v: Voucher | null, a: Approval): v is Voucher => Boolean(v?.pendingApprovalId?.equals(a._id));
const loadOne = (deps: DomainDeps, a: Approval, id: Types.ObjectId) =>
  deps.models.vouchers.findOne(scoped(a.partnerId, { _id: id })).lean<Voucher>();

async function settleVoucher(
  deps: DomainDeps,
  a: Approval,
  voucherId: Types.ObjectId,
  effect: Effect,
): Promise<{ outcome: ApprovalOutcome; voucher: Voucher | null }> {
  const v = await loadOne(deps, a, voucherId);
  const recorded = a.outcomes.find((o) => o.voucherId.equals(voucherId));
  if (recorded) return { outcome: recorded, voucher: lockedBy(v, a) ? await releaseRefused(deps, a, v, recorded) : null };
  if (!v)
    return {
      outcome: await record(deps, a, refused(voucherId, refuse('VOUCHER_NOT_FOUND', { voucher: String(voucherId) }))),
      voucher: null,
    };
  if (!lockedBy(v, a)) return { outcome: await record(deps, a, inferred(a, v)), voucher: null };
  if (effect instanceof Refusal) return refuseAndRelease(deps, a, v, effect);
  let current: Voucher = v;
  for (let attempt = 1; ; attempt++) {
    try {
      const moved = await changeVoucher(deps, effect.actor, current, effect.rule(a));
      return { outcome: await record(deps, a, { voucherId, applied: true, code: null, params: null }), voucher: moved };
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      const again = await loadOne(deps, a, voucherId);
      if (!lockedBy(again, a)) return { outcome: await record(deps, a, again ? inferred(a, again) : refused(voucherId, e)), voucher: null };
      // The decision stands: a voucher changed by someone else meanwhile (the sweep) is tried again on its new version.
      if (e.code !== 'CONCURRENT_UPDATE' || attempt >= EFFECT_ATTEMPTS) return refuseAndRelease(deps, a, again, e);
      current = again;
    }
  }
}

const EFFECT_ATTEMPTS = 5;

const refused = (voucherId: Types.ObjectId, r: Refusal): ApprovalOutcome => ({
  voucherId,
  applied: false,
  code: r.code,
  params: { ...r.params },
});

/** An approved voucher the rules now refuse: the outcome says why, then the system releases it. */
async function refuseAndRelease(
  deps: DomainDeps,
  a: Approval,
  v: Voucher,
  r: Refusal,
): Promise<{ outcome: ApprovalOutcome; voucher: Voucher | null }> {
  const outcome = await record(deps, a, refused(v._id, r));
  return { outcome, voucher: await releaseRefused(deps, a, v, outcome) };
}

/** The system, not the manager, releases a voucher the decision could not move (audited as such). */
async function releaseRefused(deps: DomainDeps, a: Approval, v: Voucher, outcome: ApprovalOutcome): Promise<Voucher | null> {
  const system = systemActor(a.partnerId);
  const status = a.status === 'pending' ? 'gone' : a.status;
  const why = outcome.applied
    ? releaseWhy(`approval ${a.status}`, status)
    : releaseWhy(`approval ${a.status}, not applied: ${outcome.code ?? 'unknown'}`, status, { notApplied: outcome.code ?? null });
  try {
    return await changeVoucher(deps, system, v, release(system, a, why));
  } catch (e) {
    // Released meanwhile by another holder of the lease: nothing left to do.
    if (e instanceof Refusal) return null;
    throw e;
  }
}

/**
 * The outcome of a voucher this approval no longer locks and has no outcome for: the process that
 * moved it stopped before recording. Only this approval's effect removes its lock once decided,
 * so the first lock-removing step after the decision is that effect.
 */
function inferred(a: Approval, v: Voucher): ApprovalOutcome {
  const since = (a.decisions.at(-1)?.at ?? a.expiresAt).getTime();
  const step = v.audit.find((e) => e.at.getTime() >= since && ['redeem', 'approveReservation', 'releaseApproval'].includes(e.event));
  const effects: readonly string[] = a.status === 'pending' ? [] : EFFECT_EVENTS[a.status];
  if (step && effects.includes(step.event)) return { voucherId: v._id, applied: true, code: null, params: null };
  const action = a.kind === 'redeem' ? 'redeem' : 'approveReservation';
  return refused(v._id, refuse('VOUCHER_WRONG_STATE', { number: v.number, state: v.state, action }));
}

/** Records a voucher's outcome once (a second holder of the lease finds it there). */
async function record(deps: DomainDeps, a: Approval, outcome: ApprovalOutcome): Promise<ApprovalOutcome> {
  const filter = scoped(a.partnerId, { _id: a._id, appliedOn: null });
  const r = await updateCurrent(deps, {
    model: deps.models.approvals,
    filter,
    change: (cur) => (cur.outcomes.some((o) => o.voucherId.equals(outcome.voucherId)) ? null : { $push: { outcomes: outcome } }),
  });
  return (r.ok ? r.doc.outcomes.find((o) => o.voucherId.equals(outcome.voucherId)) : null) ?? outcome;
}
