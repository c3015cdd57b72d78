import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The two languages every card speaks (issue 8: `activity.locale` starting with `fr` is French). */
export type CardLocale = 'en' | 'fr';
export type Labels = typeof en;

// Typing the French file as the English one's type makes a missing French label a compile error.
const LABELS: Readonly<Record<CardLocale, Labels>> = { en, fr: fr satisfies Labels };
const INTL_LOCALE: Readonly<Record<CardLocale, string>> = { en: 'en-US', fr: 'fr-FR' };

export function cardLocale(tag: string | null | undefined): CardLocale {
  return typeof tag === 'string' && tag.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function labelsFor(locale: CardLocale): Labels {
  return LABELS[locale];
}

/** Fills `{name}` placeholders; values are already card-safe or formatted by us. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A label that depends on a count: its form for one (French counts 0 and 1 as one) and for more. */
export interface CountForms {
  one: string;
  other: string;
}

const PLURAL_RULES: Readonly<Record<CardLocale, Intl.PluralRules>> = {
  en: new Intl.PluralRules('en-US'),
  fr: new Intl.PluralRules('fr-FR'),
};

/** The form of `forms` for `count` in the locale's plural rules, `{count}` filled ("1 voucher", "2 vouchers"). */
export function fillCount(forms: CountForms, count: number, locale: CardLocale): string {
  return fill(PLURAL_RULES[locale].select(count) === 'one' ? forms.one : forms.other, { count });
}

// Intl formatters are immutable and costly to build: one per locale, built once.
const DAY_FORMAT: Readonly<Record<CardLocale, Intl.DateTimeFormat>> = {
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, { dateStyle: 'medium', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat(INTL_LOCALE.fr, { dateStyle: 'medium', timeZone: 'UTC' }),
};
const INSTANT_FORMAT: Readonly<Record<CardLocale, Intl.DateTimeFormat>> = {
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat(INTL_LOCALE.fr, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
};

/** A calendar day (stored at UTC midnight) in the locale's medium form: "Mar 15, 2026" / "15 mars 2026". */
export function formatDay(day: Date, locale: CardLocale): string {
  return DAY_FORMAT[locale].format(day);
}

/** An instant, in UTC and labelled so (a card cannot know the reader's time zone). */
export function formatInstant(at: Date, locale: CardLocale): string {
  return `${INSTANT_FORMAT[locale].format(at)} UTC`;
}

export function formatAmount(amount: number, currency: string, locale: CardLocale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency }).format(amount);
}

/** `YYYY-MM-DD` of a calendar day, the value an `Input.Date` takes. */
export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;
/** Whole calendar days from `now`'s day to `day` (negative once past). */
export function daysUntil(day: Date, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const target = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return Math.round((target - today) / DAY_MS);
}

/** What every mapper needs besides its entities: the reader's language and the time of the turn. */
export interface CardContext {
  locale: CardLocale;
  now: Date;
}
