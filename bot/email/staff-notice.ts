import { Types } from 'mongoose';
import { render } from '../../cards/render';
import { toVoucherNewData } from '../../cards/voucher-new.card';
import type { Domain } from '../../domain/domain';
import type { PartnerMailbox } from '../../domain/partner/mailbox.model';
import type { Partner } from '../../domain/partner/partner.model';
import { systemActor } from '../../domain/person/person.service';
import { localeOf } from '../i18n/messages';
import type { Reply } from '../routing/types';
import { programNames } from '../views/programs';

/** A proactive message as the outbox (bot/proactive/outbox.ts) records it: ids, never entities. */
export interface NewMessage {
  key: string;
  target: { kind: 'person'; tenantId: string; aadObjectId: string } | { kind: 'conversation'; conversationId: string };
  kind: string;
  data: Record<string, unknown>;
}

/** The outbox's one way in: every proactive message is a record there, sent by whichever instance leases it. */
export type Enqueue = (messages: readonly NewMessage[]) => Promise<void>;

/** The outbox kind of the "New voucher from <customer>" card. */
export const VOUCHER_NEW_KIND = 'voucher.new';

/**
 * Who hears of a voucher a customer emailed (issue 10): the partner's staff channel, or when none
 * is set every staff member's personal chat. One record per target, keyed by voucher and target,
 * so a redelivered email enqueues nothing new.
 */
export async function staffNotices(domain: Domain, partner: Partner, mailbox: PartnerMailbox, voucherId: string): Promise<NewMessage[]> {
  const data = { partnerId: String(partner._id), voucherId };
  if (mailbox.staffChannelId) {
    return [
      {
        key: `${VOUCHER_NEW_KIND}|${voucherId}|channel`,
        target: { kind: 'conversation', conversationId: mailbox.staffChannelId },
        kind: VOUCHER_NEW_KIND,
        data,
      },
    ];
  }
  const tenantId = partner.tenantIds[0];
  if (!tenantId) return [];
  const people = await domain.people.list(systemActor(partner._id));
  return people
    .filter((p) => p.roles.includes('staff'))
    .map((p) => ({
      key: `${VOUCHER_NEW_KIND}|${voucherId}|${p.aadObjectId}`,
      target: { kind: 'person', tenantId, aadObjectId: p.aadObjectId },
      kind: VOUCHER_NEW_KIND,
      data,
    }));
}

/**
 * The card as the voucher is when it is sent (the outbox renders at send time), in the language
 * last seen in the target conversation: Reserve while it can still be reserved, and Details.
 */
export async function renderVoucherNew(domain: Domain, data: { partnerId: string; voucherId: string }, locale: string): Promise<Reply> {
  const system = systemActor(new Types.ObjectId(data.partnerId));
  const voucher = await domain.vouchers.get(system, data.voucherId);
  const actions = await domain.vouchers.staffActions(system, voucher);
  const card = render(
    'voucher-new',
    toVoucherNewData(voucher, actions, programNames(), { locale: localeOf(locale), now: domain.deps.clock.now() }),
  );
  return { kind: 'card', card };
}
