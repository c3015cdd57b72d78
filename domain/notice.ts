import { countryName } from './location/country';
import { formatDay } from './day-format';
import { Refusal, reasonOf, refusalCodes, type RefusalCode, type RefusalParams } from './refusal';
import { fieldWord, listWords, stateWord, type Locale } from './words';

/**
 * What a service tells the user besides the changed documents (issue 7, "An API the bot can
 * call"): every service returns `{ vouchers, approval, notices }` and the bot shows the notices'
 * texts in order, without knowing which service spoke.
 */
export interface NoticeParams {
  /** A new voucher was recorded. */
  VOUCHER_ADDED: { number: string };
  /** The voucher number was already known: missing fields were filled, differing ones kept. */
  VOUCHER_MERGED: { number: string; filled: string[]; conflicts: string[] };
  /** Fields still unknown after intake, to be entered on the card. */
  VOUCHER_INCOMPLETE: { number: string; missing: string[] };
  /** The forward came from someone other than the voucher administrator. */
  SENDER_NOT_ADMIN: { number: string; sender: string };
  /** The 180-day rule brought the expiry forward (`expiresOn`: YYYY-MM-DD). */
  EXPIRY_CAPPED: { number: string; expiresOn: string };
  /** The voucher moved to (or stayed in) a state. */
  VOUCHER_NOW: { number: string; state: string };
  VOUCHER_CORRECTED: { number: string; fields: string[] };
  /** The action waits for a manager: the voucher is locked meanwhile. */
  APPROVAL_REQUESTED: { numbers: string[]; approvers: number };
  /**
   * No day rate is on file for the engagement country (DOMAIN.md, Engagement and payment facts):
   * said at reservation, before money is at stake, and at the claim, whose amount stays to be confirmed.
   */
  DAY_RATE_UNKNOWN: { number: string; country: string; step: 'reserve' | 'claim' };
  /** An approval's effect did not apply to a voucher, and why (a refusal's code and params). */
  NOT_APPLIED: { number: string; code: string; params: Record<string, unknown> | null };
}
export type NoticeCode = keyof NoticeParams;
export type Notice = { [C in NoticeCode]: { code: C; params: NoticeParams[C] } }[NoticeCode];

export function notice<C extends NoticeCode>(code: C, params: NoticeParams[C]): Notice {
  return { code, params } as Notice;
}

type Texts = { [C in NoticeCode]: Record<Locale, (p: NoticeParams[C], safe: (t: string) => string) => string> };
const country = (code: string, l: Locale) => `${countryName(code, l)} (${code})`;
const fields = (xs: string[], l: Locale) =>
  listWords(
    xs.map((f) => fieldWord(f, l)),
    l,
  );

