import { Schema, type Connection, type Model } from 'mongoose';
import type { Clock } from '../../domain/clock';
import type { Logger } from '../log';
import { DAY_MS } from '../../domain/calendar';

/**
 * Mail-loop safety (TEAMS.md, Email channel): how many replies a sender got, in MongoDB so every
 * instance counts the same. Each reply claims a numbered slot of its sender's hour with an insert
 * (a unique `_id`): of two instances reaching for the last slot exactly one gets it, and no
 * document is ever rewritten. Slots expire with their window (swept; FerretDB has no TTL index).
 */
interface Slot {
  _id: string;
  expiresAt: Date;
}

const schema = new Schema<Slot>(
  { _id: String, expiresAt: Date },
  { autoIndex: false, autoCreate: false, versionKey: false, collection: 'email_reply_slots' },
);

const HOUR_MS = 3_600_000;
const isDuplicateKey = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 11000;

export interface ReplyQuotaOptions {
  /** Replies per sender per clock hour (EMAIL_REPLIES_PER_HOUR, default 5). */
  perHour: number;
  clock: Clock;
  log: Logger;
}

export function replyQuotaStore(connection: Connection, options: ReplyQuotaOptions) {
  const model: Model<Slot> =
    (connection.models.EmailReplySlot as Model<Slot> | undefined) ?? connection.model<Slot>('EmailReplySlot', schema);

  async function claim(id: string, expiresAt: Date): Promise<boolean> {
    try {
      await model.create({ _id: id, expiresAt });
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  return {
    model,
    /** Takes one of the sender's replies for this hour; false when all are taken (no reply then). */
    async takeReply(sender: string): Promise<boolean> {
      const now = options.clock.now().getTime();
      const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
      for (let slot = 0; slot < options.perHour; slot++) {
        if (await claim(`hour|${sender}|${hour}|${slot}`, new Date(hour + HOUR_MS))) return true;
      }
      options.log.warn({ sender, perHour: options.perHour }, 'email reply cap reached for this sender: no reply this hour');
      return false;
    },
    /** The one polite answer a sender gets per day to an email that is no voucher. */
    async takeDailyNotice(sender: string): Promise<boolean> {
      const day = Math.floor(options.clock.now().getTime() / DAY_MS) * DAY_MS;
      return claim(`not-voucher|${sender}|${day}`, new Date(day + DAY_MS));
    },
    /** Removes slots of windows that have ended. */
    sweep: async (): Promise<number> => (await model.deleteMany({ expiresAt: { $lte: options.clock.now() } })).deletedCount,
  };
}
export type ReplyQuotaStore = ReturnType<typeof replyQuotaStore>;
