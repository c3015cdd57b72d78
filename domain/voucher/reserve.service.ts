import type { Types } from 'mongoose';
import { z } from 'zod';
import type { Approval, ReservationRequest } from '../approval/approval.model';
import { reservationNeedsApproval } from '../approval/approval.rules';
import { discardApproval, openApproval } from '../approval/approval.store';
import type { Eligibility, Enrollment } from '../enrollment/enrollment.model';
import { calendarDate, countryCode, objectIdString, text } from '../inputs';
import type { Location } from '../location/location.model';
import type { DomainDeps } from '../models';
import { loadPartner } from '../partner/partner.store';
import type { Actor } from '../person/person.model';
import { parseInput, type Refusal } from '../refusal';
import { scoped } from '../scope';
import { checkLocation, fifteenDayKey, requestReservationRule, reserveRule, type ReserveContext } from './reserve.rules';
import type { Voucher } from './voucher.model';
import { isRefused } from './voucher.rules';
import { changeVoucher, loadVoucher, type Rule } from './voucher.service';

export const reserveInput = z.object({
  voucherId: objectIdString,
  locationId: text(64),
  engagementCountry: countryCode,
  termsAccepted: z.boolean(),
  plannedStart: calendarDate.nullable().default(null),
  fifteenDayException: text(500).nullable().default(null),
});

/** Reads the partner-side records a reservation is checked against. */
export async function loadReserveContext(deps: DomainDeps, v: Voucher, locationId: string): Promise<ReserveContext> {
  const { partnerId } = v;
  const program = v.program ?? '';
  const [location, enrollment, eligibility, holder] = await Promise.all([
    deps.models.locations.findOne(scoped(partnerId, { locationId })).lean<Location>(),
    deps.models.enrollments.findOne(scoped(partnerId, { program })).lean<Enrollment>(),
    deps.models.eligibilities.findOne(scoped(partnerId, { program })).lean<Eligibility>(),
    v.days === 15
      ? deps.models.vouchers.findOne(scoped(partnerId, { fifteenDaySlot: fifteenDayKey(partnerId, program, v.customerName) }), { number: 1 }).lean<{ _id: Types.ObjectId; number: string }>()
      : null,
  ]);
  const fifteenDayHolder = holder && !holder._id.equals(v._id) ? holder.number : null;
  return { location, enrollment, eligibility, fifteenDayHolder };
}

/**
 * Reserve, redeem and claim under a location whose country is the engagement's and that is
 * approved for the program (DOMAIN.md, Program rules): checked again after reservation, since an
 * admin may have changed the location since.
 */
export async function checkVoucherLocation(deps: DomainDeps, v: Voucher): Promise<Refusal | null> {
  const location = await deps.models.locations.findOne(scoped(v.partnerId, { locationId: v.locationId ?? '' })).lean<Location>();
  return checkLocation(location, v.locationId ?? '', v.program ?? '', v.engagementCountry ?? '');
}

/** A rule that also requires the voucher's location to be right, checked once the rule itself passes. */
export function underApprovedLocation(deps: DomainDeps, rule: Rule): Rule {
  return async (v, t) => {
    const plan = await rule(v, t);
    if (isRefused(plan)) return plan;
    return (await checkVoucherLocation(deps, v)) ?? plan;
  };
}

/** The reservation rule with its context read afresh on every run (so a re-run explains a failure). */
export function reservationRule(deps: DomainDeps, actor: Actor, input: ReservationRequest, approval?: { id: Types.ObjectId; requester: Actor }): Rule {
  return async (v, t) => reserveRule(v, actor, input, await loadReserveContext(deps, v, input.locationId), t, approval);
}

export interface ReserveResult {
  voucher: Voucher;
  /** Set when policy sent the reservation to a manager; the voucher is then locked, still `assigned`. */
  approval: Approval | null;
}

/**
 * Reserve a voucher (DOMAIN.md, step 4 and Program rules). Vouchers at or above the partner's
 * days threshold go to a manager first (DOMAIN.md, People: Manager).
 */
export async function reserveVoucher(deps: DomainDeps, actor: Actor, raw: z.input<typeof reserveInput>): Promise<ReserveResult> {
  const { voucherId, ...request } = parseInput(reserveInput, raw);
  const [v, partner] = await Promise.all([loadVoucher(deps, actor.partnerId, voucherId), loadPartner(deps, actor.partnerId)]);
  if (!reservationNeedsApproval(v.days, partner.settings.approvalDaysThreshold)) {
    return { voucher: await changeVoucher(deps, actor, v, reservationRule(deps, actor, request)), approval: null };
  }
  const approval = await openApproval(deps, actor, 'reserve', [v], request);
  try {
    const rule: Rule = async (x, t) => requestReservationRule(x, actor, request, await loadReserveContext(deps, x, request.locationId), t, approval._id);
    return { voucher: await changeVoucher(deps, actor, v._id, rule), approval };
  } catch (e) {
    await discardApproval(deps, approval);
    throw e;
  }
}
