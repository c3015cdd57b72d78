import type { Types } from 'mongoose';
import { addDays, isoDay, utcDay } from '../calendar';
import { refuse, type Refusal } from '../refusal';
import type { Actor } from '../person/person.model';
import { EXPIRABLE, namedRoles, rolesAllow, transitionOf, type VoucherEvent, type VoucherState } from './voucher.machine';
import type { AuditFacts } from './audit-facts';
import type { AuditEntry, Voucher } from './voucher.model';

/**
 * Pure rules shared by every voucher change: snapshot + actor + now -> Refusal or WritePlan.
 *
 * Day semantics (DOMAIN.md, Program rules), exact at the boundaries:
 * - Calendar dates are UTC midnight. `today` is the UTC day of the injected clock's now.
 * - A voucher assigned on day 0 expires on day 180 (`expiresOn = assignedOn + 180`). It is still
 *   valid during all of day 180 and expired from day 181: valid while `today <= expiresOn`.
 * - The claim window: redeemed on day 0, a claim may be created up to and including day 60,
 *   refused from day 61 (`claimDeadline = redeemedOn + 60`).
 * - Enrollment: current up to and including its renew-by day (enrolledOn + 1 year), lapsed the day after.
 */
export const EXPIRY_DAYS = 180;
export const CLAIM_WINDOW_DAYS = 60;

export interface RuleTime {
  now: Date;
  today: Date;
}
export const ruleTime = (now: Date): RuleTime => ({ now, today: utcDay(now) });

export type Update = {
  $set?: Record<string, unknown>;
  $unset?: Record<string, ''>;
  $push: Record<string, unknown>;
  $inc: { version: 1 };
};
/** One conditional write: the whole precondition is in `filter` (partner scope is added by the service). */
export interface WritePlan {
  filter: Record<string, unknown>;
  update: Update;
  audit: AuditEntry;
}
export type RuleResult = Refusal | WritePlan;

export const isExpired = (v: Pick<Voucher, 'state' | 'expiresOn'>, today: Date): boolean =>
  v.state === 'expired' || (EXPIRABLE.includes(v.state) && today.getTime() > v.expiresOn.getTime());

export const claimDeadline = (redeemedOn: Date): Date => addDays(redeemedOn, CLAIM_WINDOW_DAYS);

const HELD: readonly VoucherState[] = ['reserved', 'scheduled', 'completed', 'redeemed', 'claimed', 'paid'];
const BEFORE_REPORT: readonly VoucherState[] = ['reserved', 'scheduled'];

/** Role, expiry, state and pending approval: the checks every event shares. */
export function checkEvent(v: Voucher, actor: Actor, event: VoucherEvent, t: RuleTime, approvalId?: Types.ObjectId): Refusal | null {
  const tr = transitionOf(event);
  if (!rolesAllow(actor.roles, tr.roles)) return refuse('NOT_PERMITTED', { action: event, roles: namedRoles(tr.roles) });
  const stateOk = tr.from.includes(v.state);
  if (isExpired(v, t.today) && (stateOk || v.state === 'expired')) {
    return refuse('VOUCHER_EXPIRED', { number: v.number, expiresOn: isoDay(v.expiresOn) });
  }
  if (!stateOk) {
    if ((event === 'reserve' || event === 'requestReservation') && HELD.includes(v.state)) {
      return refuse('VOUCHER_ALREADY_RESERVED', { number: v.number, state: v.state });
    }
    // Asking to redeem before the report exists: say what is missing rather than "wrong state".
    if ((event === 'requestRedemption' || event === 'redeem') && BEFORE_REPORT.includes(v.state)) {
      return refuse('COMPLETION_REPORT_MISSING', { number: v.number });
    }
    return refuse('VOUCHER_WRONG_STATE', { number: v.number, state: v.state, action: event });
  }
  const expectedLock = approvalId ? String(approvalId) : null;
  const lock = v.pendingApprovalId ? String(v.pendingApprovalId) : null;
  if (lock !== expectedLock) {
    return lock ? refuse('APPROVAL_PENDING', { number: v.number }) : refuse('APPROVAL_NOT_FOUND', { approvalId: expectedLock ?? '' });
  }
  return null;
}

/**
 * Builds the plan of `event`: the filter repeats every precondition checked by `checkEvent`
 * (version, state, approval lock, not expired) so that a concurrent change makes it match nothing.
 */
export function planFor(
  v: Voucher,
  actor: Actor,
  event: VoucherEvent,
  t: RuleTime,
  change: {
    set?: Record<string, unknown>;
    unset?: string[];
    push?: Record<string, unknown>;
    reason: string;
    /** What happened and why as a code, shown in the reader's language (`reason` is the English record). */
    facts: AuditFacts;
    changes?: AuditEntry['changes'];
    approvalId?: Types.ObjectId;
  },
): WritePlan {
  const tr = transitionOf(event);
  const to = tr.to ?? v.state;
  const audit: AuditEntry = { at: t.now, by: actor.aadObjectId, event, from: v.state, to, reason: change.reason, facts: change.facts };
  if (change.changes) audit.changes = change.changes;
  const filter: Record<string, unknown> = {
    _id: v._id,
    version: v.version,
    state: v.state,
    pendingApprovalId: change.approvalId ?? null,
  };
  if (EXPIRABLE.includes(v.state) && event !== 'expire') filter.expiresOn = { $gte: t.today };
  const update: Update = { $push: { audit: audit, ...change.push }, $inc: { version: 1 } };
  const set = { ...change.set, ...(tr.to ? { state: to } : {}), lastActionAt: t.now };
  if (Object.keys(set).length > 0) update.$set = set;
  if (change.unset?.length) update.$unset = Object.fromEntries(change.unset.map((k) => [k, '' as const]));
  return { filter, update, audit };
}

export const isRefused = (r: RuleResult | null): r is Refusal => r !== null && !('filter' in r);
