import { z } from 'zod';
import type { Approval } from '../approval/approval.model';
import { addDays, daysBetween, utcDay } from '../calendar';
import type { Location } from '../location/location.model';
import type { DomainDeps } from '../models';
import { loadPartner } from '../partner/partner.store';
import type { Partner } from '../partner/partner.model';
import { isQualified, type Actor, type Person } from '../person/person.model';
import { parseInput, refuse } from '../refusal';
import { scoped } from '../scope';
import { availableActions, type VoucherAction } from './actions.rules';
import { claimQuote, type ClaimQuote } from './payment.rules';
import { EXPIRABLE, VOUCHER_STATES, type VoucherState } from './voucher.machine';
import type { AuditEntry, Voucher } from './voucher.model';
import { CLAIM_WINDOW_DAYS } from './voucher.rules';
import { checkReader, findByTypedNumber, loadVoucher, normaliseNumber } from './voucher.store';

/** A list page leaves out the audit trail and deliverables, which only the details card shows. */
export type VoucherSummary = Omit<Voucher, 'audit' | 'deliverables' | 'sources' | 'cancellations'>;
const SUMMARY = { audit: 0, deliverables: 0, sources: 0, cancellations: 0 } as const;

export interface Page {
  skip?: number;
  limit?: number;
}
const pageOf = (p: Page = {}) => ({ skip: Math.max(0, p.skip ?? 0), limit: Math.min(100, Math.max(1, p.limit ?? 25)) });

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const listInput = z.object({
  state: z.enum(VOUCHER_STATES).nullish(),
  page: z.number().int().min(0).max(10_000).default(0),
  pageSize: z.number().int().min(1).max(25).default(10),
});

/** One page of the list card: rows newest action first, and whether there is a next page. */
export interface VoucherPage {
  vouchers: (VoucherSummary & { daysLeft: number | null })[];
  state: VoucherState | null;
  page: number;
  pageSize: number;
  hasMore: boolean;
}

/** Everything the details card shows (issue 8, `voucher <number>`). */
export interface VoucherDetails {
  voucher: Voucher;
  /** Whole days left before expiry (0 on the last day); null once redeemed or expired. */
  daysLeft: number | null;
  location: Location | null;
  /** The pending approval on the voucher, if any. */
  approval: Approval | null;
  /** The last audit entries, newest first. */
  recentAudit: AuditEntry[];
  /** The actions valid now for the person asking: the card's buttons. */
  actions: VoucherAction[];
  /** The claim's amount at the country's day rate and its 60-day deadline; null without a known rate or days. */
  claim: ClaimQuote | null;
}

const RECENT_AUDIT = 5;

/** A voucher handed in by a caller, only if it is of the actor's partner. */
function ownVoucher(actor: Actor, v: Voucher): Voucher {
  if (!v.partnerId.equals(actor.partnerId)) throw refuse('VOUCHER_NOT_FOUND', { voucher: String(v._id) });
  return v;
}

export const daysLeftOf = (v: Pick<Voucher, 'state' | 'expiresOn'>, today: Date): number | null =>
  EXPIRABLE.includes(v.state) ? daysBetween(today, v.expiresOn) : null;

/**
 * Read-only queries; each has an index in voucher.model.ts (the explain test checks the hot ones).
 * Each takes the acting person, checks that their role may read vouchers, and is partner-scoped.
 */
