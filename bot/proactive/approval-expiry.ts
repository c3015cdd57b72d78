import type { Types } from 'mongoose';
import type { Approval, Domain } from '../../domain/domain';
import { systemActor } from '../../domain/person/person.service';
import { scoped } from '../../domain/scope';
import { outcomeMessage, updateMessage } from './approval-messages';
import type { NewMessage, OutboxStore } from './outbox';

/** Expired approvals are announced for this long after their expiry (a bot stopped for days catches up). */
const ANNOUNCE_WITHIN_MS = 7 * 86_400_000;

/**
 * An approval nobody decided in time (issue 10): its copies are updated to say it expired, and the
 * requester is told. Run from the outbox loop; the outbox keys make each message once, whichever
 * instance or pass finds it. A pending approval past its time is expired first (by reading it:
 * domain approvals.get expires it and releases its vouchers).
 */
export async function announceExpiredApprovals(domain: Domain, outbox: OutboxStore): Promise<number> {
  const now = domain.deps.clock.now();
  const partners = await domain.deps.models.partners.find({}, { _id: 1, tenantIds: 1 }).lean<{ _id: Types.ObjectId; tenantIds: string[] }[]>();
  let announced = 0;
  for (const partner of partners) {
    const system = systemActor(partner._id);
    const approvals = domain.deps.models.approvals;
    const due = await approvals.find(scoped(partner._id, { status: 'pending', expiresAt: { $lte: now } }), { _id: 1 }).limit(100).lean<{ _id: Types.ObjectId }[]>();
    for (const a of due) await domain.approvals.get(system, String(a._id));
    const since = new Date(now.getTime() - ANNOUNCE_WITHIN_MS);
    const expired = await approvals.find(scoped(partner._id, { status: 'expired', expiresAt: { $gte: since } })).limit(200).lean<Approval[]>();
    const tenantId = partner.tenantIds[0];
    const messages: NewMessage[] = expired.flatMap((a) => [...a.messageIds.map((id) => updateMessage(a, id)), ...(tenantId ? [outcomeMessage(a, tenantId)] : [])]);
    await outbox.enqueue(messages);
    announced += expired.length;
  }
  return announced;
}
