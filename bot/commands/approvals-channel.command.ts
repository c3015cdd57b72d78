import { z } from 'zod';
import { setApprovalsChannel } from '../../domain/partner/approvals-channel.service';
import { conversationRefStore } from '../proactive/conversation-ref.store';
import { proactiveText } from '../proactive/proactive-text';
import type { Handler } from '../routing/types';
import { doneView, noticeView } from '../views/message.view';

/** `approvals channel here` / `canal approbations ici`: nothing follows the words. */
export const approvalsChannelArgs = () => z.tuple([]).transform(() => ({}));

/** A channel message's conversation id names the thread (`;messageid=`); the channel is what comes before. */
const channelOf = (conversationId: string): string => conversationId.split(';')[0] ?? conversationId;

/**
 * Makes the channel it is run in the partner's approvals channel (issue 10): an admin runs it there.
 * The channel's conversation reference, stored as the message arrived, says whether this is a channel.
 */
export const setApprovalsChannelHere: Handler<object> = async (ctx) => {
  const t = proactiveText[ctx.locale];
  const conversationId = channelOf(ctx.turn.conversationId);
  const stored = await conversationRefStore(ctx.domain.deps.connection, { store: ctx.domain.deps.store }).conversation(conversationId);
  const reference = stored ? (JSON.parse(stored.reference) as { conversation?: { conversationType?: string } }) : null;
  if (reference?.conversation?.conversationType !== 'channel')
    return noticeView(t.channelOnlyInChannel, t.channelOnlyInChannel, ctx.locale);
  await setApprovalsChannel(ctx.domain.deps, ctx.actor, { conversationId });
  return doneView(t.channelSet, ctx.locale);
};