const TEXTS: Texts = {
  VOUCHER_ADDED: { en: (p) => `Voucher ${p.number} was added.`, fr: (p) => `Le bon ${p.number} a été ajouté.` },
  VOUCHER_MERGED: {
    en: (p) =>
      `Voucher ${p.number} was already known${p.filled.length ? `; added: ${fields(p.filled, 'en')}` : ''}${p.conflicts.length ? `; these differ from what is on record and were kept as recorded: ${fields(p.conflicts, 'en')} (correct the voucher if the new values are right)` : ''}.`,
    fr: (p) =>
      `Le bon ${p.number} était déjà connu${p.filled.length ? ` ; ajouté : ${fields(p.filled, 'fr')}` : ''}${p.conflicts.length ? ` ; ces valeurs diffèrent de celles enregistrées, qui sont conservées : ${fields(p.conflicts, 'fr')} (corrigez le bon si les nouvelles sont justes)` : ''}.`,
  },
  VOUCHER_INCOMPLETE: {
    en: (p) => `Still missing on voucher ${p.number}: ${fields(p.missing, 'en')}. Enter them before reserving.`,
    fr: (p) => `Il manque encore sur le bon ${p.number} : ${fields(p.missing, 'fr')}. Saisissez-les avant de réserver.`,
  },
  SENDER_NOT_ADMIN: {
    en: (p, s) => `Voucher ${p.number} was forwarded by ${s(p.sender)}, not by its voucher administrator: validate it to confirm.`,
    fr: (p, s) => `Le bon ${p.number} a été transféré par ${s(p.sender)}, pas par son administrateur : validez-le pour confirmer.`,
  },
  EXPIRY_CAPPED: {
    en: (p) =>
      `Voucher ${p.number} expires on ${formatDay(p.expiresOn, 'en')}: 180 days after its assignment, whatever date the email printed.`,
    fr: (p) =>
      `Le bon ${p.number} expire le ${formatDay(p.expiresOn, 'fr')} : 180 jours après son attribution, quelle que soit la date imprimée dans l'e-mail.`,
  },
  VOUCHER_NOW: {
    en: (p) => `Voucher ${p.number} is now ${stateWord(p.state, 'en')}.`,
    fr: (p) => `Le bon ${p.number} est maintenant ${stateWord(p.state, 'fr')}.`,
  },
  VOUCHER_CORRECTED: {
    en: (p) => `Voucher ${p.number} was corrected: ${fields(p.fields, 'en')}.`,
    fr: (p) => `Le bon ${p.number} a été corrigé : ${fields(p.fields, 'fr')}.`,
  },
  APPROVAL_REQUESTED: {
    en: (p) =>
      `${p.numbers.length > 1 ? `Vouchers ${p.numbers.join(', ')} wait` : `Voucher ${p.numbers.join('')} waits`} for a manager's approval (${p.approvers} approver${p.approvers === 1 ? '' : 's'} asked); nothing else can change ${p.numbers.length > 1 ? 'them' : 'it'} meanwhile.`,
    fr: (p) =>
      `${p.numbers.length > 1 ? `Les bons ${p.numbers.join(', ')} attendent` : `Le bon ${p.numbers.join('')} attend`} l'approbation d'un responsable (${p.approvers} approbateur${p.approvers === 1 ? '' : 's'} sollicité${p.approvers === 1 ? '' : 's'}) ; rien d'autre ne peut ${p.numbers.length > 1 ? 'les' : 'le'} modifier d'ici là.`,
  },
  DAY_RATE_UNKNOWN: {
    en: (p) =>
      p.step === 'reserve'
        ? `No day rate is on file for ${country(p.country, 'en')}, where voucher ${p.number} is to be delivered: the payment amount cannot be computed. You can go on; the claim will show the amount as to be confirmed. Ask your partner admin to add the country's day rate to the program catalog.`
        : `Claim recorded for voucher ${p.number} without an amount: no day rate is on file for ${country(p.country, 'en')}. The amount is to be confirmed with Microsoft's payment.`,
    fr: (p) =>
      p.step === 'reserve'
        ? `Aucun tarif journalier n'est enregistré pour le pays de livraison du bon ${p.number}, ${country(p.country, 'fr')} : le montant du paiement ne peut pas être calculé. Vous pouvez continuer ; la demande de paiement indiquera un montant à confirmer. Demandez à l'administrateur partenaire d'ajouter le tarif journalier de ce pays au catalogue des programmes.`
        : `Demande de paiement enregistrée pour le bon ${p.number} sans montant : aucun tarif journalier n'est enregistré pour son pays de livraison, ${country(p.country, 'fr')}. Le montant sera confirmé lors du paiement de Microsoft.`,
  },
  NOT_APPLIED: {
    en: (p, s) => `Voucher ${p.number} did not move: ${why(p, 'en', s)}`,
    fr: (p, s) => `Le bon ${p.number} n'a pas changé : ${why(p, 'fr', s)}`,
  },
};

function why(p: NoticeParams['NOT_APPLIED'], locale: Locale, safe: (t: string) => string): string {
  if (!p.params || !(refusalCodes as string[]).includes(p.code))
    return locale === 'fr' ? 'une règle du programme ne le permettait plus.' : 'a program rule no longer allowed it.';
  const refusal = new Refusal(p.code as RefusalCode, p.params as RefusalParams[RefusalCode]);
  return reasonOf(refusal, locale, safe);
}

/** The text of a notice in the user's language; `safe` makes user-provided values card-safe. */
export function noticeText(n: Notice, locale: Locale, safe: (text: string) => string = (t) => t): string {
  const render = TEXTS[n.code][locale] as (p: Notice['params'], s: (t: string) => string) => string;
  return render(n.params, safe);
}