export function voucherQueries(deps: DomainDeps) {
  const vouchers = deps.models.vouchers;
  const today = () => utcDay(deps.clock.now());
  // Async so that a refused role rejects the promise like every other service, never throws at the call.
  const find = async (
    actor: Actor,
    filter: Record<string, unknown>,
    sort: Record<string, 1 | -1>,
    page?: Page,
  ): Promise<VoucherSummary[]> => {
    checkReader(actor);
    const { skip, limit } = pageOf(page);
    return vouchers.find(scoped(actor.partnerId, filter), SUMMARY).sort(sort).skip(skip).limit(limit).lean<VoucherSummary[]>();
  };
  return {
    /** The list card: a state or all, newest action first, `pageSize` rows per page (index partnerId, state, lastActionAt). */
    async list(actor: Actor, raw: z.input<typeof listInput> = {}): Promise<VoucherPage> {
      const i = parseInput(listInput, raw);
      const rows = await find(
        actor,
        i.state ? { state: i.state } : {},
        { lastActionAt: -1, _id: -1 },
        { skip: i.page * i.pageSize, limit: i.pageSize + 1 },
      );
      const t = today();
      const shown = rows.slice(0, i.pageSize).map((v) => ({ ...v, daysLeft: daysLeftOf(v, t) }));
      return { vouchers: shown, state: i.state ?? null, page: i.page, pageSize: i.pageSize, hasMore: rows.length > i.pageSize };
    },
    /**
     * The details card of one voucher: last audit entries, pending approval, claim quote and the
     * actions valid now. A voucher the caller has just read or written (`byNumber`, an action's
     * result) and the actor's partner as read in this turn each save a round trip; one of another
     * partner is not taken (the voucher is refused as not found, the partner read again). The
     * caller may read the location its own way (the bot's short cache): the card's buttons are
     * only a guide, every action checks the location again when it runs.
     */
    async details(
      actor: Actor,
      voucherRef: string | Voucher,
      known: { partner?: Partner; location?: (locationId: string) => Promise<Location | null> } = {},
    ): Promise<VoucherDetails> {
      checkReader(actor);
      const voucher = typeof voucherRef === 'string' ? await loadVoucher(deps, actor.partnerId, voucherRef) : ownVoucher(actor, voucherRef);
      const readLocation = (locationId: string) => deps.models.locations.findOne(scoped(actor.partnerId, { locationId })).lean<Location>();
      const [location, approval, partner] = await Promise.all([
        voucher.locationId
          ? (known.location ?? readLocation)(voucher.locationId).then((l) => (l?.partnerId.equals(actor.partnerId) ? l : null))
          : null,
        voucher.pendingApprovalId
          ? deps.models.approvals.findOne(scoped(actor.partnerId, { _id: voucher.pendingApprovalId })).lean<Approval>()
          : null,
        known.partner?._id.equals(actor.partnerId) ? known.partner : loadPartner(deps, actor.partnerId),
      ]);
      const now = deps.clock.now();
      const allowSelfApproval = Boolean((partner.settings as { allowSelfApproval?: boolean }).allowSelfApproval);
      return {
        voucher,
        daysLeft: daysLeftOf(voucher, utcDay(now)),
        location,
        approval,
        recentAudit: voucher.audit.slice(-RECENT_AUDIT).reverse(),
        actions: availableActions(voucher, actor, now, { location, approval, allowSelfApproval }),
        claim: claimQuote(voucher, utcDay(now)),
      };
    },
    /** Who may lead the voucher's engagement: people with its program's training and exam (DOMAIN.md, step 1), by name. */
    async consultants(actor: Actor, voucherId: string): Promise<{ aadObjectId: string; name: string }[]> {
      checkReader(actor);
      const v = await loadVoucher(deps, actor.partnerId, voucherId);
      if (!v.program) return [];
      const people = await deps.models.people
        .find(scoped(actor.partnerId, { 'qualifications.program': v.program }))
        .sort({ name: 1 })
        .limit(200)
        .lean<Person[]>();
      return people.filter((p) => isQualified(p, v.program ?? '')).map((p) => ({ aadObjectId: p.aadObjectId, name: p.name }));
    },
    /** List by state, soonest expiry first (index partnerId, state, expiresOn). */
    byState(actor: Actor, states: readonly VoucherState[], page?: Page): Promise<VoucherSummary[]> {
      // A single state is an equality, which FerretDB pushes down to PostgreSQL (an `$in` it does not).
      const state = states.length === 1 ? states[0] : { $in: [...states] };
      return find(actor, { state }, { expiresOn: 1, _id: 1 }, page);
    },
    /** Vouchers of one location (index partnerId, locationId, state). */
    byLocation: (actor: Actor, locationId: string, page?: Page): Promise<VoucherSummary[]> =>
      find(actor, { locationId }, { expiresOn: 1, _id: 1 }, page),
    /** Unredeemed vouchers expiring within `days` days from today, today included. */
    expiringWithin(actor: Actor, days: number, page?: Page): Promise<VoucherSummary[]> {
      const t = today();
      return find(
        actor,
        { state: { $in: [...EXPIRABLE] }, expiresOn: { $gte: t, $lte: addDays(t, days) } },
        { expiresOn: 1, _id: 1 },
        page,
      );
    },
    /** Redeemed, unclaimed vouchers whose 60-day claim window closes within `days` days. */
    claimsDueWithin(actor: Actor, days: number, page?: Page): Promise<VoucherSummary[]> {
      const redeemedFrom = addDays(today(), -CLAIM_WINDOW_DAYS);
      return find(
        actor,
        { state: 'redeemed', 'redemption.on': { $gte: redeemedFrom, $lte: addDays(redeemedFrom, days) } },
        { 'redemption.on': 1, _id: 1 },
        page,
      );
    },
    /** The whole voucher with this number as a person types it (any case, spaces or hyphens), or null. */
    async byNumber(actor: Actor, text: string): Promise<Voucher | null> {
      checkReader(actor);
      return findByTypedNumber(deps, actor.partnerId, text);
    },
    /**
     * The stored numbers that pieces a person typed make ("ABCD 1234 EFGH" as ABCD1234EFGH or
     * ABCD-1234-EFGH): a command's first words read as one number. Equality only, so the number
     * index answers on every command (the looser `byNumber` runs once, on the number chosen).
     */
    async numbersLike(actor: Actor, typed: readonly string[]): Promise<string[]> {
      checkReader(actor);
      const forms = typed.flatMap((t) => [normaliseNumber(t), t.trim().toUpperCase().split(/\s+/u).join('-')]).filter((f) => f !== '');
      if (forms.length === 0) return [];
      const rows = await vouchers
        .find(scoped(actor.partnerId, { number: { $in: [...new Set(forms)] } }), { number: 1 })
        .limit(20)
        .lean<Array<{ number: string }>>();
      return rows.map((r) => r.number);
    },
    /** Search by number (as typed: any case, spaces or hyphens), else by customer name prefix (case-insensitive). */
    async search(actor: Actor, text: string, page?: Page): Promise<VoucherSummary[]> {
      checkReader(actor);
      const same = await findByTypedNumber(deps, actor.partnerId, text);
      if (same) return [same];
      return find(actor, { customerName: { $regex: `^${escapeRegex(text.trim())}`, $options: 'i' } }, { customerName: 1, _id: 1 }, page);
    },
    /** How many vouchers per state, for the pipeline overview. */
    async countByState(actor: Actor): Promise<Record<string, number>> {
      checkReader(actor);
      const rows = await vouchers.aggregate<{ _id: string; n: number }>([
        { $match: scoped(actor.partnerId, {}) },
        { $group: { _id: '$state', n: { $sum: 1 } } },
      ]);
      return Object.fromEntries(rows.map((r) => [r._id, r.n]));
    },
  };
}
