import type { Types } from 'mongoose';
import { z } from 'zod';
import { email } from '../inputs';
import type { DomainDeps } from '../models';
import type { Actor } from '../person/person.model';
import { parseInput, refuse } from '../refusal';
import { upsertOne } from '../write';
import { requireAdmin } from './admin-audit';
import { partnerMailboxModel, type PartnerMailbox } from './mailbox.model';

export const mailboxInput = z.object({ address: email, staffChannelId: z.string().min(1).max(500).nullable().default(null) });

/** The address as stored and looked up: trimmed, lower case. */
export const mailboxKey = (address: string): string => address.trim().toLowerCase();

/**
 * The partner's customer mailbox (issue 10): set by an admin (or the seed as the system), read by
 * the Email channel glue to find the partner an email was sent to.
 */
export function mailboxService(deps: DomainDeps) {
  const model = partnerMailboxModel(deps.connection);
  return {
    model,
    ensureIndexes: async (): Promise<void> => {
      await model.createCollection().catch((e: unknown) => {
        if (!(typeof e === 'object' && e !== null && 'codeName' in e && e.codeName === 'NamespaceExists')) throw e;
      });
      await model.createIndexes();
    },
    /** Points the address at the actor's partner; an address another partner holds is refused. */
    async set(actor: Actor, raw: z.input<typeof mailboxInput>): Promise<PartnerMailbox> {
      requireAdmin(actor, 'manageSettings');
      const i = parseInput(mailboxInput, raw);
      const key = mailboxKey(i.address);
      const taken = await model.findById(key).lean<PartnerMailbox>();
      if (taken && !taken.partnerId.equals(actor.partnerId)) throw refuse('INVALID_INPUT', { fields: ['address'] });
      const done = await upsertOne(deps, {
        model,
        filter: { _id: key, partnerId: actor.partnerId },
        insert: () => ({ _id: key, partnerId: actor.partnerId, staffChannelId: i.staffChannelId }),
        change: (cur: PartnerMailbox) => (cur.staffChannelId === i.staffChannelId ? null : { $set: { staffChannelId: i.staffChannelId } }),
      });
      if (!done.ok) throw refuse('INVALID_INPUT', { fields: ['address'] });
      return done.doc;
    },
    /**
     * Makes a Teams channel the one that hears of vouchers customers email (issue 10), for every
     * mailbox of the actor's partner; false when the partner has no mailbox yet.
     */
    async setStaffChannel(actor: Actor, conversationId: string): Promise<boolean> {
      requireAdmin(actor, 'manageSettings');
      const channel = z.string().min(1).max(500).parse(conversationId);
      const mine = await model.find({ partnerId: actor.partnerId }).lean<PartnerMailbox[]>();
      for (const m of mine) {
        await upsertOne(deps, {
          model,
          filter: { _id: m._id, partnerId: actor.partnerId },
          insert: () => ({ _id: m._id, partnerId: actor.partnerId, staffChannelId: channel }),
          change: (cur: PartnerMailbox) => (cur.staffChannelId === channel ? null : { $set: { staffChannelId: channel } }),
        });
      }
      return mine.length > 0;
    },
    /** The mailbox record of any of these addresses (the recipients of one email), or null. */
    byAddress: async (addresses: readonly string[]): Promise<PartnerMailbox | null> =>
      model.findOne({ _id: { $in: addresses.map(mailboxKey) } }).lean<PartnerMailbox>(),
    ofPartner: (partnerId: Types.ObjectId): Promise<PartnerMailbox[]> => model.find({ partnerId }).lean<PartnerMailbox[]>(),
  };
}
export type MailboxService = ReturnType<typeof mailboxService>;
