import type { Types } from 'mongoose';
import type { Location } from '../location/location.model';
import type { DomainDeps } from '../models';
import { checkActor, checkMember } from '../person/actor';
import type { Actor } from '../person/person.model';
import { refuse, Refusal } from '../refusal';
import { scoped, toObjectId } from '../scope';
import { awaitRelease, releaseClaim, takeClaim, writeClaimModel } from '../store';
import { updateVersioned } from '../write';
import { checkContact, checkContactOf, checkLocation } from './reserve.rules';
import type { VoucherState } from './voucher.machine';
import type { Voucher } from './voucher.model';
import { isRefused, ruleTime, type RuleResult, type RuleTime, type WritePlan } from './voucher.rules';

/**
 * Reading and changing one voucher: what every voucher service shares (the services import this
 * module, never each other, so there is no import cycle between them).
 */
export type Rule = ((v: Voucher, t: RuleTime) => RuleResult | Promise<RuleResult>) & {
  /**
   * A rule whose check reads other vouchers (the 15-day rule) names the key its check and write
   * must not interleave on, across processes; null when this voucher needs none.
   */
  serialKey?: (v: Voucher) => string | null;
};

const SERIAL_ATTEMPTS = 200;

/**
 * Runs `run` while holding the claim of `key` (a row with a unique id, released after; taken
 * over if its holder died), so that two checks-then-writes on the same key follow each other.
 */
async function serialised<T>(deps: DomainDeps, key: string | null, number: string, run: () => Promise<T>): Promise<T> {
  if (!key) return run();
  const claims = writeClaimModel(deps.connection);
  for (let attempt = 0; attempt < SERIAL_ATTEMPTS; attempt++) {
    const held = await takeClaim(claims, key, deps.clock);
    if (!held) {
      await awaitRelease(claims, key);
      continue;
    }
    try {
      return await run();
    } finally {
      await releaseClaim(claims, held);
    }
  }
  throw refuse('CONCURRENT_UPDATE', { number });
}

/** The roles that may read vouchers: every role of the partner (and the system). */
export function checkReader(actor: Actor): void {
  checkMember(actor, 'viewVouchers');
}

/** Reads one voucher of the actor's partner by its id, or refuses VOUCHER_NOT_FOUND. */
export async function loadVoucher(deps: DomainDeps, partnerId: Types.ObjectId, voucherId: string | Types.ObjectId): Promise<Voucher> {
  const id = toObjectId(voucherId);
  const v = id ? await deps.models.vouchers.findOne(scoped(partnerId, { _id: id })).lean<Voucher>() : null;
  if (!v) throw refuse('VOUCHER_NOT_FOUND', { voucher: String(voucherId) });
  return v;
}

/** The voucher number as stored: trimmed, upper case, no inner spaces (DOMAIN.md, parsing contract). */
export const normaliseNumber = (text: string): string => text.trim().toUpperCase().replace(/\s+/g, '');

/** A typed number's letters and digits only: what names a voucher whatever its separators. */
export const compactNumber = (text: string): string =>
  text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 64);

/**
 * The filter for the stored numbers with the same letters and digits as `typed` in the same order,
 * whatever separators either has ("demo 0001", "DEMO0001", "DEMO–0001" all name DEMO-0001). For
 * looking up what a person typed only: intake still stores the number as the email printed it.
 */
export function sameNumberFilter(typed: string): { number: { $regex: string } } | null {
  const compact = compactNumber(typed);
  return compact ? { number: { $regex: `^[^A-Z0-9]*${[...compact].join('[^A-Z0-9]*')}[^A-Z0-9]*$` } } : null;
}

/**
 * The voucher a person named by number: the stored number exactly (upper case, no spaces: the
 * index answers), else the one with the same letters and digits (the exact form preferred; of
 * two that differ only by separators, the first by number). Null when none.
 */
export async function findByTypedNumber(deps: DomainDeps, partnerId: Types.ObjectId, typed: string): Promise<Voucher | null> {
  const exact = await deps.models.vouchers.findOne(scoped(partnerId, { number: normaliseNumber(typed) })).lean<Voucher>();
  const same = exact ? null : sameNumberFilter(typed);
  if (exact || !same) return exact;
  return deps.models.vouchers.findOne(scoped(partnerId, same)).sort({ number: 1 }).lean<Voucher>();
}

/** Reads one voucher of the actor's partner by its number, or refuses VOUCHER_NOT_FOUND. */
export async function loadVoucherByNumber(deps: DomainDeps, partnerId: Types.ObjectId, number: string): Promise<Voucher> {
  const v = await findByTypedNumber(deps, partnerId, number);
  if (!v) throw refuse('VOUCHER_NOT_FOUND', { voucher: number.trim().slice(0, 64) });
  return v;
}

/** Applies a plan with one conditional update; returns the updated voucher or why it did not apply. */
export async function applyPlan(deps: DomainDeps, partnerId: Types.ObjectId, v: Voucher, plan: WritePlan) {
  return updateVersioned<Voucher>(deps, {
    model: deps.models.vouchers,
    id: v._id,
    version: v.version,
    filter: scoped(partnerId, plan.filter),
    update: plan.update,
  });
}

