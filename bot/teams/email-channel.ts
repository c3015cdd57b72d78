import type { Connection } from 'mongoose';
import type { TurnContext } from 'botbuilder';
import type { Domain } from '../../domain/domain';
import { mailboxService } from '../../domain/partner/mailbox.service';
import { customerContactStore } from '../email/customer-contact.store';
import { replyQuotaStore } from '../email/reply-quota.store';
import { notifyReservedCustomers, watchReservations } from '../email/reservation-notice';
import type { Enqueue } from '../email/staff-notice';
import type { Logger } from '../log';
import type { ProcessedActivityStore } from '../store/processed-activity.store';
import { createEmailTurn, type EmailTurnDeps } from './email-turn';

export interface EmailChannelOptions {
  connection: Connection;
  domain: Domain;
  log: Logger;
  once: ProcessedActivityStore;
  /** The outbox's enqueue: staff cards and customer emails go out through it. */
  enqueue: Enqueue;
  remember: EmailTurnDeps['remember'];
  repliesPerHour: number;
}

/**
 * The Email channel as one piece: the turn for `channelId: "email"` activities and the
 * reservation check that tells customers by email (its outbox payloads: bot/email/email-payloads.ts).
 */
export function emailChannel(o: EmailChannelOptions) {
  const mailboxes = mailboxService(o.domain.deps);
  const contacts = customerContactStore(o.connection);
  const quota = replyQuotaStore(o.connection, { perHour: o.repliesPerHour, clock: o.domain.deps.clock, log: o.log });
  const intake = { domain: o.domain, mailboxes, quota, contacts, enqueue: o.enqueue, log: o.log };
  const checkReservations = () => notifyReservedCustomers({ domain: o.domain, contacts, enqueue: o.enqueue, log: o.log });
  return {
    mailboxes,
    ensureIndexes: () => mailboxes.ensureIndexes(),
    turn: createEmailTurn({ intake, once: o.once, log: o.log, remember: o.remember }) as (context: TurnContext) => Promise<void>,
    checkReservations,
    /** Starts the periodic reservation check; returns its stop. */
    watch: (everyMs?: number) => watchReservations(checkReservations, o.log, everyMs),
  };
}
export type EmailChannel = ReturnType<typeof emailChannel>;
