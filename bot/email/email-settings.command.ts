import { z } from 'zod';
import { mailboxService } from '../../domain/partner/mailbox.service';
import { conversationRefStore } from '../proactive/conversation-ref.store';
import type { Handler } from '../routing/types';
import { doneView, noticeView } from '../views/message.view';
import { emailSettingsText } from './i18n/settings-texts';

/** `customer mailbox <address>` / `boîte clients <adresse>`: one address. */
export const customerMailboxArgs = () => z.tuple([z.string().min(3).max(254)]).transform(([address]) => ({ address }));
/** `new vouchers channel here` / `canal nouveaux bons ici`: nothing follows the words. */
export const vouchersChannelArgs = () => z.tuple([]).transform(() => ({}));

/** Sets the mailbox the Email channel reads for this partner (issue 10); the staff channel, if any, is kept. */
export const setCustomerMailbox: Handler<{ address: string }> = async (ctx, { address }) => {
  const mailboxes = mailboxService(ctx.domain.deps);
  const current = (await mailboxes.ofPartner(ctx.actor.partnerId))[0];
  const saved = await mailboxes.set(ctx.actor, { address, staffChannelId: current?.staffChannelId ?? null });
  return doneView(emailSettingsText[ctx.locale].mailboxSet(saved._id), ctx.locale);
};

/** Makes the channel it is run in the one that gets the New voucher cards; run by an admin in that channel. */
export const setVouchersChannelHere: Handler<object> = async (ctx) => {
  const t = emailSettingsText[ctx.locale];
  const conversationId = ctx.turn.conversationId.split(';')[0] ?? ctx.turn.conversationId;
  const stored = await conversationRefStore(ctx.domain.deps.connection, { store: ctx.domain.deps.store }).conversation(conversationId);
  const reference = stored ? (JSON.parse(stored.reference) as { conversation?: { conversationType?: string } }) : null;
  if (reference?.conversation?.conversationType !== 'channel') return noticeView(t.onlyInChannel, t.onlyInChannel, ctx.locale);
  const set = await mailboxService(ctx.domain.deps).setStaffChannel(ctx.actor, conversationId);
  return set ? doneView(t.channelSet, ctx.locale) : noticeView(t.noMailbox, t.noMailbox, ctx.locale);
};
