import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { daysBetween } from '../domain/calendar';

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

/** Days and instants: the one formatter the domain's refusals and notices use too (domain/day-format.ts). */
export { formatDay, formatInstant } from '../domain/day-format';

export function formatAmount(amount: number, currency: string, locale: CardLocale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency }).format(amount);
}

/** `YYYY-MM-DD` of a calendar day, the value an `Input.Date` takes. */
export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** Whole calendar days from `now`'s day to `day` (negative once past), counted as the domain counts them. */
export function daysUntil(day: Date, now: Date): number {
  return daysBetween(now, day);
}

/** What every mapper needs besides its entities: the reader's language and the time of the turn. */
export interface CardContext {
  locale: CardLocale;
  now: Date;
}
