import type { Approval } from '../../domain/domain';
import type { HandlerContext } from '../routing/types';
import { cardMessage, outcomeMessage, updateMessage } from './approval-messages';
import { conversationRefStore } from './conversation-ref.store';
import { outboxStore, type NewMessage } from './outbox';
import { proactiveText } from './proactive-text';

/** Names listed in the requester's notice; the rest are counted. */
const SHOWN_NAMES = 5;

const storesOf = (ctx: HandlerContext) => ({
  outbox: outboxStore(ctx.domain.deps.connection, { store: ctx.domain.deps.store }),
  refs: conversationRefStore(ctx.domain.deps.connection, { store: ctx.domain.deps.store }),
});

/** The partner's tenant for people's personal chats: the turn's, else the partner's first. */
async function tenantOf(ctx: HandlerContext): Promise<string | null> {
  if (ctx.turn.tenantId) return ctx.turn.tenantId;
  const partner = await ctx.domain.deps.models.partners.findById(ctx.actor.partnerId, { tenantIds: 1 }).lean<{ tenantIds: string[] }>();
  return partner?.tenantIds[0] ?? null;
}

/**
 * A request sent to approval (issue 10, Managers): every approver gets the approval card in their
 * personal chat, and the partner's approvals channel one copy, through the outbox. Returns what the
 * requester must be told: the approvers the bot cannot reach because they have not installed it.
 */
export async function announceApproval(ctx: HandlerContext, approval: Approval | null): Promise<string[]> {
  if (!approval || approval.status !== 'pending') return [];
  const tenantId = await tenantOf(ctx);
  if (!tenantId) return [];
  const { outbox, refs } = storesOf(ctx);
  const [reachable, partner, people] = await Promise.all([
    refs.reachable(tenantId, approval.approvers),
    ctx.domain.deps.models.partners
      .findById(ctx.actor.partnerId, { settings: 1 })
      .lean<{ settings: { approvalsChannelId?: string | null } }>(),
    ctx.domain.people.list(ctx.actor),
  ]);
  const messages: NewMessage[] = approval.approvers
    .filter((id) => reachable.has(id))
    .map((aadObjectId) => cardMessage(approval, { kind: 'person', tenantId, aadObjectId }));
  const channel = partner?.settings.approvalsChannelId;
  if (channel) messages.push(cardMessage(approval, { kind: 'conversation', conversationId: channel }));
  await outbox.enqueue(messages);
  const nameOf = (id: string) => people.find((p) => p.aadObjectId === id)?.name ?? id;
  const missing = approval.approvers.filter((id) => !reachable.has(id)).map(nameOf);
  if (missing.length === 0) return [];
  return [proactiveText[ctx.locale].notInstalled(missing.slice(0, SHOWN_NAMES), Math.max(0, missing.length - SHOWN_NAMES))];
}

/**
 * A decision (by card or by text): every stored copy of the card is updated to show who decided,
 * when and why, and the requester is told the outcome in their chat (unless they decided themselves).
 */
export async function announceDecision(ctx: HandlerContext, approval: Approval): Promise<void> {
  if (approval.status === 'pending') return;
  const { outbox } = storesOf(ctx);
  const messages: NewMessage[] = approval.messageIds.map((id) => updateMessage(approval, id));
  const tenantId = await tenantOf(ctx);
  if (tenantId && approval.requestedBy !== ctx.actor.aadObjectId) messages.push(outcomeMessage(approval, tenantId));
  await outbox.enqueue(messages);
}
