import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import { z } from 'zod';

countries.registerLocale(en);
countries.registerLocale(fr);

/**
 * A country as ISO 3166-1 alpha-2 (issue 9: "a country that is not ISO 3166-1 alpha-2 gets a clear
 * message"): upper-cased, and it must be an assigned code ("UK" and "XX" are not).
 */
export const isoCountry = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => /^[A-Z]{2}$/.test(c) && countries.isValid(c), 'ISO 3166-1 alpha-2 country expected');

export function isIsoCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** The country's name in the reader's language ("Germany", "Allemagne"); the code when unknown. */
export function countryName(code: string, locale: 'en' | 'fr'): string {
  return countries.getName(code, locale) ?? code;
}
