import type { Types } from 'mongoose';
import { z } from 'zod';
import { objectIdString, text } from '../inputs';
import { InvariantError } from '../invariant';
import type { DomainDeps } from '../models';
import { loadPartner } from '../partner/partner.store';
import { checkActor } from '../person/actor';
import type { Actor } from '../person/person.model';
import { systemActor } from '../person/person.service';
import { parseInput, refuse, Refusal } from '../refusal';
import { approvalResult, type DomainResult } from '../result';
import { scoped } from '../scope';
import { releaseWhy } from '../voucher/audit-facts';
import { releaseRule, requestRedemptionRule } from '../voucher/delivery.rules';
import type { Voucher } from '../voucher/voucher.model';
import { isRefused, ruleTime } from '../voucher/voucher.rules';
import { changeVoucher, checkReader, checkVoucherLocation, loadVoucher } from '../voucher/voucher.store';
import { updateCurrent } from '../write';
import { settleApproval, takeSettlement } from './approval-effect.service';
import type { Approval, ApprovalOutcome } from './approval.model';
import { decideRule, pendingFilter, type Decision } from './approval.rules';
import { discardApproval, loadApproval, openApproval } from './approval.store';

export const redemptionInput = z.object({ voucherIds: z.array(objectIdString).min(1).max(50) });
export const approveInput = z.object({ approvalId: objectIdString, comment: text(1000).nullable().default(null) });
export const rejectInput = z.object({ approvalId: objectIdString, comment: text(1000) });
export const messageInput = z.object({ approvalId: objectIdString, messageId: text(500) });

/** A decision: the approval, the vouchers it moved, each voucher's outcome, and the notices that tell them. */
export type DecisionResult = DomainResult & { approval: Approval; outcomes: ApprovalOutcome[] };

const decided = (s: { approval: Approval; vouchers: Voucher[]; outcomes: ApprovalOutcome[] }): DecisionResult => ({
  ...approvalResult(s),
  outcomes: s.outcomes,
});

/** Checks every voucher of a redemption request before anything is written. */
async function checkRedemption(deps: DomainDeps, actor: Actor, ids: string[]): Promise<Voucher[]> {
  const t = ruleTime(deps.clock.now());
  const vouchers = await Promise.all(ids.map((id) => loadVoucher(deps, actor.partnerId, id)));
  for (const v of vouchers) {
    const refused = requestRedemptionRule(v, actor, t, v._id);
    if (isRefused(refused)) throw refused;
    const wrongPlace = await checkVoucherLocation(deps, v, actor);
    if (wrongPlace) throw wrongPlace;
  }
  return vouchers;
}

/** Locks each voucher with the approval; if one cannot be locked, the system unlocks the others and the request goes. */
async function lockAll(deps: DomainDeps, actor: Actor, vouchers: Voucher[], approval: Approval): Promise<Voucher[]> {
  const locked: Voucher[] = [];
  try {
    for (const v of vouchers)
      locked.push(await changeVoucher(deps, actor, v._id, (x, t) => requestRedemptionRule(x, actor, t, approval._id)));
    return locked;
  } catch (e) {
    const system = systemActor(actor.partnerId);
    for (const v of locked) {
      await changeVoucher(deps, system, v, (x, t) =>
        releaseRule(x, system, t, approval._id, releaseWhy('redemption request failed', 'failed')),
      ).catch((r: unknown) => {
        if (!(r instanceof Refusal)) throw r;
      });
    }
    await discardApproval(deps, approval);
    throw e;
  }
}

/**
 * The decision: one conditional update of the approval (still pending, not expired), which also
 * takes the lease of its effect. A concurrent decision makes the rule refuse on the re-read with
 * who decided and how (APPROVAL_ALREADY_DECIDED).
 */
