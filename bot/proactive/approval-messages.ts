import { Types } from 'mongoose';
import { z } from 'zod';
import { toApprovalOutcomeData, toApprovalRequestData } from '../../cards/approval.card';
import { render } from '../../cards/render';
import type { Approval, Domain } from '../../domain/domain';
import { systemActor } from '../../domain/person/person.service';
import { localeOf, type Locale } from '../i18n/messages';
import type { Reply } from '../routing/types';
import type { ConversationRef } from './conversation-ref.model';
import type { OutboxStore } from './outbox';
import type { PayloadHandler } from './outbox-worker';

/** Payload kinds of the approval flow (issue 10, Managers). */
export const APPROVAL_CARD = 'approval.card';
export const APPROVAL_UPDATE = 'approval.update';
export const APPROVAL_OUTCOME = 'approval.outcome';

const ref = z.object({ partnerId: z.string(), approvalId: z.string() });
const copyRef = ref.extend({ messageId: z.string() });

/** A copy of an approval card: the conversation and the Teams message id, as stored on the approval. */
export const copyId = (conversationId: string, activityId: string): string => `${conversationId}|${activityId}`;
export function parseCopyId(messageId: string): { conversationId: string; activityId: string } | null {
  const at = messageId.lastIndexOf('|');
  return at > 0 ? { conversationId: messageId.slice(0, at), activityId: messageId.slice(at + 1) } : null;
}

async function load(domain: Domain, data: z.infer<typeof ref>) {
  const system = systemActor(new Types.ObjectId(data.partnerId));
  const approval = await domain.approvals.get(system, data.approvalId);
  const [people, vouchers] = await Promise.all([
    domain.people.list(system),
    Promise.all(approval.voucherIds.slice(0, 20).map((id) => domain.vouchers.get(system, String(id)))),
  ]);
  const names = Object.fromEntries(people.map((p) => [p.aadObjectId, p.name]));
  return { approval, vouchers, names };
}

/**
 * The approval card for one copy: in a manager's chat as that manager sees it (Approve / Reject
 * while pending), in a channel the status (approvers get their own view through `refresh`).
 */
export async function approvalCopy(
  domain: Domain,
  data: z.infer<typeof ref>,
  to: Pick<ConversationRef, 'aadObjectId' | 'locale'>,
): Promise<{ approval: Approval; reply: Reply }> {
  const { approval, vouchers, names } = await load(domain, data);
  const locale: Locale = localeOf(to.locale);
  const viewer = to.aadObjectId ? { aadObjectId: to.aadObjectId } : null;
  const card = render(
    'approval-request',
    toApprovalRequestData(approval, vouchers, viewer, names, { locale, now: domain.deps.clock.now() }),
  );
  return { approval, reply: { kind: 'card', card } };
}

/** The three approval payloads the outbox sends: a new card, an update of a copy, the requester's outcome. */
export function approvalHandlers(domain: Domain, outbox: OutboxStore): Record<string, PayloadHandler> {
  return {
    [APPROVAL_CARD]: {
      render: async (raw, to) => ({ reply: (await approvalCopy(domain, ref.parse(raw), to)).reply }),
      async sent(raw, to, activityId) {
        const data = ref.parse(raw);
        const messageId = copyId(to.conversationId, activityId);
        const system = systemActor(new Types.ObjectId(data.partnerId));
        const approval = await domain.approvals.recordMessage(system, { approvalId: data.approvalId, messageId });
        // Decided while this copy was on its way: the decision's updates did not know it, so it is updated now.
        if (approval.status !== 'pending') await outbox.enqueue([updateMessage(approval, messageId)]);
      },
    },
    [APPROVAL_UPDATE]: {
      async render(raw, to) {
        const data = copyRef.parse(raw);
        const copy = parseCopyId(data.messageId);
        if (!copy) return null;
        return { reply: (await approvalCopy(domain, data, to)).reply, updateOf: copy.activityId };
      },
    },
    [APPROVAL_OUTCOME]: {
      async render(raw, to) {
        const { approval, names } = await load(domain, ref.parse(raw));
        const data = toApprovalOutcomeData(approval, names, { locale: localeOf(to.locale), now: domain.deps.clock.now() });
        return data ? { reply: { kind: 'card', card: render('message', data) } } : null;
      },
    },
  };
}

const refOf = (a: Approval) => ({ partnerId: String(a.partnerId), approvalId: String(a._id) });

/** The update of one stored copy to the approval's current state. */
export function updateMessage(a: Approval, messageId: string) {
  const copy = parseCopyId(messageId);
  return {
    key: `${APPROVAL_UPDATE}|${String(a._id)}|${a.status}|${messageId}`,
    target: { kind: 'conversation' as const, conversationId: copy?.conversationId ?? messageId },
    kind: APPROVAL_UPDATE,
    data: { ...refOf(a), messageId },
  };
}

export function cardMessage(
  a: Approval,
  target: { kind: 'person'; tenantId: string; aadObjectId: string } | { kind: 'conversation'; conversationId: string },
) {
  const who = target.kind === 'person' ? `person|${target.aadObjectId}` : `conversation|${target.conversationId}`;
  return { key: `${APPROVAL_CARD}|${String(a._id)}|${who}`, target, kind: APPROVAL_CARD, data: refOf(a) };
}

export function outcomeMessage(a: Approval, tenantId: string) {
  return {
    key: `${APPROVAL_OUTCOME}|${String(a._id)}`,
    target: { kind: 'person' as const, tenantId, aadObjectId: a.requestedBy },
    kind: APPROVAL_OUTCOME,
    data: refOf(a),
  };
}
