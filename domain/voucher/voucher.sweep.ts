import type { Types } from 'mongoose';
import { releaseOrphanLocks, settleApprovals } from '../approval/approval.service';
import { utcDay } from '../calendar';
import type { DomainDeps } from '../models';
import { scoped } from '../scope';
import { updateEach } from '../write';
import { auditFacts } from './audit-facts';
import { EXPIRABLE } from './voucher.machine';
import type { AuditEntry } from './voucher.model';

export interface SweepResult {
  partners: number;
  vouchersExpired: number;
  approvalsExpired: number;
}

/**
 * Any state before `redeemed` becomes `expired` once the expiry date has passed (DOMAIN.md,
 * Voucher states). One conditional update per document through the write path, per from-state:
 * state and date are in the filter and each document gets its own audit entry with the right
 * `from`. On MongoDB that is one `updateMany` per from-state; on FerretDB the write path walks
 * the documents a page at a time under the write claim (domain/write.ts `updateEach`), so a
 * concurrent release or intake merge is never overwritten. An expired reservation releases the
 * customer's 15-day slot, as the engagement never happened; a completed one keeps it, since the
 * engagement was delivered.
 */
/** Unused, the voucher's days go back to the customer's pool (DOMAIN.md, Engagement facts): the audit says so. */
const EXPIRED_REASON = "expiry date passed: the voucher's days go back to the customer's pool while their enrollment is active";

export async function sweepPartner(deps: DomainDeps, partnerId: Types.ObjectId): Promise<Omit<SweepResult, 'partners'>> {
  const now = deps.clock.now();
  const today = utcDay(now);
  // The four from-states touch disjoint documents, so they run side by side.
  const modified = await Promise.all(
    EXPIRABLE.map((from) => {
      const audit: AuditEntry = {
        at: now,
        by: 'system',
        event: 'expire',
        from,
        to: 'expired',
        reason: EXPIRED_REASON,
        facts: auditFacts('EXPIRED', {}),
      };
      return updateEach(deps, {
        model: deps.models.vouchers,
        filter: scoped(partnerId, { state: from, expiresOn: { $lt: today } }),
        update: {
          $set: { state: 'expired', lastActionAt: now },
          ...(from === 'completed' ? {} : { $unset: { fifteenDaySlot: '', fifteenDayName: '' } }),
          $push: { audit },
        },
      });
    }),
  );
  const vouchersExpired = modified.reduce((a, b) => a + b, 0);
  const approvalsExpired = await settleApprovals(deps, partnerId);
  await releaseOrphanLocks(deps, partnerId);
  return { vouchersExpired, approvalsExpired };
}

const SWEEP_PARTNERS_AT_ONCE = 4;

/** The expiry sweep over every partner of the database. */
export async function sweepAll(deps: DomainDeps): Promise<SweepResult> {
  const partners = await deps.models.partners.find({}, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
  const total: SweepResult = { partners: partners.length, vouchersExpired: 0, approvalsExpired: 0 };
  // A few partners at a time: enough to keep the server busy, bounded whatever the partner count.
  for (let i = 0; i < partners.length; i += SWEEP_PARTNERS_AT_ONCE) {
    const batch = partners.slice(i, i + SWEEP_PARTNERS_AT_ONCE);
    for (const r of await Promise.all(batch.map((p) => sweepPartner(deps, p._id)))) {
      total.vouchersExpired += r.vouchersExpired;
      total.approvalsExpired += r.approvalsExpired;
    }
  }
  return total;
}
