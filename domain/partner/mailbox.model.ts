import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn, schemaOptions } from '../model-registry';

/**
 * Where a partner's customers write (issue 10, customers by email): the mailbox the Bot Framework
 * Email channel delivers from, and the staff channel that hears of vouchers arriving there. The
 * partner is the one whose configured mailbox address received the email; an address belongs to
 * one partner at most (unique `_id`, lower case).
 */
export interface PartnerMailbox {
  /** The mailbox address, lower case. */
  _id: string;
  partnerId: Types.ObjectId;
  /** The Teams conversation id of the staff channel; null: every staff member's personal chat. */
  staffChannelId: string | null;
  version: number;
}

const schema = new Schema<PartnerMailbox>(
  {
    _id: { type: String, required: true },
    partnerId: { type: Schema.Types.ObjectId, required: true },
    staffChannelId: { type: String, default: null },
    version: { type: Number, default: 1 },
  },
  { ...schemaOptions, collection: 'partner_mailboxes' },
);
schema.index({ partnerId: 1 });

export const partnerMailboxModel = (c: Connection) => modelOn(c, 'PartnerMailbox', schema);
