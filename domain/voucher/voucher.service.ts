import type { Types } from 'mongoose';
import { z } from 'zod';
import { guardedUpdate } from '../guarded-write';
import { calendarDate, countryCode, email, objectIdString, text, voucherNumber } from '../inputs';
import type { DomainDeps } from '../models';
import type { Actor } from '../person/person.model';
import { parseInput, refuse, Refusal } from '../refusal';
import { scoped, toObjectId } from '../scope';
import { cancelRule, completeRule, scheduleRule, validateRule } from './delivery.rules';
import { claimRule, payRule } from './payment.rules';
import { underApprovedLocation } from './reserve.service';
import type { Voucher } from './voucher.model';
import { isRefused, ruleTime, type RuleResult, type RuleTime, type WritePlan } from './voucher.rules';

export type Rule = (v: Voucher, t: RuleTime) => RuleResult | Promise<RuleResult>;

/** Reads one voucher of the actor's partner, or refuses VOUCHER_NOT_FOUND. */
export async function loadVoucher(deps: DomainDeps, partnerId: Types.ObjectId, voucherId: string | Types.ObjectId): Promise<Voucher> {
  const id = toObjectId(voucherId);
  const v = id ? await deps.models.vouchers.findOne(scoped(partnerId, { _id: id })).lean<Voucher>() : null;
  if (!v) throw refuse('VOUCHER_NOT_FOUND', { voucher: String(voucherId) });
  return v;
}

/** Applies a plan with one conditional update; returns the updated voucher or why it did not apply. */
export async function applyPlan(deps: DomainDeps, partnerId: Types.ObjectId, v: Voucher, plan: WritePlan) {
  return guardedUpdate<Voucher>(deps.connection, deps.clock, {
    model: deps.models.vouchers,
    id: v._id,
    version: v.version,
    filter: scoped(partnerId, plan.filter),
    update: plan.update,
  });
}

/**
 * Runs a rule and applies its plan. When the update matches nothing, the voucher is read again
 * and the same rule says why; if it now passes, a concurrent writer won (CONCURRENT_UPDATE).
 * Never retries silently (STYLE.md §4).
 */
export async function changeVoucher(deps: DomainDeps, actor: Actor, voucher: Voucher | string | Types.ObjectId, rule: Rule): Promise<Voucher> {
  const t = ruleTime(deps.clock.now());
  // A voucher the caller has just read saves a round trip; if it is stale, the version in the
  // update's filter makes the write miss and explainFailure reads it again.
  const v = isLoaded(voucher) ? voucher : await loadVoucher(deps, actor.partnerId, voucher);
  const plan = await rule(v, t);
  if (isRefused(plan)) throw plan;
  const result = await applyPlan(deps, actor.partnerId, v, plan);
  if (result.ok) return result.doc;
  return explainFailure(deps, actor, v, rule, t, result.reason);
}

function isLoaded(voucher: Voucher | string | Types.ObjectId): voucher is Voucher {
  return typeof voucher === 'object' && 'version' in voucher && 'partnerId' in voucher;
}

export async function explainFailure(deps: DomainDeps, actor: Actor, v: Voucher, rule: Rule, t: RuleTime, reason: string): Promise<never> {
  const again = await loadVoucher(deps, actor.partnerId, v._id);
  const second = await rule(again, t);
  if (second instanceof Refusal) throw second;
  // A unique index refusal the rules cannot explain is a bug, not a race.
  if (reason === 'duplicate') throw new Error(`a unique index refused a write of voucher ${v.number}`);
  throw refuse('CONCURRENT_UPDATE', { number: v.number });
}

const id = { voucherId: objectIdString };
export const validateInput = z.object({ voucherNumber, voucherAdminEmail: email });
export const cancelInput = z.object({ ...id, reason: text(500) });
export const scheduleInput = z.object({ ...id, start: calendarDate, end: calendarDate, consultantAadObjectId: text(64) });
export const completeInput = z.object({
  ...id,
  deliveredOn: calendarDate,
  summary: text(5000),
  attendees: z.array(text(200)).min(1),
  recommendations: text(5000),
});
export const claimInput = z.object({ ...id, claimNumber: text(64) });
export const payInput = z.object({ ...id, paidOn: calendarDate });
export const countryInput = countryCode;

/** Voucher use cases other than intake, reservation and approvals (see the sibling services). */
export function voucherLifecycle(deps: DomainDeps) {
  return {
    /** Validate: voucher number + voucher administrator email (DOMAIN.md, step 4). */
    async validate(actor: Actor, input: z.input<typeof validateInput>): Promise<Voucher> {
      const i = parseInput(validateInput, input);
      const v = await deps.models.vouchers.findOne(scoped(actor.partnerId, { number: i.voucherNumber })).lean<Voucher>();
      if (!v) throw refuse('VOUCHER_NOT_FOUND', { voucher: i.voucherNumber });
      return changeVoucher(deps, actor, v, (x, t) => validateRule(x, actor, i.voucherAdminEmail, t));
    },
    /** Cancel a reservation, reason required (DOMAIN.md, Program rules). */
    async cancel(actor: Actor, input: z.input<typeof cancelInput>): Promise<Voucher> {
      const i = parseInput(cancelInput, input);
      return changeVoucher(deps, actor, i.voucherId, (v, t) => cancelRule(v, actor, i.reason, t));
    },
    /** Schedule or reschedule the engagement (DOMAIN.md, Engagement facts). */
    async schedule(actor: Actor, input: z.input<typeof scheduleInput>): Promise<Voucher> {
      const i = parseInput(scheduleInput, input);
      const consultant = await deps.models.people.findOne(scoped(actor.partnerId, { aadObjectId: i.consultantAadObjectId })).lean();
      return changeVoucher(deps, actor, i.voucherId, (v, t) => scheduleRule(v, actor, i, consultant, t));
    },
    /** Submit the completion report (DOMAIN.md, step 5). */
    async complete(actor: Actor, input: z.input<typeof completeInput>): Promise<Voucher> {
      const { voucherId, ...report } = parseInput(completeInput, input);
      return changeVoucher(deps, actor, voucherId, (v, t) => completeRule(v, actor, report, t));
    },
    /** Create the payment request within 60 days of redemption (DOMAIN.md, step 7). */
    async claim(actor: Actor, input: z.input<typeof claimInput>): Promise<Voucher> {
      const i = parseInput(claimInput, input);
      return changeVoucher(deps, actor, i.voucherId, underApprovedLocation(deps, (v, t) => claimRule(v, actor, i.claimNumber, t)));
    },
    /** Record that Microsoft paid the claim. */
    async markPaid(actor: Actor, input: z.input<typeof payInput>): Promise<Voucher> {
      const i = parseInput(payInput, input);
      return changeVoucher(deps, actor, i.voucherId, (v, t) => payRule(v, actor, i.paidOn, t));
    },
    get: (actor: Actor, voucherId: string): Promise<Voucher> => loadVoucher(deps, actor.partnerId, voucherId),
  };
}
