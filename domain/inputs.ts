import { z } from 'zod';
import { parseIsoDay, utcDay } from './calendar';

/** Shared zod pieces for service inputs; calendar dates become UTC midnight. */
export const calendarDate = z
  .union([z.date(), z.iso.date()])
  .transform((v) => (typeof v === 'string' ? parseIsoDay(v) : utcDay(v)))
  .refine((d) => !Number.isNaN(d.getTime()), 'invalid date');

export const objectIdString = z.string().regex(/^[0-9a-f]{24}$/i, 'not an id');
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 country expected');
export const email = z.email().transform((e) => e.toLowerCase());
export const voucherNumber = z
  .string()
  .transform((s) => s.trim().toUpperCase().replace(/\s+/g, ''))
  .pipe(z.string().min(3).max(64));
export const text = (max: number) => z.string().trim().min(1).max(max);
