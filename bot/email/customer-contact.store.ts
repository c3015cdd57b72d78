import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { EmailLanguage } from './inbound-email';

/**
 * A customer who forwarded a voucher by email, waiting to be told of its reservation (DOMAIN.md,
 * step 4: the customer is notified of the reservation). One per voucher (the first forward); it is
 * removed once the reservation email is in the outbox, whose unique key makes that email one.
 */
export interface CustomerContact {
  /** The voucher id. */
  _id: string;
  partnerId: Types.ObjectId;
  /** The email conversation (its reference is kept with the other conversation references). */
  conversationId: string;
  language: EmailLanguage;
  number: string;
  createdAt: Date;
}

const schema = new Schema<CustomerContact>(
  { _id: String, partnerId: Schema.Types.ObjectId, conversationId: String, language: String, number: String, createdAt: Date },
  { autoIndex: false, autoCreate: false, versionKey: false, collection: 'customer_email_contacts' },
);

const isDuplicateKey = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 11000;

export function customerContactStore(connection: Connection) {
  const model: Model<CustomerContact> =
    (connection.models.CustomerContact as Model<CustomerContact> | undefined) ??
    connection.model<CustomerContact>('CustomerContact', schema);
  return {
    model,
    /** Records the first forward of a voucher; a later one (a second forward, a redelivery) changes nothing. */
    async add(contact: CustomerContact): Promise<void> {
      try {
        await model.create(contact);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    },
    /** Waiting contacts a page at a time, in voucher id order after `after`. */
    waiting: (limit: number, after: string | null = null): Promise<CustomerContact[]> =>
      model
        .find(after ? { _id: { $gt: after } } : {})
        .sort({ _id: 1 })
        .limit(limit)
        .lean<CustomerContact[]>(),
    done: async (voucherId: string): Promise<void> => {
      await model.deleteOne({ _id: voucherId });
    },
  };
}
export type CustomerContactStore = ReturnType<typeof customerContactStore>;
