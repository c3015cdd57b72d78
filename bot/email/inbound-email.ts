/**
 * An email as the Bot Framework Email channel delivers it (TEAMS.md, Email channel), read into
 * plain data by bot/teams/email-turn.ts: no botbuilder type goes further.
 */
export interface InboundEmail {
  activityId: string;
  conversationId: string;
  /** The sender's address, lower case (the activity's `from.id`). */
  from: string;
  fromName: string;
  /** The addresses it was sent to: the bot's mailbox (`recipient.id`) and any listed recipients, lower case. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Internet headers when the channel passes any (names lower case); often empty. */
  headers: Record<string, string>;
}

export type EmailLanguage = 'en' | 'fr' | 'de' | 'es';

/** Why an email gets no answer at all (mail-loop safety, TEAMS.md: never reply to these). */
export type LoopReason = 'own-mailbox' | 'system-sender' | 'auto-submitted' | 'mailing-list' | 'automatic-subject' | 'bounce';

const SYSTEM_SENDERS = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+.-]|@)/;
/** Reply and forward prefixes in the four languages, stripped before the subject is read. */
const PREFIX = /^\s*((re|fw|fwd|tr|wg|aw|rv|rif|sv|vs)\s*(\[\d+\])?\s*:\s*)+/i;
const AUTOMATIC_SUBJECTS = [
  /^(automatic reply|auto[- ]?reply|autoreply|out of (the )?office|auto[- ]?response)\b/i,
  /^(réponse automatique|reponse automatique|absence du bureau|absent du bureau|message d'absence)/i,
  /^(abwesenheitsnotiz|automatische antwort|abwesend|automatische rückantwort)/i,
  /^(respuesta automática|respuesta automatica|fuera de la oficina|respuesta de ausencia)/i,
  /^(undeliverable|undelivered mail|delivery status notification|mail delivery (failed|failure|subsystem)|returned mail|delivery has failed)/i,
  /^(non remis|non distribuable|échec de la remise|unzustellbar|nicht zustellbar|no se puede entregar|no entregado)/i,
];

/** The first reason this email must not be answered, or null (a person wrote it). */
export function loopReason(email: InboundEmail, ownAddresses: readonly string[]): LoopReason | null {
  const own = new Set(ownAddresses.map((a) => a.toLowerCase()));
  if (own.has(email.from)) return 'own-mailbox';
  if (SYSTEM_SENDERS.test(email.from)) return 'system-sender';
  const h = email.headers;
  const auto = h['auto-submitted'];
  if (auto !== undefined && auto.trim().toLowerCase() !== 'no') return 'auto-submitted';
  if (h['x-auto-response-suppress'] !== undefined || h['x-autoreply'] !== undefined || h['x-autorespond'] !== undefined)
    return 'auto-submitted';
  if (/^(bulk|list|junk|auto_reply)$/i.test((h.precedence ?? '').trim())) return 'mailing-list';
  if (h['list-id'] !== undefined || h['list-unsubscribe'] !== undefined) return 'mailing-list';
  if (/multipart\/report/i.test(h['content-type'] ?? '')) return 'bounce';
  const subject = email.subject.replace(PREFIX, '').trim();
  if (AUTOMATIC_SUBJECTS.some((re) => re.test(subject))) return 'automatic-subject';
  return null;
}

const STOPWORDS: Record<EmailLanguage, readonly string[]> = {
  en: ['the', 'and', 'your', 'you', 'please', 'with', 'for', 'this', 'have', 'thank'],
  fr: ['le', 'la', 'les', 'et', 'vous', 'votre', 'bonjour', 'merci', 'pour', 'avec', 'est', 'des'],
  de: ['der', 'die', 'das', 'und', 'sie', 'ihr', 'ihre', 'bitte', 'mit', 'für', 'ist', 'danke'],
  es: ['el', 'los', 'las', 'y', 'usted', 'su', 'por', 'favor', 'gracias', 'con', 'para', 'hola'],
};

/**
 * The language of free text by its most frequent function words (an email that is no voucher
 * notice has no labels to go by); English when no language stands out.
 */
export function guessLanguage(text: string): EmailLanguage {
  const words = text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}]+/u)
    .slice(0, 2000);
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: EmailLanguage = 'en';
  let bestScore = 1;
  for (const lang of ['fr', 'de', 'es', 'en'] as const) {
    const score = STOPWORDS[lang].reduce((n, w) => n + (counts.get(w) ?? 0), 0);
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  return best;
}