async function decide(deps: DomainDeps, actor: Actor, approvalId: string, decision: Decision, comment: string | null): Promise<Approval> {
  checkActor(actor);
  const now = deps.clock.now();
  const [a, partner] = await Promise.all([loadApproval(deps, actor.partnerId, approvalId), loadPartner(deps, actor.partnerId)]);
  const allowSelf = partner.settings.allowSelfApproval === true;
  const rule = (x: Approval) => decideRule(x, actor, decision, comment, now, allowSelf);
  const first = rule(a);
  if (first instanceof Refusal) throw first;
  const change = (x: Approval) => {
    const update = rule(x);
    if (update instanceof Refusal) throw update;
    return update;
  };
  const r = await updateCurrent(deps, { model: deps.models.approvals, filter: scoped(actor.partnerId, pendingFilter(a, now)), change });
  if (r.ok) return r.doc;
  // No longer pending or expired: the rule on a fresh read says which, and who decided.
  const again = rule(await loadApproval(deps, actor.partnerId, approvalId));
  if (again instanceof Refusal) throw again;
  throw new InvariantError(`approval ${approvalId} stopped matching its decision filter while its rule still passes`);
}

/** A pending approval past its time becomes `expired` (its vouchers are then released by settling it). */
async function expireIfDue(deps: DomainDeps, a: Approval): Promise<Approval> {
  const now = deps.clock.now();
  if (a.status !== 'pending' || a.expiresAt.getTime() > now.getTime()) return a;
  const filter = scoped(a.partnerId, { _id: a._id, status: 'pending', expiresAt: { $lte: now } });
  const r = await updateCurrent(deps, {
    model: deps.models.approvals,
    filter,
    change: () => ({ $set: { status: 'expired', settleBy: null } }),
  });
  return r.ok ? r.doc : ((await deps.models.approvals.findById(a._id).lean<Approval>()) ?? a);
}

/**
 * Finishes an approval left half-done: expires it when its time has passed, and applies the
 * effect of a decision left unapplied past its lease (a stopped or failed process).
 */
async function settleIfDue(deps: DomainDeps, before: Approval): Promise<Approval> {
  const a = await expireIfDue(deps, before);
  const now = deps.clock.now().getTime();
  if (a.status === 'pending' || a.appliedOn || (a.settleBy && a.settleBy.getTime() > now)) return a;
  const held = await takeSettlement(deps, a);
  return held ? (await settleApproval(deps, held, null)).approval : a;
}

/** Requests, approvals and rejections (DOMAIN.md, People: Manager; step 6). */
export function approvalService(deps: DomainDeps) {
  return {
    /** Ask to redeem several completed vouchers with one approval (DOMAIN.md, step 6). */
    async requestRedemption(actor: Actor, raw: z.input<typeof redemptionInput>): Promise<DomainResult & { approval: Approval }> {
      checkActor(actor);
      const { voucherIds } = parseInput(redemptionInput, raw);
      const vouchers = await checkRedemption(deps, actor, [...new Set(voucherIds)]);
      const approval = await openApproval(deps, actor, 'redeem', vouchers, null);
      return approvalResult({ approval, vouchers: await lockAll(deps, actor, vouchers, approval) });
    },
    /** Approve: the decision, then each voucher moves (redeemed or reserved) or is released with the reason. */
    async approve(actor: Actor, raw: z.input<typeof approveInput>): Promise<DecisionResult> {
      const i = parseInput(approveInput, raw);
      return decided(await settleApproval(deps, await decide(deps, actor, i.approvalId, 'approved', i.comment), actor));
    },
    /** Reject: the vouchers are released and keep their state. */
    async reject(actor: Actor, raw: z.input<typeof rejectInput>): Promise<DecisionResult> {
      const i = parseInput(rejectInput, raw);
      return decided(await settleApproval(deps, await decide(deps, actor, i.approvalId, 'rejected', i.comment), actor));
    },
    /** Reads an approval; one past its time is expired, and a decision whose effect was interrupted is finished, first. */
    async get(actor: Actor, approvalId: string): Promise<Approval> {
      checkReader(actor);
      return settleIfDue(deps, await loadApproval(deps, actor.partnerId, approvalId));
    },
    /** Pending approvals an approver should decide. */
    async pendingFor(actor: Actor): Promise<Approval[]> {
      checkActor(actor);
      if (!actor.roles.includes('manager')) throw refuse('NOT_PERMITTED', { action: 'viewApprovals', roles: ['manager'] });
      return deps.models.approvals
        .find(scoped(actor.partnerId, { approvers: actor.aadObjectId, status: 'pending' }))
        .sort({ expiresAt: 1 })
        .limit(50)
        .lean<Approval[]>();
    },
    /** Remembers a sent approval card so every copy can be updated after the decision (STYLE.md §5). */
    async recordMessage(actor: Actor, raw: z.input<typeof messageInput>): Promise<Approval> {
      checkActor(actor);
      const i = parseInput(messageInput, raw);
      const a = await loadApproval(deps, actor.partnerId, i.approvalId);
      const change = (x: Approval) => (x.messageIds.includes(i.messageId) ? null : { $push: { messageIds: i.messageId } });
      const r = await updateCurrent(deps, { model: deps.models.approvals, filter: scoped(actor.partnerId, { _id: a._id }), change });
      if (!r.ok) throw refuse('APPROVAL_NOT_FOUND', { approvalId: i.approvalId });
      return r.doc;
    },
  };
}

