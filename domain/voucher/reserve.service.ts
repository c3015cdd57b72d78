import type { Types } from 'mongoose';
import { z } from 'zod';
import type { ReservationRequest } from '../approval/approval.model';
import { reservationNeedsApproval } from '../approval/approval.rules';
import { discardApproval, openApproval } from '../approval/approval.store';
import type { Eligibility, Enrollment } from '../enrollment/enrollment.model';
import { calendarDate, countryCode, lineText, text, voucherRef } from '../inputs';
import type { Location } from '../location/location.model';
import type { DomainDeps } from '../models';
import { notice } from '../notice';
import { loadPartner } from '../partner/partner.store';
import type { Partner } from '../partner/partner.model';
import { checkActor } from '../person/actor';
import type { Actor } from '../person/person.model';
import { parseInput } from '../refusal';
import { hasDayRate } from './payment.rules';
import { voucherResult, type VoucherResult } from '../result';
import { scoped } from '../scope';
import { fifteenDayKey, fifteenDayNameKey, requestReservationRule, reserveRule, type ReserveContext } from './reserve.rules';
import type { Voucher } from './voucher.model';
import type { RuleTime } from './voucher.rules';
import { changeVoucher, checkExpectedState, loadVoucher, withExpectedState, type Rule } from './voucher.store';

export const reserveInput = z.object({
  ...voucherRef,
  locationId: lineText(64),
  engagementCountry: countryCode,
  termsAccepted: z.boolean(),
  plannedStart: calendarDate.nullable().default(null),
  fifteenDayException: text(500).nullable().default(null),
});

/**
 * Another voucher holding this customer's 15-day engagement of the program. The same customer is
 * the same agreement number when both are known, the same normalised name otherwise: a voucher
 * known by agreement also meets a holder known only by its name, and one known only by name meets
 * holders of that name whatever their agreement. The unique slot index settles two reservations
 * racing under the same key; the name's claim (`fifteenDaySerialKey`) those under two keys.
 */
function fifteenDayHolderFilter(v: Voucher) {
  const program = v.program ?? '';
  const byName = fifteenDayNameKey(v.partnerId, program, v.customerName);
  const own = fifteenDayKey(v.partnerId, program, v);
  const either =
    own === byName
      ? [{ fifteenDaySlot: own }, { fifteenDayName: byName, fifteenDaySlot: { $exists: true } }]
      : [{ fifteenDaySlot: own }, { fifteenDaySlot: byName }];
  return scoped(v.partnerId, { _id: { $ne: v._id }, $or: either });
}

/** Reads the partner-side records a reservation is checked against. */
export async function loadReserveContext(deps: DomainDeps, v: Voucher, locationId: string): Promise<ReserveContext> {
  const { partnerId } = v;
  const program = v.program ?? '';
  const [location, enrollment, eligibility, holder] = await Promise.all([
    deps.models.locations.findOne(scoped(partnerId, { locationId })).lean<Location>(),
    deps.models.enrollments.findOne(scoped(partnerId, { program })).lean<Enrollment>(),
    deps.models.eligibilities.findOne(scoped(partnerId, { program })).lean<Eligibility>(),
    v.days === 15
      ? deps.models.vouchers.findOne(fifteenDayHolderFilter(v), { number: 1 }).lean<{ _id: Types.ObjectId; number: string }>()
      : null,
  ]);
  return { location, enrollment, eligibility, fifteenDayHolder: holder?.number ?? null };
}

/** The reservation rule with its context read afresh on every run (so a re-run explains a failure). */
export function reservationRule(
  deps: DomainDeps,
  actor: Actor,
  input: ReservationRequest,
  approval?: { id: Types.ObjectId; requester: Actor },
): Rule {
  const rule = async (v: Voucher, t: RuleTime) =>
    reserveRule(v, actor, input, await loadReserveContext(deps, v, input.locationId), t, approval);
  return Object.assign(rule, { serialKey: fifteenDaySerialKey });
}

/**
 * Two 15-day reservations of one customer under different keys (one known by agreement, one only
 * by the same name) are not kept apart by the slot's unique index: their check and write run one
 * after the other instead, under the claim of the customer's name, which both share.
 */
const fifteenDaySerialKey = (v: Voucher): string | null =>
  v.days === 15 ? `fifteen-day:${fifteenDayNameKey(v.partnerId, v.program ?? '', v.customerName)}` : null;

/**
 * What the caller has read in this turn and hands in to save reads: the voucher (a stale one only
 * costs a re-read, since the write is conditional on the version read) and the actor's partner.
 */
export interface KnownRecords {
  voucher?: Voucher;
  partner?: Partner;
}

/**
 * Reserve a voucher (DOMAIN.md, step 4 and Program rules). Vouchers at or above the partner's
 * days threshold go to a manager first (DOMAIN.md, People: Manager): the result then carries the
 * approval, and the voucher stays `assigned`, locked, until the decision.
 */
export async function reserveVoucher(
  deps: DomainDeps,
  actor: Actor,
  raw: z.input<typeof reserveInput>,
  known: KnownRecords = {},
): Promise<VoucherResult> {
  checkActor(actor);
  const { voucherId, expectedState, ...request } = parseInput(reserveInput, raw, deps.clock.now());
  // Records of another voucher or partner are not taken: they are read as usual.
  const knownVoucher =
    known.voucher && String(known.voucher._id) === voucherId && known.voucher.partnerId.equals(actor.partnerId) ? known.voucher : null;
  const knownPartner = known.partner?._id.equals(actor.partnerId) ? known.partner : null;
  const [v, partner] = await Promise.all([
    knownVoucher ?? loadVoucher(deps, actor.partnerId, voucherId),
    knownPartner ?? loadPartner(deps, actor.partnerId),
  ]);
  // Warn before money is at stake: no day rate on file for the country means no computed claim amount.
  const rateNotice = hasDayRate(request.engagementCountry)
    ? []
    : [notice('DAY_RATE_UNKNOWN', { number: v.number, country: request.engagementCountry, step: 'reserve' })];
  if (!reservationNeedsApproval(v.days, partner.settings.approvalDaysThreshold)) {
    const reserved = await changeVoucher(deps, actor, v, withExpectedState(reservationRule(deps, actor, request), expectedState));
    return voucherResult(reserved, [notice('VOUCHER_NOW', { number: reserved.number, state: reserved.state }), ...rateNotice]);
  }
  const stale = checkExpectedState(v, expectedState);
  if (stale) throw stale;
  const approval = await openApproval(deps, actor, 'reserve', [v], request);
  try {
    const rule: Rule = async (x, t) =>
      requestReservationRule(x, actor, request, await loadReserveContext(deps, x, request.locationId), t, approval._id);
    const locked = await changeVoucher(deps, actor, v._id, withExpectedState(rule, expectedState));
    return voucherResult(
      locked,
      [notice('APPROVAL_REQUESTED', { numbers: [locked.number], approvers: approval.approvers.length }), ...rateNotice],
      approval,
    );
  } catch (e) {
    await discardApproval(deps, approval);
    throw e;
  }
}
