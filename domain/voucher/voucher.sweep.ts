import type { Types } from 'mongoose';
import { expireApprovals, releaseOrphanLocks } from '../approval/approval.service';
import { utcDay } from '../calendar';
import type { DomainDeps } from '../models';
import { systemActor } from '../person/person.service';
import { scoped } from '../scope';
import { EXPIRABLE } from './voucher.machine';
import type { AuditEntry } from './voucher.model';

export interface SweepResult {
  partners: number;
  vouchersExpired: number;
  approvalsExpired: number;
}

/**
 * Any state before `redeemed` becomes `expired` once the expiry date has passed (DOMAIN.md,
 * Voucher states). One `updateMany` per from-state: each document is still changed by one
 * conditional update (state and date in the filter) that pushes its own audit entry with the
 * right `from`, and the server does the work, so memory stays bounded whatever the volume.
 * No rule lets anyone else write a voucher past its expiry, so the sweep needs no write claim.
 * An expired reservation releases the customer's 15-day slot, as the engagement never happened;
 * a completed one keeps it, since the engagement was delivered.
 */
export async function sweepPartner(deps: DomainDeps, partnerId: Types.ObjectId): Promise<Omit<SweepResult, 'partners'>> {
  const now = deps.clock.now();
  const today = utcDay(now);
  // The four from-states touch disjoint documents, so their updates run side by side.
  const modified = await Promise.all(
    EXPIRABLE.map(async (from) => {
      const audit: AuditEntry = { at: now, by: 'system', event: 'expire', from, to: 'expired', reason: 'expiry date passed' };
      const r = await deps.models.vouchers.updateMany(scoped(partnerId, { state: from, expiresOn: { $lt: today } }), {
        $set: { state: 'expired' },
        ...(from === 'completed' ? {} : { $unset: { fifteenDaySlot: '' } }),
        $push: { audit },
        $inc: { version: 1 },
      });
      return r.modifiedCount;
    }),
  );
  const vouchersExpired = modified.reduce((a, b) => a + b, 0);
  const approvalsExpired = await expireApprovals(deps, partnerId, systemActor(partnerId));
  await releaseOrphanLocks(deps, partnerId, systemActor(partnerId));
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