/** Vouchers still locked by an approval that is settled or gone (run by the sweep, as the system). */
export async function releaseOrphanLocks(deps: DomainDeps, partnerId: Types.ObjectId): Promise<number> {
  const locked = await deps.models.vouchers
    .find(scoped(partnerId, { pendingApprovalId: { $ne: null } }), { pendingApprovalId: 1, version: 1 })
    .lean<{ _id: Types.ObjectId; pendingApprovalId: Types.ObjectId }[]>();
  const approvalIds = [...new Set(locked.map((v) => String(v.pendingApprovalId)))];
  if (approvalIds.length === 0) return 0;
  // A pending approval keeps its locks; a decided one not yet applied is settled, which releases them.
  const live = await deps.models.approvals
    .find(scoped(partnerId, { _id: { $in: approvalIds }, $or: [{ status: 'pending' }, { appliedOn: null }] }), { _id: 1 })
    .lean<{ _id: Types.ObjectId }[]>();
  const keep = new Set(live.map((a) => String(a._id)));
  const system = systemActor(partnerId);
  let released = 0;
  for (const v of locked.filter((x) => !keep.has(String(x.pendingApprovalId)))) {
    const rule = (x: Voucher, t: ReturnType<typeof ruleTime>) =>
      releaseRule(x, system, t, v.pendingApprovalId, releaseWhy('its approval is settled or gone', 'gone'));
    const moved = await changeVoucher(deps, system, v._id, rule).catch((r: unknown) => {
      if (!(r instanceof Refusal)) throw r;
      return null;
    });
    if (moved) released++;
  }
  return released;
}

/** Expires pending approvals past their time, then settles every decided approval left unapplied (the sweep). */
export async function settleApprovals(deps: DomainDeps, partnerId: Types.ObjectId): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.models.approvals.find(scoped(partnerId, { status: 'pending', expiresAt: { $lte: now } })).lean<Approval[]>();
  let expired = 0;
  for (const a of due) if ((await expireIfDue(deps, a)).status === 'expired') expired++;
  const unsettled = await deps.models.approvals
    .find(
      scoped(partnerId, {
        status: { $ne: 'pending' },
        appliedOn: null,
        $or: [{ settleBy: null }, { settleBy: { $lte: now } }] as Record<string, unknown>[],
      }),
    )
    .lean<Approval[]>();
  for (const a of unsettled) await settleIfDue(deps, a);
  return expired;
}
