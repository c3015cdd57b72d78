import type { Types } from 'mongoose';
import { z } from 'zod';
import { guardedUpdate } from '../guarded-write';
import { objectIdString, text } from '../inputs';
import type { DomainDeps } from '../models';
import type { Actor } from '../person/person.model';
import { actorOf } from '../person/person.service';
import { parseInput, refuse, Refusal } from '../refusal';
import { scoped } from '../scope';
import { redeemRule, releaseRule, requestRedemptionRule } from '../voucher/delivery.rules';
import { checkVoucherLocation, reservationRule, underApprovedLocation } from '../voucher/reserve.service';
import type { Voucher } from '../voucher/voucher.model';
import { isRefused, ruleTime } from '../voucher/voucher.rules';
import { changeVoucher, loadVoucher, type Rule } from '../voucher/voucher.service';
import type { Approval, ApprovalOutcome } from './approval.model';
import { decideRule } from './approval.rules';
import { discardApproval, loadApproval, openApproval } from './approval.store';

export const redemptionInput = z.object({ voucherIds: z.array(objectIdString).min(1).max(50) });
export const approveInput = z.object({ approvalId: objectIdString, comment: text(1000).nullable().default(null) });
export const rejectInput = z.object({ approvalId: objectIdString, comment: text(1000) });

export interface DecisionResult {
  approval: Approval;
  vouchers: Voucher[];
  outcomes: ApprovalOutcome[];
}

/** Runs a rule per voucher and records which applied; a refusal of one does not stop the others. */
async function applyToEach(deps: DomainDeps, actor: Actor, ids: Types.ObjectId[], rule: Rule): Promise<{ vouchers: Voucher[]; outcomes: ApprovalOutcome[] }> {
  const vouchers: Voucher[] = [];
  const outcomes: ApprovalOutcome[] = [];
  for (const voucherId of ids) {
    try {
      vouchers.push(await changeVoucher(deps, actor, voucherId, rule));
      outcomes.push({ voucherId, applied: true, code: null });
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      outcomes.push({ voucherId, applied: false, code: e.code });
    }
  }
  return { vouchers, outcomes };
}

/** Checks every voucher of a redemption request before anything is written. */
async function checkRedemption(deps: DomainDeps, actor: Actor, ids: string[]): Promise<Voucher[]> {
  const t = ruleTime(deps.clock.now());
  const vouchers = await Promise.all(ids.map((id) => loadVoucher(deps, actor.partnerId, id)));
  for (const v of vouchers) {
    const refused = requestRedemptionRule(v, actor, t, v._id);
    if (isRefused(refused)) throw refused;
    const wrongPlace = await checkVoucherLocation(deps, v);
    if (wrongPlace) throw wrongPlace;
  }
  return vouchers;
}

async function lockAll(deps: DomainDeps, actor: Actor, vouchers: Voucher[], approval: Approval): Promise<Voucher[]> {
  const locked: Voucher[] = [];
  try {
    for (const v of vouchers) locked.push(await changeVoucher(deps, actor, v._id, (x, t) => requestRedemptionRule(x, actor, t, approval._id)));
    return locked;
  } catch (e) {
    const system: Actor = { ...actor, roles: ['system'] };
    await applyToEach(deps, system, locked.map((v) => v._id), (x, t) => releaseRule(x, system, t, approval._id, 'redemption request failed'));
    await discardApproval(deps, approval);
    throw e;
  }
}

async function decide(deps: DomainDeps, actor: Actor, approvalId: string, decision: 'approved' | 'rejected', comment: string | null): Promise<Approval> {
  const now = deps.clock.now();
  const a = await loadApproval(deps, actor.partnerId, approvalId);
  const plan = decideRule(a, actor, decision, comment, now);
  if (plan instanceof Refusal) throw plan;
  const m = deps.models.approvals;
  const result = await guardedUpdate<Approval>(deps.connection, deps.clock, { model: m, id: a._id, version: a.version, filter: scoped(actor.partnerId, plan.filter), update: plan.update });
  if (result.ok) return result.doc;
  const again = decideRule(await loadApproval(deps, actor.partnerId, approvalId), actor, decision, comment, now);
  if (again instanceof Refusal) throw again;
  throw refuse('APPROVAL_ALREADY_DECIDED', { approvalId, status: 'changed' });
}

async function recordOutcomes(deps: DomainDeps, a: Approval, outcomes: ApprovalOutcome[]): Promise<Approval> {
  const done = await deps.models.approvals
    .findOneAndUpdate(scoped(a.partnerId, { _id: a._id }), { $set: { outcomes, appliedOn: deps.clock.now() } }, { returnDocument: 'after' })
    .lean<Approval>();
  return done ?? a;
}

