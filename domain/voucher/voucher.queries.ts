import type { Types } from 'mongoose';
import { addDays, utcDay } from '../calendar';
import type { DomainDeps } from '../models';
import { scoped } from '../scope';
import { EXPIRABLE, type VoucherState } from './voucher.machine';
import type { Voucher } from './voucher.model';
import { CLAIM_WINDOW_DAYS } from './voucher.rules';

/** A list page leaves out the audit trail and deliverables, which only the details card shows. */
export type VoucherSummary = Omit<Voucher, 'audit' | 'deliverables' | 'sources' | 'cancellations'>;
const SUMMARY = { audit: 0, deliverables: 0, sources: 0, cancellations: 0 } as const;

export interface Page {
  skip?: number;
  limit?: number;
}
const pageOf = (p: Page = {}) => ({ skip: Math.max(0, p.skip ?? 0), limit: Math.min(100, Math.max(1, p.limit ?? 25)) });

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Read-only queries; each has an index in voucher.model.ts (the explain test checks the hot ones).
 * Every filter is partner-scoped.
 */
export function voucherQueries(deps: DomainDeps) {
  const vouchers = deps.models.vouchers;
  return {
    /** List by state, soonest expiry first (index partnerId, state, expiresOn). */
    byState(partnerId: Types.ObjectId, states: readonly VoucherState[], page?: Page): Promise<VoucherSummary[]> {
      const { skip, limit } = pageOf(page);
      // A single state is an equality, which FerretDB pushes down to PostgreSQL (an `$in` it does not).
      const state = states.length === 1 ? states[0] : { $in: [...states] };
      return vouchers.find(scoped(partnerId, { state }), SUMMARY).sort({ expiresOn: 1, _id: 1 }).skip(skip).limit(limit).lean<VoucherSummary[]>();
    },
    /** Vouchers of one location (index partnerId, locationId, state). */
    byLocation(partnerId: Types.ObjectId, locationId: string, page?: Page): Promise<VoucherSummary[]> {
      const { skip, limit } = pageOf(page);
      return vouchers.find(scoped(partnerId, { locationId }), SUMMARY).sort({ expiresOn: 1, _id: 1 }).skip(skip).limit(limit).lean<VoucherSummary[]>();
    },
    /** Unredeemed vouchers expiring within `days` days from today, today included. */
    expiringWithin(partnerId: Types.ObjectId, days: number, page?: Page): Promise<VoucherSummary[]> {
      const today = utcDay(deps.clock.now());
      const { skip, limit } = pageOf(page);
      const filter = scoped(partnerId, { state: { $in: [...EXPIRABLE] }, expiresOn: { $gte: today, $lte: addDays(today, days) } });
      return vouchers.find(filter, SUMMARY).sort({ expiresOn: 1, _id: 1 }).skip(skip).limit(limit).lean<VoucherSummary[]>();
    },
    /** Redeemed, unclaimed vouchers whose 60-day claim window closes within `days` days. */
    claimsDueWithin(partnerId: Types.ObjectId, days: number, page?: Page): Promise<VoucherSummary[]> {
      const today = utcDay(deps.clock.now());
      const { skip, limit } = pageOf(page);
      const redeemedFrom = addDays(today, -CLAIM_WINDOW_DAYS);
      const filter = scoped(partnerId, { state: 'redeemed', 'redemption.on': { $gte: redeemedFrom, $lte: addDays(redeemedFrom, days) } });
      return vouchers.find(filter, SUMMARY).sort({ 'redemption.on': 1, _id: 1 }).skip(skip).limit(limit).lean<VoucherSummary[]>();
    },
    byNumber(partnerId: Types.ObjectId, number: string): Promise<Voucher | null> {
      return vouchers.findOne(scoped(partnerId, { number: number.trim().toUpperCase().replace(/\s+/g, '') })).lean<Voucher>();
    },
    /** Search by exact number, else by customer name prefix (case-insensitive). */
    async search(partnerId: Types.ObjectId, text: string, page?: Page): Promise<VoucherSummary[]> {
      const exact = await this.byNumber(partnerId, text);
      if (exact) return [exact];
      const { skip, limit } = pageOf(page);
      const filter = scoped(partnerId, { customerName: { $regex: `^${escapeRegex(text.trim())}`, $options: 'i' } });
      return vouchers.find(filter, SUMMARY).sort({ customerName: 1, _id: 1 }).skip(skip).limit(limit).lean<VoucherSummary[]>();
    },
    /** How many vouchers per state, for the pipeline overview. */
    async countByState(partnerId: Types.ObjectId): Promise<Record<string, number>> {
      const rows = await vouchers.aggregate<{ _id: string; n: number }>([{ $match: scoped(partnerId, {}) }, { $group: { _id: '$state', n: { $sum: 1 } } }]);
      return Object.fromEntries(rows.map((r) => [r._id, r.n]));
    },
  };
}
