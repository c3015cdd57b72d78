import type { Domain } from '../../domain/domain';
import { outcomeMessage, updateMessage } from './approval-messages';
import type { NewMessage, OutboxStore } from './outbox';

/**
 * An approval nobody decided in time (issue 10): its copies are updated to say it expired, and the
 * requester is told. Run from the outbox loop; which approvals, and for how long after their expiry,
 * is the domain's rule (`approvals.expiredToReport`, which also expires those past their time). The
 * outbox keys make each message once, whichever instance or pass finds it.
 */
export async function announceExpiredApprovals(domain: Domain, outbox: OutboxStore): Promise<number> {
  let announced = 0;
  for (const { tenantId, approvals } of await domain.approvals.expiredToReport()) {
    const messages: NewMessage[] = approvals.flatMap((a) => [
      ...a.messageIds.map((id) => updateMessage(a, id)),
      ...(tenantId ? [outcomeMessage(a, tenantId)] : []),
    ]);
    await outbox.enqueue(messages);
    announced += approvals.length;
  }
  return announced;
}
