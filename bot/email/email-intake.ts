import type { Domain, Voucher } from '../../domain/domain';
import { isRefusal } from '../../domain/domain';
import { parseVoucherText } from '../../domain/intake/parse-voucher-email';
import type { VoucherEmailAnalysis } from '../../domain/intake/types';
import type { PartnerMailbox } from '../../domain/partner/mailbox.model';
import type { MailboxService } from '../../domain/partner/mailbox.service';
import type { Partner } from '../../domain/partner/partner.model';
import { systemActor } from '../../domain/person/person.service';
import type { Logger } from '../log';
import type { CustomerContactStore } from './customer-contact.store';
import { composeEmail, emailTexts, type OutgoingEmail } from './i18n/email-texts';
import { guessLanguage, loopReason, type EmailLanguage, type InboundEmail, type LoopReason } from './inbound-email';
import type { ReplyQuotaStore } from './reply-quota.store';
import { staffNotices, type Enqueue } from './staff-notice';

export interface EmailIntakeDeps {
  domain: Domain;
  mailboxes: MailboxService;
  quota: ReplyQuotaStore;
  contacts: CustomerContactStore;
  enqueue: Enqueue;
  log: Logger;
}

/** What became of one email: the reply to send (null: none), and what the log line says. */
export interface EmailOutcome {
  outcome: 'recorded' | 'not-voucher' | 'refused' | 'capped' | 'unknown-mailbox' | `loop:${LoopReason}`;
  reply: OutgoingEmail | null;
  language: EmailLanguage;
  voucherId: string | null;
  partnerId: string | null;
}

/** The best reading among the HTML body and the plain text (the channel sends both). */
function readVoucher(email: InboundEmail): VoucherEmailAnalysis {
  const readings = [email.html, email.text].filter((s) => s.trim() !== '').map((s) => parseVoucherText(s));
  const score = (a: VoucherEmailAnalysis) => (a.verdict === 'planning_voucher' ? 100 : 0) - a.result.missing.length;
  return readings.sort((a, b) => score(b) - score(a))[0] ?? parseVoucherText('');
}

function intakeFields(a: VoucherEmailAnalysis, email: InboundEmail) {
  const r = a.result;
  return {
    voucherNumber: r.voucherNumber ?? '',
    program: r.program,
    days: r.days as 1 | 3 | 5 | 10 | 15 | null,
    customerName: r.customerName,
    agreementNumber: r.agreementNumber,
    voucherAdminEmail: r.voucherAdminEmail,
    assignedOn: r.assignedOn,
    expiresOn: r.expiresOn,
    source: { kind: 'email' as const, messageId: email.activityId || null, senderEmail: email.from },
  };
}

/**
 * One email to the partner's mailbox (issue 10, customers by email). Loops are never answered;
 * a voucher is taken in as the system (flagged by the domain when the sender is not the voucher
 * administrator), staff hear of it through the outbox, and the sender is answered in the email's
 * language within the caps (replies per hour; one "no voucher here" a day).
 */
export async function receiveEmail(deps: EmailIntakeDeps, email: InboundEmail): Promise<EmailOutcome> {
  const mailbox = await deps.mailboxes.byAddress(email.to);
  const base = { reply: null, language: 'en' as EmailLanguage, voucherId: null, partnerId: mailbox ? String(mailbox.partnerId) : null };
  const loop = loopReason(email, email.to);
  if (loop) return { ...base, outcome: `loop:${loop}` };
  if (!mailbox) return { ...base, outcome: 'unknown-mailbox' };
  const partner = await deps.domain.deps.models.partners.findById(mailbox.partnerId).lean<Partner>();
  if (!partner) return { ...base, outcome: 'unknown-mailbox' };
  await deps.quota.sweep();
  const analysis = readVoucher(email);
  if (analysis.verdict !== 'planning_voucher') return notAVoucher(deps, email, partner);
  const language = analysis.language;
  const number = analysis.result.voucherNumber ?? '';
  const recorded = await record(deps, email, analysis, partner, mailbox);
  const t = emailTexts[language];
  const reply = composeEmail(t.receivedSubject(number), t.received(number), partner.name);
  const allowed = await deps.quota.takeReply(email.from);
  return {
    outcome: recorded.outcome,
    reply: allowed ? reply : null,
    language,
    voucherId: recorded.voucherId,
    partnerId: String(partner._id),
  };
}

async function record(
  deps: EmailIntakeDeps,
  email: InboundEmail,
  analysis: VoucherEmailAnalysis,
  partner: Partner,
  mailbox: PartnerMailbox,
): Promise<{ outcome: 'recorded' | 'refused'; voucherId: string | null }> {
  const system = systemActor(partner._id);
  let voucher: Voucher;
  let created: boolean;
  try {
    const result = await deps.domain.vouchers.intake(system, intakeFields(analysis, email));
    ({ voucher, created } = result);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // The customer is still told the email arrived; staff see nothing to act on (expired, bad dates...).
    deps.log.warn({ code: error.code, activityId: email.activityId }, 'a voucher email was refused by intake');
    return { outcome: 'refused', voucherId: null };
  }
  const voucherId = String(voucher._id);
  await deps.contacts.add({
    _id: voucherId,
    partnerId: partner._id,
    conversationId: email.conversationId,
    language: analysis.language,
    number: voucher.number,
    createdAt: deps.domain.deps.clock.now(),
  });
  if (created) await deps.enqueue(await staffNotices(deps.domain, partner, mailbox, voucherId));
  return { outcome: 'recorded', voucherId };
}

async function notAVoucher(deps: EmailIntakeDeps, email: InboundEmail, partner: Partner): Promise<EmailOutcome> {
  const language = guessLanguage(`${email.subject}\n${email.text}`);
  const base = { language, voucherId: null, partnerId: String(partner._id) };
  if (!(await deps.quota.takeDailyNotice(email.from))) return { ...base, outcome: 'not-voucher', reply: null };
  if (!(await deps.quota.takeReply(email.from))) return { ...base, outcome: 'capped', reply: null };
  const t = emailTexts[language];
  return { ...base, outcome: 'not-voucher', reply: composeEmail(t.notVoucherSubject, t.notVoucher, partner.name) };
}