/** Requests, approvals and rejections (DOMAIN.md, People: Manager; step 6). */
export function approvalService(deps: DomainDeps) {
  return {
    /** Ask to redeem several completed vouchers with one approval (DOMAIN.md, step 6). */
    async requestRedemption(actor: Actor, raw: z.input<typeof redemptionInput>): Promise<{ approval: Approval; vouchers: Voucher[] }> {
      const { voucherIds } = parseInput(redemptionInput, raw);
      const vouchers = await checkRedemption(deps, actor, [...new Set(voucherIds)]);
      const approval = await openApproval(deps, actor, 'redeem', vouchers, null);
      return { approval, vouchers: await lockAll(deps, actor, vouchers, approval) };
    },
    /** Approve: the decision is one conditional update; then each voucher moves (redeemed or reserved). */
    async approve(actor: Actor, raw: z.input<typeof approveInput>): Promise<DecisionResult> {
      const i = parseInput(approveInput, raw);
      const a = await decide(deps, actor, i.approvalId, 'approved', i.comment);
      const { vouchers, outcomes } = await applyEffect(deps, actor, a);
      // A voucher the approval could not move (a rule failed since the request) must not stay locked.
      const system: Actor = { ...actor, roles: ['system'] };
      const unapplied = outcomes.filter((o) => !o.applied).map((o) => o.voucherId);
      await applyToEach(deps, system, unapplied, (v, t) => releaseRule(v, system, t, a._id, 'approved, but the approval could not be applied'));
      return { approval: await recordOutcomes(deps, a, outcomes), vouchers, outcomes };
    },
    /** Reject: the vouchers are released and keep their state. */
    async reject(actor: Actor, raw: z.input<typeof rejectInput>): Promise<DecisionResult> {
      const i = parseInput(rejectInput, raw);
      const a = await decide(deps, actor, i.approvalId, 'rejected', i.comment);
      const { vouchers, outcomes } = await applyToEach(deps, actor, a.voucherIds, (v, t) => releaseRule(v, actor, t, a._id, `rejected: ${i.comment}`));
      return { approval: await recordOutcomes(deps, a, outcomes), vouchers, outcomes };
    },
    get: (actor: Actor, approvalId: string): Promise<Approval> => loadApproval(deps, actor.partnerId, approvalId),
    /** Pending approvals an approver should decide. */
    pendingFor: (actor: Actor): Promise<Approval[]> =>
      deps.models.approvals.find(scoped(actor.partnerId, { approvers: actor.aadObjectId, status: 'pending' })).sort({ expiresAt: 1 }).limit(50).lean<Approval[]>(),
    /** Remembers a sent approval card so every copy can be updated after the decision (STYLE.md §5). */
    async recordMessage(actor: Actor, approvalId: string, messageId: string): Promise<void> {
      const a = await loadApproval(deps, actor.partnerId, approvalId);
      await deps.models.approvals.updateOne(scoped(actor.partnerId, { _id: a._id }), { $addToSet: { messageIds: messageId } });
    },
  };
}

/** Applies an approved approval to its vouchers; a refusal before any voucher moves counts for all. */
async function applyEffect(deps: DomainDeps, manager: Actor, a: Approval): Promise<{ vouchers: Voucher[]; outcomes: ApprovalOutcome[] }> {
  try {
    return await applyToEach(deps, manager, a.voucherIds, await effectRule(deps, manager, a));
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    return { vouchers: [], outcomes: a.voucherIds.map((voucherId) => ({ voucherId, applied: false, code: e.code })) };
  }
}

/**
 * Releases vouchers still locked by an approval that is no longer pending: a decision taken
 * while the request was still locking its vouchers, or a process stopped between a decision and
 * its effect. Run by the sweep; without it such vouchers would stay locked for good.
 */
export async function releaseOrphanLocks(deps: DomainDeps, partnerId: Types.ObjectId, system: Actor): Promise<number> {
  const locked = await deps.models.vouchers
    .find(scoped(partnerId, { pendingApprovalId: { $ne: null } }), { pendingApprovalId: 1 })
    .lean<{ _id: Types.ObjectId; pendingApprovalId: Types.ObjectId }[]>();
  const approvalIds = [...new Set(locked.map((v) => String(v.pendingApprovalId)))];
  if (approvalIds.length === 0) return 0;
  const live = await deps.models.approvals.find(scoped(partnerId, { _id: { $in: approvalIds }, status: 'pending' }), { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
  const pending = new Set(live.map((a) => String(a._id)));
  let released = 0;
  for (const v of locked.filter((x) => !pending.has(String(x.pendingApprovalId)))) {
    const r = await applyToEach(deps, system, [v._id], (x, t) => releaseRule(x, system, t, v.pendingApprovalId, 'its approval is no longer pending'));
    released += r.vouchers.length;
  }
  return released;
}

/** What an approval does to its vouchers once approved. */
async function effectRule(deps: DomainDeps, manager: Actor, a: Approval): Promise<Rule> {
  if (a.kind === 'redeem') return underApprovedLocation(deps, (v, t) => redeemRule(v, manager, t, a._id));
  const requester = await deps.models.people.findOne(scoped(a.partnerId, { aadObjectId: a.requestedBy })).lean();
  if (!requester || !a.reservation) throw refuse('PERSON_NOT_FOUND', { aadObjectId: a.requestedBy });
  return reservationRule(deps, manager, a.reservation, { id: a._id, requester: actorOf(requester) });
}

/** Expires pending approvals past their time and releases their vouchers (run by the sweep). */
export async function expireApprovals(deps: DomainDeps, partnerId: Types.ObjectId, system: Actor): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.models.approvals.find(scoped(partnerId, { status: 'pending', expiresAt: { $lte: now } })).lean<Approval[]>();
  let expired = 0;
  for (const a of due) {
    const filter = scoped(partnerId, { _id: a._id, version: a.version, status: 'pending' });
    const update = { $set: { status: 'expired' }, $inc: { version: 1 } };
    const r = await guardedUpdate<Approval>(deps.connection, deps.clock, { model: deps.models.approvals, id: a._id, version: a.version, filter, update });
    if (!r.ok) continue;
    expired++;
    await applyToEach(deps, system, a.voucherIds, (v, t) => releaseRule(v, system, t, a._id, 'approval expired'));
  }
  return expired;
}

