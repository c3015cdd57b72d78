import { z } from 'zod';

/** Program codes of the catalog (DOMAIN.md, Program catalog). */
export const PROGRAM_CODES = ['AZDPS', 'DDPS', 'DTDPS', 'SEDPS', 'PVDPS', 'SDPS', 'SSDPS'] as const;
export type ProgramCode = (typeof PROGRAM_CODES)[number];

/** An engagement covers 1, 3, 5, 10 or 15 days (DOMAIN.md, Program catalog). */
export const VOUCHER_DAYS = [1, 3, 5, 10, 15] as const;

/** The nullable fields of the contract, in the order `missing` lists them. */
export const FIELD_NAMES = [
  'voucherNumber',
  'program',
  'days',
  'customerName',
  'agreementNumber',
  'voucherAdminEmail',
  'assignedOn',
  'expiresOn',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The JSON object of "Contract: voucher email parsing" (DOMAIN.md), key for key. */
export const voucherParseResultSchema = z
  .object({
    voucherNumber: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9-]*$/)
      .nullable(),
    program: z.enum(PROGRAM_CODES).nullable(),
    days: z.number().int().min(1).max(15).nullable(),
    customerName: z.string().min(1).nullable(),
    agreementNumber: z.string().regex(/^\S+$/).nullable(),
    voucherAdminEmail: z
      .string()
      .regex(/^[^\sA-Z]+@[^\sA-Z]+$/)
      .nullable(),
    assignedOn: isoDate.nullable(),
    expiresOn: isoDate.nullable(),
    confidence: z.number().min(0).max(1),
    missing: z.array(z.enum(FIELD_NAMES)),
  })
  .strict();
export type VoucherParseResult = z.infer<typeof voucherParseResultSchema>;

/**
 * What the email is. Only `planning_voucher` is a voucher to take in (exit 0 of the contract);
 * every other verdict is refused with a one-line reason.
 */
export type IntakeVerdict =
  'planning_voucher' | 'training_voucher' | 'cancelled_voucher' | 'no_voucher_number' | 'not_planning_services' | 'unreadable';

export type TemplateLanguage = 'en' | 'fr' | 'de' | 'es';

/** Card-safe copies of the text fields: Markdown, templating and control characters neutralised. */
export interface SanitizedVoucherFields {
  voucherNumber: string | null;
  customerName: string | null;
  agreementNumber: string | null;
  voucherAdminEmail: string | null;
}

export interface VoucherEmailAnalysis {
  result: VoucherParseResult;
  verdict: IntakeVerdict;
  /** The language of the voucher notice's labels; decides ambiguous numeric dates. */
  language: TemplateLanguage;
  sanitized: SanitizedVoucherFields;
}

export interface ParseOptions {
  /** Input larger than this is cut before decoding, to bound time and memory. Default 8 MB. */
  maxInputBytes?: number;
}
