import type { Types } from 'mongoose';
import { isoDay } from '../calendar';
import { refuse } from '../refusal';
import { isQualified, type Actor, type Person } from '../person/person.model';
import { auditFacts, cancelRecord, type AuditFacts, type CancelReason } from './audit-facts';
import type { Deliverable, Voucher } from './voucher.model';
import { checkEvent, planFor, type RuleResult, type RuleTime } from './voucher.rules';

/**
 * Validate: voucher number + the customer's voucher administrator email (DOMAIN.md, step 4). The
 * email is checked against the one on record; with none on record there is nothing to check, so
 * it is asked for (VOUCHER_ADMIN_EMAIL_MISSING) rather than taken on trust. The email used is recorded.
 */
export function validateRule(v: Voucher, actor: Actor, voucherAdminEmail: string, t: RuleTime): RuleResult {
  const refused = checkEvent(v, actor, 'validate', t);
  if (refused) return refused;
  if (!v.voucherAdminEmail) return refuse('VOUCHER_ADMIN_EMAIL_MISSING', { number: v.number });
  if (v.voucherAdminEmail !== voucherAdminEmail) return refuse('VOUCHER_ADMIN_MISMATCH', { number: v.number });
  const confirmed = v.needsConfirmation ? `; confirms the forward by ${v.needsConfirmation.sender}` : '';
  return planFor(v, actor, 'validate', t, {
    set: { validated: { on: t.now, by: actor.aadObjectId, email: voucherAdminEmail }, needsConfirmation: null },
    reason: `voucher administrator email ${voucherAdminEmail} matches the voucher${confirmed}`,
    facts: auditFacts('VALIDATED', { email: voucherAdminEmail, confirmsForwardBy: v.needsConfirmation?.sender ?? null }),
  });
}

/**
 * Cancelling a reservation returns the voucher to `assigned` (DOMAIN.md, Program rules); a reason
 * is required: one of the list, with words for "other". The audit keeps the reason's code.
 */
export function cancelRule(v: Voucher, actor: Actor, cancel: { reason: CancelReason; words: string | null }, t: RuleTime): RuleResult {
  const refused = checkEvent(v, actor, 'cancel', t);
  if (refused) return refused;
  const reason = cancelRecord(cancel.reason, cancel.words);
  return planFor(v, actor, 'cancel', t, {
    set: { reservation: null, schedule: null, locationId: null, engagementCountry: null },
    unset: ['fifteenDaySlot', 'fifteenDayName'],
    push: { cancellations: { on: t.now, by: actor.aadObjectId, reason } },
    reason,
    facts: auditFacts('CANCELLED', { reason: cancel.reason, words: cancel.words }),
  });
}

export interface ScheduleInput {
  start: Date;
  end: Date;
  consultantAadObjectId: string;
}

/**
 * Schedule (DOMAIN.md, Engagement facts): reserved before the engagement starts, so the start is
 * after the reservation day and not in the past; the end on or before expiry; the lead consultant
 * has the program's training and exam (DOMAIN.md, step 1).
 */
export function scheduleRule(v: Voucher, actor: Actor, input: ScheduleInput, consultant: Person | null, t: RuleTime): RuleResult {
  const refused = checkEvent(v, actor, 'schedule', t);
  if (refused) return refused;
  const { start, end } = input;
  if (end.getTime() < start.getTime()) return refuse('SCHEDULE_END_BEFORE_START', { start: isoDay(start), end: isoDay(end) });
  const reservedOn = v.reservation?.on ?? t.today;
  if (start.getTime() <= reservedOn.getTime() || start.getTime() < t.today.getTime()) {
    return refuse('ENGAGEMENT_ALREADY_STARTED', { number: v.number, start: isoDay(start) });
  }
  if (end.getTime() > v.expiresOn.getTime()) {
    return refuse('ENGAGEMENT_ENDS_AFTER_EXPIRY', { number: v.number, end: isoDay(end), expiresOn: isoDay(v.expiresOn) });
  }
  const program = v.program ?? '';
  if (!consultant || !isQualified(consultant, program)) {
    return refuse('CONSULTANT_NOT_QUALIFIED', { consultant: consultant?.name ?? input.consultantAadObjectId, program });
  }
  const reason = `engagement ${isoDay(start)} to ${isoDay(end)}, led by ${consultant.name}${v.schedule ? ` (was ${isoDay(v.schedule.start)} to ${isoDay(v.schedule.end)})` : ''}`;
  const facts = auditFacts('SCHEDULED', {
    start: isoDay(start),
    end: isoDay(end),
    consultant: consultant.name,
    previousStart: v.schedule ? isoDay(v.schedule.start) : null,
    previousEnd: v.schedule ? isoDay(v.schedule.end) : null,
  });
  return planFor(v, actor, 'schedule', t, { set: { schedule: { start, end, consultant: consultant.aadObjectId } }, reason, facts });
}

