import type { Types } from 'mongoose';
import { isoDay } from '../calendar';
import { refuse, type Refusal } from '../refusal';
import type { Enrollment, Eligibility } from '../enrollment/enrollment.model';
import type { Location } from '../location/location.model';
import type { Actor } from '../person/person.model';
import { ENGAGEMENT_DAYS } from '../program/program.catalog';
import { auditFacts } from './audit-facts';
import type { Voucher } from './voucher.model';
import { checkEvent, planFor, type RuleResult, type RuleTime } from './voucher.rules';

export interface ReserveInput {
  locationId: string;
  engagementCountry: string;
  termsAccepted: boolean;
  plannedStart: Date | null;
  fifteenDayException: string | null;
}

/** What the service reads before reserving; partner-side records of the voucher's program. */
export interface ReserveContext {
  location: Location | null;
  enrollment: Enrollment | null;
  eligibility: Eligibility | null;
  /** Number of another voucher that already holds this customer's 15-day engagement. */
  fifteenDayHolder: string | null;
}

const normalisedName = (name: string | null): string =>
  (name ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const normalisedAgreement = (agreement: string | null): string => (agreement ?? '').toUpperCase().replace(/[^A-Z0-9]+/g, '');

/** The customer by normalised name, per program: `fifteenDayName` of a slot holder. */
export function fifteenDayNameKey(partnerId: Types.ObjectId, program: string, customerName: string | null): string {
  return `${String(partnerId)}|${program}|${normalisedName(customerName)}`;
}

/**
 * The key of the customer's one 15-day engagement of a program (DOMAIN.md, Program rules): the
 * customer is its agreement number when known ("#" marks it; a normalised name never starts with
 * "#"), its normalised name otherwise. A unique index on the key makes two holders impossible.
 */
export function fifteenDayKey(
  partnerId: Types.ObjectId,
  program: string,
  customer: Pick<Voucher, 'customerName' | 'agreementNumber'>,
): string {
  const agreement = normalisedAgreement(customer.agreementNumber);
  if (agreement) return `${String(partnerId)}|${program}|#${agreement}`;
  return fifteenDayNameKey(partnerId, program, customer.customerName);
}

/** Voucher data complete enough to be reserved: known program and a valid length. */
export function checkVoucherData(v: Voucher): Refusal | null {
  if (v.needsConfirmation) return refuse('VOUCHER_NEEDS_CONFIRMATION', { number: v.number, sender: v.needsConfirmation.sender });
  if (!v.validated) return refuse('VOUCHER_NOT_VALIDATED', { number: v.number });
  if (!v.program) return refuse('VOUCHER_PROGRAM_UNKNOWN', { number: v.number });
  if (v.days === null || !(ENGAGEMENT_DAYS as readonly number[]).includes(v.days)) {
    return refuse('VOUCHER_DAYS_INVALID', { number: v.number, days: v.days });
  }
  // The one-15-day-engagement rule is per customer (agreement or name): it cannot be checked without one.
  if (v.days === 15 && !v.customerName && !v.agreementNumber) return refuse('VOUCHER_CUSTOMER_UNKNOWN', { number: v.number });
  return null;
}

/**
 * Location country equals engagement country, location approved for the program
 * (DOMAIN.md, Program rules); used at reservation and again at redemption and claim.
 */
export function checkLocation(location: Location | null, locationId: string, program: string, engagementCountry: string): Refusal | null {
  if (!location) return refuse('LOCATION_NOT_FOUND', { locationId });
  if (location.country !== engagementCountry) {
    return refuse('LOCATION_COUNTRY_MISMATCH', { locationId, locationCountry: location.country, engagementCountry });
  }
  if (!location.approvedPrograms.includes(program)) return refuse('LOCATION_NOT_APPROVED', { locationId, program });
  return null;
}

/**
 * Anyone with a contact role on the location may act on its behalf (DOMAIN.md, Program rules),
 * whatever their other roles: a person named among its contacts, or given it among their
 * locations. Partner admins (and the system) act for any location (DOMAIN.md, People).
 */
export function checkContact(actor: Actor, location: Location): Refusal | null {
  if (location.contacts.some((c) => c.aadObjectId === actor.aadObjectId)) return null;
  return checkContactOf(actor, location.locationId);
}

/** The same check when only the location's id is known (its record is not there to name more contacts). */
export function checkContactOf(actor: Actor, locationId: string): Refusal | null {
  if (actor.roles.includes('admin') || actor.roles.includes('system')) return null;
  return actor.locationIds.includes(locationId) ? null : refuse('NOT_LOCATION_CONTACT', { locationId });
}

/** Enrollment current (renew-by day included) and eligibility active (DOMAIN.md, steps 1 and 2). */
export function checkEnrollment(program: string, ctx: Pick<ReserveContext, 'enrollment' | 'eligibility'>, t: RuleTime): Refusal | null {
  if (ctx.eligibility?.status !== 'active') {
    return refuse('ELIGIBILITY_NOT_ACTIVE', { program, status: ctx.eligibility?.status ?? 'not_started' });
  }
  if (!ctx.enrollment) return refuse('ENROLLMENT_MISSING', { program });
  if (t.today.getTime() > ctx.enrollment.renewBy.getTime()) {
    return refuse('ENROLLMENT_LAPSED', { program, renewBy: isoDay(ctx.enrollment.renewBy) });
  }
  return null;
}

/** Reserve before the engagement starts: a planned start must be after the reservation day. */
function checkPlannedStart(v: Voucher, input: ReserveInput, t: RuleTime): Refusal | null {
  if (!input.plannedStart) return null;
  if (input.plannedStart.getTime() <= t.today.getTime()) {
    return refuse('ENGAGEMENT_ALREADY_STARTED', { number: v.number, start: isoDay(input.plannedStart) });
  }
  if (input.plannedStart.getTime() > v.expiresOn.getTime()) {
    return refuse('ENGAGEMENT_STARTS_AFTER_EXPIRY', {
      number: v.number,
      start: isoDay(input.plannedStart),
      expiresOn: isoDay(v.expiresOn),
    });
  }
  return null;
}

/** No second 15-day engagement of a program for a customer, unless an exception is stated (recorded). */
function checkFifteenDays(v: Voucher, program: string, input: ReserveInput, ctx: ReserveContext): Refusal | null {
  if (v.days !== 15 || input.fifteenDayException || !ctx.fifteenDayHolder) return null;
  return refuse('FIFTEEN_DAY_RULE', {
    program,
    customerName: v.customerName ?? v.agreementNumber ?? '',
    otherNumber: ctx.fifteenDayHolder,
  });
}

/** Every check of a reservation, in the order the user should fix them. */
export function checkReservation(v: Voucher, actor: Actor, input: ReserveInput, ctx: ReserveContext, t: RuleTime): Refusal | null {
  const program = v.program ?? '';
  return (
    checkVoucherData(v) ??
    (input.termsAccepted ? null : refuse('TERMS_NOT_ACCEPTED', { program })) ??
    checkLocation(ctx.location, input.locationId, program, input.engagementCountry) ??
    (ctx.location ? checkContact(actor, ctx.location) : null) ??
    checkEnrollment(program, ctx, t) ??
    checkPlannedStart(v, input, t) ??
    checkFifteenDays(v, program, input, ctx)
  );
}

/**
 * Reserve (DOMAIN.md, step 4), directly or, with `approval`, when a manager approves it.
 * The program terms accepted at reservation and a 15-day exception reason are recorded.
 */
export function reserveRule(
  v: Voucher,
  actor: Actor,
  input: ReserveInput,
  ctx: ReserveContext,
  t: RuleTime,
  approval?: { id: Types.ObjectId; requester: Actor },
): RuleResult {
  const event = approval ? 'approveReservation' : 'reserve';
  const refused = checkEvent(v, actor, event, t, approval?.id) ?? checkReservation(v, approval?.requester ?? actor, input, ctx, t);
  if (refused) return refused;
  const requester = approval?.requester ?? actor;
  const holdsSlot = v.days === 15 && !input.fifteenDayException;
  const program = v.program ?? '';
  const slot = holdsSlot
    ? { fifteenDaySlot: fifteenDayKey(v.partnerId, program, v), fifteenDayName: fifteenDayNameKey(v.partnerId, program, v.customerName) }
    : {};
  const facts = [
    `at ${input.locationId} (${input.engagementCountry}), program terms accepted`,
    input.plannedStart ? `planned start ${isoDay(input.plannedStart)}` : '',
    approval ? `requested by ${requester.name}, approval ${String(approval.id)}` : '',
    input.fifteenDayException ? `15-day exception: ${input.fifteenDayException}` : '',
  ];
  return planFor(v, actor, event, t, {
    set: {
      locationId: input.locationId,
      engagementCountry: input.engagementCountry,
      reservation: { on: t.today, by: requester.aadObjectId, termsAcceptedOn: t.now, fifteenDayException: input.fifteenDayException },
      ...slot,
      ...(approval ? { pendingApprovalId: null } : {}),
    },
    reason: facts.filter(Boolean).join('; '),
    facts: auditFacts('RESERVED', {
      locationId: input.locationId,
      country: input.engagementCountry,
      plannedStart: input.plannedStart ? isoDay(input.plannedStart) : null,
      requestedBy: approval ? requester.name : null,
      fifteenDayException: input.fifteenDayException,
    }),
    approvalId: approval?.id,
  });
}

/** A reservation that policy sends to a manager: lock the voucher with the approval. */
export function requestReservationRule(
  v: Voucher,
  actor: Actor,
  input: ReserveInput,
  ctx: ReserveContext,
  t: RuleTime,
  approvalId: Types.ObjectId,
): RuleResult {
  const refused = checkEvent(v, actor, 'requestReservation', t) ?? checkReservation(v, actor, input, ctx, t);
  if (refused) return refused;
  const reason = `reservation at ${input.locationId} (${input.engagementCountry}) sent to a manager, approval ${String(approvalId)}`;
  const facts = auditFacts('RESERVATION_REQUESTED', { locationId: input.locationId, country: input.engagementCountry });
  return planFor(v, actor, 'requestReservation', t, { set: { pendingApprovalId: approvalId }, reason, facts });
}
