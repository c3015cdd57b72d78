import { assembleFromText, finalize, type Assembled, type VoucherFields } from './assemble';
import { htmlToText, looksLikeHtml } from './html';
import { decodeInput } from './mime';
import { sanitizeFields } from './sanitize';
import { FIELD_NAMES, type IntakeVerdict, type ParseOptions, type VoucherEmailAnalysis, type VoucherParseResult } from './types';

/**
 * Voucher email intake (DOMAIN.md, "Contract: voucher email parsing"; the partner's journey,
 * step 4). Pure: no I/O besides its input, no clock, no state. Never throws: whatever the
 * input, the answer has the contract's shape and a verdict says whether it is a Planning
 * Services voucher notice.
 */
const DEFAULT_MAX_INPUT_BYTES = 8 * 1024 * 1024;

const VERDICT_RANK: Readonly<Record<IntakeVerdict, number>> = {
  planning_voucher: 5,
  training_voucher: 4,
  cancelled_voucher: 3,
  not_planning_services: 2,
  no_voucher_number: 1,
  unreadable: 0,
};

const EMPTY_FIELDS: VoucherFields = {
  voucherNumber: null,
  program: null,
  days: null,
  customerName: null,
  agreementNumber: null,
  voucherAdminEmail: null,
  assignedOn: null,
  expiresOn: null,
};

function found(a: Assembled): number {
  return FIELD_NAMES.filter((n) => a.fields[n] !== null).length;
}

/**
 * The best reading among a message's texts (plain part, HTML part, attached messages); fields
 * the best one lacks are filled from another text only when it names the same voucher.
 */
function combine(readings: readonly Assembled[]): Assembled | null {
  const ordered = [...readings].sort((a, b) => VERDICT_RANK[b.verdict] - VERDICT_RANK[a.verdict] || found(b) - found(a));
  const best = ordered[0];
  if (!best) return null;
  const fields: VoucherFields = { ...best.fields };
  const quality = { ...best.quality };
  for (const other of ordered.slice(1)) {
    if (best.fields.voucherNumber === null || other.fields.voucherNumber !== best.fields.voucherNumber) continue;
    for (const name of FIELD_NAMES) {
      if (fields[name] !== null || other.fields[name] === null) continue;
      Object.assign(fields, { [name]: other.fields[name] });
      quality[name] = other.quality[name] ?? 1;
    }
  }
  return { ...best, fields, quality };
}

function analysisOf(assembled: Assembled | null, readable: boolean): VoucherEmailAnalysis {
  const chosen = assembled ?? {
    fields: EMPTY_FIELDS,
    quality: {},
    verdict: readable ? 'no_voucher_number' : 'unreadable',
    language: 'en' as const,
  };
  const result = finalize(chosen.fields, chosen.quality);
  return { result, verdict: chosen.verdict, language: chosen.language, sanitized: sanitizeFields(result) };
}

/** Synchronous parse of a pasted text or an HTML body (the Email channel's `channelData.htmlBody`). */
export function parseVoucherText(text: string): VoucherEmailAnalysis {
  return analysisOf(assembleFromText(looksLikeHtml(text) ? htmlToText(text) : text), true);
}

/** Full analysis of raw input (.eml, .msg, HTML or plain text, as bytes or a string). */
export async function analyseVoucherEmail(input: Buffer | string, opts: ParseOptions = {}): Promise<VoucherEmailAnalysis> {
  const maxBytes = opts.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  let decoded: { texts: string[]; readable: boolean };
  try {
    decoded = await decodeInput(input, maxBytes);
  } catch {
    // A message its decoder rejects is reported as unreadable; the caller says so to the user.
    decoded = { texts: [], readable: false };
  }
  return analysisOf(combine(decoded.texts.map(assembleFromText)), decoded.readable);
}

/** The contract's JSON object for raw input. */
export async function parseVoucherEmail(input: Buffer | string, opts: ParseOptions = {}): Promise<VoucherParseResult> {
  return (await analyseVoucherEmail(input, opts)).result;
}

const VERDICT_MESSAGES: Readonly<Record<IntakeVerdict, string>> = {
  planning_voucher: 'Planning Services voucher notice',
  training_voucher: 'not a Planning Services voucher: this is a training voucher (SATV)',
  cancelled_voucher: 'not a current voucher: the only voucher in this email is cancelled',
  no_voucher_number: 'not a Planning Services voucher notice: no voucher number found',
  not_planning_services: 'not a Planning Services voucher notice: the voucher number belongs to no Planning Services offering',
  unreadable: 'not a Planning Services voucher notice: the content is not a readable email',
};

/** One line, in English, saying what the email is; for the command line and logs. */
export function describeVerdict(verdict: IntakeVerdict): string {
  return VERDICT_MESSAGES[verdict];
}