export interface CompletionInput {
  deliveredOn: Date;
  summary: string;
  attendees: string[];
  recommendations: string;
}

/** Completion report: delivered on not in the future, not before the scheduled start (DOMAIN.md). */
export function completeRule(v: Voucher, actor: Actor, input: CompletionInput, t: RuleTime): RuleResult {
  const refused = checkEvent(v, actor, 'complete', t);
  if (refused) return refused;
  if (input.deliveredOn.getTime() > t.today.getTime()) return refuse('DELIVERED_IN_FUTURE', { deliveredOn: isoDay(input.deliveredOn) });
  const start = v.schedule?.start;
  if (start && input.deliveredOn.getTime() < start.getTime()) {
    return refuse('DELIVERED_BEFORE_START', { deliveredOn: isoDay(input.deliveredOn), start: isoDay(start) });
  }
  const reason = `delivered on ${isoDay(input.deliveredOn)}, ${input.attendees.length} attendee(s); completion report submitted`;
  const facts = auditFacts('COMPLETED', { deliveredOn: isoDay(input.deliveredOn), attendees: input.attendees.length });
  return planFor(v, actor, 'complete', t, { set: { completion: { ...input, by: actor.aadObjectId, on: t.now } }, reason, facts });
}

/** Adds a customer planning deliverable (file or link) to a scheduled or completed voucher. */
export function addDeliverableRule(v: Voucher, actor: Actor, deliverable: Deliverable, t: RuleTime): RuleResult {
  const refused = checkEvent(v, actor, 'addDeliverable', t);
  if (refused) return refused;
  const reason = `${deliverable.kind === 'file' ? 'file' : 'link'} ${deliverable.name}`;
  const facts = auditFacts('DELIVERABLE_ADDED', { kind: deliverable.kind, name: deliverable.name });
  return planFor(v, actor, 'addDeliverable', t, { push: { deliverables: deliverable }, reason, facts });
}

/**
 * Deliverables of the current engagement: those added after the last cancellation, since a
 * cancelled engagement's documents do not deliver the next one (DOMAIN.md, Engagement facts).
 */
export function currentDeliverables(v: Voucher): Deliverable[] {
  const last = v.cancellations.at(-1)?.on.getTime();
  return last === undefined ? v.deliverables : v.deliverables.filter((d) => d.addedOn.getTime() > last);
}

/** Completion before redemption: the report and at least one deliverable (DOMAIN.md, Engagement facts). */
export function requestRedemptionRule(v: Voucher, actor: Actor, t: RuleTime, approvalId: Types.ObjectId): RuleResult {
  const refused = checkEvent(v, actor, 'requestRedemption', t);
  if (refused) return refused;
  if (!v.completion) return refuse('COMPLETION_REPORT_MISSING', { number: v.number });
  if (currentDeliverables(v).length === 0) return refuse('DELIVERABLE_MISSING', { number: v.number });
  return planFor(v, actor, 'requestRedemption', t, {
    set: { pendingApprovalId: approvalId },
    reason: `redemption sent to a manager, approval ${String(approvalId)}`,
    facts: auditFacts('REDEMPTION_REQUESTED', {}),
  });
}

/** Redeem on approval (DOMAIN.md, step 6): the approval's lock is part of the precondition. */
export function redeemRule(v: Voucher, actor: Actor, t: RuleTime, approvalId: Types.ObjectId): RuleResult {
  const refused = checkEvent(v, actor, 'redeem', t, approvalId);
  if (refused) return refused;
  if (!v.completion) return refuse('COMPLETION_REPORT_MISSING', { number: v.number });
  if (currentDeliverables(v).length === 0) return refuse('DELIVERABLE_MISSING', { number: v.number });
  return planFor(v, actor, 'redeem', t, {
    set: { redemption: { on: t.today, by: actor.aadObjectId, approvalId }, pendingApprovalId: null },
    reason: `approved by ${actor.name}, approval ${String(approvalId)}`,
    facts: auditFacts('REDEEMED', { approvedBy: actor.name }),
    approvalId,
  });
}

/** A rejected or expired approval releases its vouchers, which keep their state; `why` says which and why. */
export function releaseRule(
  v: Voucher,
  actor: Actor,
  t: RuleTime,
  approvalId: Types.ObjectId,
  why: { reason: string; facts: AuditFacts },
): RuleResult {
  // An expired voucher is still released: the lock must not outlive its approval.
  const refused = checkEvent(v, actor, 'releaseApproval', t, approvalId);
  if (refused && refused.code !== 'VOUCHER_EXPIRED') return refused;
  if (String(v.pendingApprovalId) !== String(approvalId)) return refuse('APPROVAL_NOT_FOUND', { approvalId: String(approvalId) });
  const plan = planFor(v, actor, 'releaseApproval', t, { set: { pendingApprovalId: null }, ...why, approvalId });
  delete plan.filter.expiresOn;
  return plan;
}