/** The card the user acted on showed `expected`; a voucher in another state is refused with what it is now. */
export function checkExpectedState(v: Voucher, expected: VoucherState | null | undefined): Refusal | null {
  if (!expected || v.state === expected) return null;
  return refuse('VOUCHER_CHANGED', { number: v.number, expected, state: v.state });
}

/** A rule that first checks the state the user saw, so a re-run after a lost race says what changed. */
export function withExpectedState(rule: Rule, expected: VoucherState | null | undefined): Rule {
  if (!expected) return rule;
  return Object.assign((v: Voucher, t: RuleTime) => checkExpectedState(v, expected) ?? rule(v, t), { serialKey: rule.serialKey });
}

/**
 * Runs a rule and applies its plan. When the update matches nothing, the voucher is read again
 * and the same rule says why; if it now passes, a concurrent writer won (CONCURRENT_UPDATE).
 * Never retries silently (STYLE.md §4).
 */
export async function changeVoucher(
  deps: DomainDeps,
  actor: Actor,
  voucher: Voucher | string | Types.ObjectId,
  rule: Rule,
): Promise<Voucher> {
  checkActor(actor);
  const t = ruleTime(deps.clock.now());
  // A voucher the caller has just read saves a round trip; if it is stale, the version in the
  // update's filter makes the write miss and explainFailure reads it again.
  const v = isLoaded(voucher) ? voucher : await loadVoucher(deps, actor.partnerId, voucher);
  return serialised(deps, rule.serialKey?.(v) ?? null, v.number, async () => {
    const plan = await rule(v, t);
    if (isRefused(plan)) throw plan;
    const result = await applyPlan(deps, actor.partnerId, v, plan);
    if (result.ok) return result.doc;
    return explainFailure(deps, actor, v, rule, t);
  });
}

function isLoaded(voucher: Voucher | string | Types.ObjectId): voucher is Voucher {
  return typeof voucher === 'object' && 'version' in voucher && 'partnerId' in voucher;
}

/**
 * Why a planned write did not apply. A unique index that refused it (the 15-day slot) is
 * explained by the rules on the re-read, which now see the other holder; if the rules pass on
 * the re-read, someone changed the voucher or its context in between.
 */
export async function explainFailure(deps: DomainDeps, actor: Actor, v: Voucher, rule: Rule, t: RuleTime): Promise<never> {
  const again = await loadVoucher(deps, actor.partnerId, v._id);
  const second = await rule(again, t);
  if (second instanceof Refusal) throw second;
  throw refuse('CONCURRENT_UPDATE', { number: v.number });
}

async function loadLocation(deps: DomainDeps, v: Voucher): Promise<Location | null> {
  return deps.models.locations.findOne(scoped(v.partnerId, { locationId: v.locationId ?? '' })).lean<Location>();
}

/**
 * Reserve, redeem and claim under a location whose country is the engagement's and that is
 * approved for the program (DOMAIN.md, Program rules): checked again after reservation, since an
 * admin may have changed the location since. With `actor`, the actor must also be a contact of
 * that location (or an admin), as at reservation.
 */
export async function checkVoucherLocation(deps: DomainDeps, v: Voucher, actor?: Actor): Promise<Refusal | null> {
  const location = await loadLocation(deps, v);
  const wrongPlace = checkLocation(location, v.locationId ?? '', v.program ?? '', v.engagementCountry ?? '');
  return wrongPlace ?? (actor && location ? checkContact(actor, location) : null);
}

/** A rule that also requires the voucher's location to be right, checked once the rule itself passes. */
export function underApprovedLocation(deps: DomainDeps, rule: Rule, actor?: Actor): Rule {
  const checked = async (v: Voucher, t: RuleTime) => {
    const plan = await rule(v, t);
    if (isRefused(plan)) return plan;
    return (await checkVoucherLocation(deps, v, actor)) ?? plan;
  };
  return Object.assign(checked, { serialKey: rule.serialKey });
}

/**
 * A rule for a voucher a location holds: staff act only on vouchers of a location they are a
 * contact of, admins on any (DOMAIN.md, Program rules: the same check as at reservation).
 */
export function byLocationContact(deps: DomainDeps, actor: Actor, rule: Rule): Rule {
  return async (v, t) => {
    const plan = await rule(v, t);
    if (isRefused(plan)) return plan;
    // Without a location on record only the roles themselves allow the step (a contact of nothing is no one's contact).
    if (!v.locationId)
      return actor.roles.some((r) => r === 'admin' || r === 'staff' || r === 'system')
        ? plan
        : refuse('NOT_LOCATION_CONTACT', { locationId: '' });
    const location = await loadLocation(deps, v);
    return (location ? checkContact(actor, location) : checkContactOf(actor, v.locationId)) ?? plan;
  };
}
