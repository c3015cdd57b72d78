import type { Approval } from '../approval/approval.model';
import { decideRule } from '../approval/approval.rules';
import type { Location } from '../location/location.model';
import type { Actor } from '../person/person.model';
import { checkCorrection } from './correct.rules';
import { currentDeliverables } from './delivery.rules';
import { claimQuote } from './payment.rules';
import { checkContact, checkVoucherData } from './reserve.rules';
import type { VoucherEvent } from './voucher.machine';
import type { Voucher } from './voucher.model';
import { checkEvent, ruleTime, type RuleTime } from './voucher.rules';

/** What a person can do on a voucher's card; the details card shows exactly these buttons. */
export const VOUCHER_ACTIONS = [
  'validate',
  'correct',
  'reserve',
  'cancel',
  'schedule',
  'complete',
  'addDeliverable',
  'requestRedemption',
  'claim',
  'pay',
  'approve',
  'reject',
] as const;
export type VoucherAction = (typeof VOUCHER_ACTIONS)[number];

/** What the details query reads besides the voucher: its location and its pending approval. */
export interface ActionContext {
  location?: Location | null;
  approval?: Approval | null;
  /** The partner lets a manager approve their own request (partner setting). */
  allowSelfApproval?: boolean;
}

type Check = (v: Voucher, actor: Actor, t: RuleTime, ctx: ActionContext) => boolean;

const can =
  (event: VoucherEvent): Check =>
  (v, actor, t) =>
    checkEvent(v, actor, event, t) === null;

/** Staff act on the vouchers of a location they are a contact of; admins on any (the reservation's rule). */
const atContactLocation: Check = (v, actor, _t, ctx) => {
  if (!v.locationId || actor.roles.includes('admin') || actor.roles.includes('system')) return true;
  if (ctx.location) return checkContact(actor, ctx.location) === null;
  return actor.locationIds.includes(v.locationId);
};

/** The voucher's own data is complete and confirmed (the reservation's first check); the rest needs the user's input. */
const reservable = (v: Voucher): boolean => checkVoucherData(v) === null;

/** Staff and admins may reserve; anyone else only as a contact of a location (the location is picked on the form). */
const mayReserveSomewhere: Check = (_v, actor) =>
  actor.roles.includes('admin') || actor.roles.includes('staff') || actor.locationIds.length > 0;

const decidable: Check = (v, actor, t, ctx) => {
  const a = ctx.approval;
  if (!a || !v.pendingApprovalId || String(a._id) !== String(v.pendingApprovalId)) return false;
  return !('code' in decideRule(a, actor, 'approved', null, t.now, ctx.allowSelfApproval ?? false));
};

const all =
  (...checks: Check[]): Check =>
  (v, actor, t, ctx) =>
    checks.every((c) => c(v, actor, t, ctx));

/**
 * Each action with the rules that decide, from the voucher alone, whether it can succeed now:
 * the state machine (role, state, expiry, pending approval) and the rule's own preconditions.
 * Checks that need the user's input (dates, location chosen) are left to the action itself.
 */
const CHECKS: Record<VoucherAction, Check> = {
  validate: all(can('validate'), (v) => Boolean(v.voucherAdminEmail) && (!v.validated || Boolean(v.needsConfirmation))),
  correct: (v, actor, t) => checkCorrection(v, actor, t) === null,
  reserve: all(can('reserve'), reservable, mayReserveSomewhere),
  cancel: all(can('cancel'), atContactLocation),
  schedule: all(can('schedule'), atContactLocation),
  complete: all(can('complete'), atContactLocation, (v, _a, t) => Boolean(v.schedule && v.schedule.start.getTime() <= t.today.getTime())),
  addDeliverable: all(can('addDeliverable'), atContactLocation),
  requestRedemption: all(can('requestRedemption'), atContactLocation, (v) => Boolean(v.completion) && currentDeliverables(v).length > 0),
  claim: all(can('claim'), atContactLocation, (v, _a, t) => {
    const q = claimQuote(v, t.today);
    return q !== null && q.daysLeft !== null && q.daysLeft >= 0;
  }),
  pay: all(can('pay'), atContactLocation),
  approve: decidable,
  reject: decidable,
};

/**
 * The actions a staff member of the partner could take now on this voucher, for a card several
 * people see (a voucher a customer emailed, posted to the staff channel or to every staff member):
 * the voucher's state, expiry, approval lock and data decide; each click is checked again for the
 * person who makes it. Pure, like `availableActions`.
 */
export function staffActions(v: Voucher, now: Date): VoucherAction[] {
  const anyStaff: Actor = { partnerId: v.partnerId, aadObjectId: '', name: '', roles: ['staff'], locationIds: [], qualifications: [] };
  return availableActions(v, anyStaff, now);
}

/**
 * The actions valid now for this person on this voucher (issue 8, details card: "only the buttons
 * valid now for this person, computed by the domain"). Pure: `now` is the injected clock's.
 */
export function availableActions(v: Voucher, actor: Actor, now: Date, ctx: ActionContext = {}): VoucherAction[] {
  const t = ruleTime(now);
  return VOUCHER_ACTIONS.filter((a) => CHECKS[a](v, actor, t, ctx));
}
