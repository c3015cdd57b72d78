import type { Types } from 'mongoose';
import { DAY_MS } from '../calendar';
import type { DomainDeps } from '../models';
import { scoped } from '../scope';
import type { Approval } from './approval.model';
import { settleApprovals } from './approval.service';

/**
 * How long after its expiry an approval nobody decided is still reported: a bot stopped for a few
 * days still tells the requester and updates the cards when it comes back; older ones are history.
 */
export const EXPIRED_APPROVALS_REPORTED_DAYS = 7;

/** A partner's approvals that expired undecided, with the tenant its people are reached in. */
export interface ExpiredApprovals {
  partnerId: Types.ObjectId;
  /** The partner's first tenant (its people's Teams tenant); null when it has none. */
  tenantId: string | null;
  approvals: Approval[];
}

/**
 * Approvals nobody decided in time (DOMAIN.md, People: Manager; Voucher states: while an approval
 * is pending, conflicting transitions are refused, so one left undecided must end). For every
 * partner, as its system: pending approvals past their time are expired first and their vouchers
 * released (as the sweep does), then those that expired within the last
 * EXPIRED_APPROVALS_REPORTED_DAYS days are returned, for the bot to update their cards and tell
 * the requester (the bot's outbox keys make each message once, whoever asks how often).
 */
export async function expiredApprovalsToReport(deps: DomainDeps): Promise<ExpiredApprovals[]> {
  const now = deps.clock.now();
  // Whole 24-hour days back from now, as an approval's time to live runs from its request.
  const since = new Date(now.getTime() - EXPIRED_APPROVALS_REPORTED_DAYS * DAY_MS);
  const partners = await deps.models.partners.find({}, { _id: 1, tenantIds: 1 }).lean<{ _id: Types.ObjectId; tenantIds: string[] }[]>();
  const found: ExpiredApprovals[] = [];
  for (const partner of partners) {
    await settleApprovals(deps, partner._id);
    const approvals = await deps.models.approvals
      .find(scoped(partner._id, { status: 'expired', expiresAt: { $gte: since } }))
      .sort({ expiresAt: 1, _id: 1 })
      .limit(200)
      .lean<Approval[]>();
    if (approvals.length > 0) found.push({ partnerId: partner._id, tenantId: partner.tenantIds[0] ?? null, approvals });
  }
  return found;
}
