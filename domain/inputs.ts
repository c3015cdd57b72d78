import { z } from 'zod';
import { parseIsoDay, utcDay } from './calendar';
import { ENGAGEMENT_DAYS } from './program/program.catalog';
import { VOUCHER_STATES } from './voucher/voucher.machine';

/**
 * Shared zod pieces for service inputs. Calendar dates become UTC midnight; their sane range
 * (2000-01-01 to today + 2 years) is checked by `parseInput` with the injected clock's now.
 */
export const calendarDate = z
  .union([z.date(), z.iso.date()])
  .transform((v) => (typeof v === 'string' ? parseIsoDay(v) : utcDay(v)))
  .refine((d) => !Number.isNaN(d.getTime()), 'invalid date');

export const objectIdString = z.string().regex(/^[0-9a-f]{24}$/i, 'not an id');
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 country expected');
export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

/** No control, bidi or zero-width characters in a one-line value. */
const ONE_LINE = /^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u;
export const text = (max: number) => z.string().trim().min(1).max(max);
export const lineText = (max: number) => text(max).regex(ONE_LINE, 'one line of text expected');

/** Voucher numbers as VLSC prints them: letters, digits and hyphens, stored upper case without spaces. */
export const voucherNumber = z
  .string()
  .max(200)
  .transform((s) => s.trim().toUpperCase().replace(/\s+/g, ''))
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,63}$/, 'letters, digits and hyphens expected'));

/** The customer's licensing agreement (enrollment) number: letters, digits and hyphens, spaces removed. */
export const agreementNumber = z
  .string()
  .max(200)
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,29}$/, 'letters, digits and hyphens expected'));

export const customerName = lineText(200);

/** An engagement covers 1, 3, 5, 10 or 15 planning days (DOMAIN.md, Program catalog); nothing else. */
export const engagementDays = z.number().pipe(z.literal(ENGAGEMENT_DAYS));

/** The state of the voucher as the user saw it (a card's data); a voucher in another state is refused VOUCHER_CHANGED. */
export const expectedState = z.enum(VOUCHER_STATES).nullish();

/** How every action names its voucher: the voucher's id, and the state the user saw. */
export const voucherRef = { voucherId: objectIdString, expectedState };
