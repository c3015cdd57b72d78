import { Types } from 'mongoose';
import type { Domain } from '../../domain/domain';
import { isRefusal } from '../../domain/domain';
import type { Partner } from '../../domain/partner/partner.model';
import { systemActor } from '../../domain/person/person.service';
import type { Logger } from '../log';
import type { CustomerContact, CustomerContactStore } from './customer-contact.store';
import { composeEmail, emailTexts, type OutgoingEmail } from './i18n/email-texts';
import type { EmailLanguage } from './inbound-email';
import type { Enqueue } from './staff-notice';

/** The outbox kind of the customer's "voucher reserved" email. */
export const EMAIL_RESERVED_KIND = 'email.reserved';

export interface ReservedEmailData {
  partnerId: string;
  voucherId: string;
  number: string;
  language: EmailLanguage;
}

/** States in which the customer has nothing more to hear from us about the reservation. */
const NEVER: ReadonlySet<string> = new Set(['expired']);

/**
 * DOMAIN.md, step 4: the customer is notified of the reservation. Whichever way the voucher was
 * reserved (card, text, an approval), a customer who emailed it is written to once: this looks at
 * the waiting contacts, enqueues the email (the outbox key makes it one) and drops the contact.
 * Runs on every instance; two instances at once enqueue the same key, which the outbox keeps once.
 */
export async function notifyReservedCustomers(
  deps: { domain: Domain; contacts: CustomerContactStore; enqueue: Enqueue; log: Logger },
  pageSize = 100,
): Promise<number> {
  let sent = 0;
  let after: string | null = null;
  for (;;) {
    const page = await deps.contacts.waiting(pageSize, after);
    sent += await notifyPage(deps, page);
    const last = page[page.length - 1];
    if (page.length < pageSize || !last) break;
    after = last._id;
  }
  if (sent > 0) deps.log.info({ sent }, 'customer reservation emails enqueued');
  return sent;
}

/** One page of waiting contacts: a reserved voucher's customer is written to, an expired or unknown one dropped. */
async function notifyPage(
  deps: { domain: Domain; contacts: CustomerContactStore; enqueue: Enqueue },
  contacts: readonly CustomerContact[],
): Promise<number> {
  let sent = 0;
  for (const c of contacts) {
    let state: string;
    try {
      state = (await deps.domain.queries.details(systemActor(c.partnerId), c._id)).voucher.state;
    } catch (error) {
      if (!isRefusal(error)) throw error;
      await deps.contacts.done(c._id);
      continue;
    }
    if (state === 'assigned') continue;
    if (!NEVER.has(state)) {
      const data: ReservedEmailData = { partnerId: String(c.partnerId), voucherId: c._id, number: c.number, language: c.language };
      await deps.enqueue([
        {
          key: `${EMAIL_RESERVED_KIND}|${c._id}`,
          target: { kind: 'conversation', conversationId: c.conversationId },
          kind: EMAIL_RESERVED_KIND,
          data: { ...data },
        },
      ]);
      sent++;
    }
    await deps.contacts.done(c._id);
  }
  return sent;
}

/** The reservation email in the language of the customer's email, signed with the partner's name. */
export async function renderReservedEmail(domain: Domain, data: ReservedEmailData): Promise<OutgoingEmail> {
  const partner = await domain.deps.models.partners.findById(new Types.ObjectId(data.partnerId)).lean<Partner>();
  const t = emailTexts[data.language] ?? emailTexts.en;
  return composeEmail(t.reservedSubject(data.number), t.reserved(data.number), partner?.name ?? '');
}

/** Runs the check every `everyMs` until stopped (unref'd: it never keeps the process alive). */
export function watchReservations(run: () => Promise<unknown>, log: Logger, everyMs = 30_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .catch((error: unknown) => log.error({ err: error }, 'the reservation email check failed; it runs again'))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
