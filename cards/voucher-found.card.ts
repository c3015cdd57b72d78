import type { VoucherParseResult } from '../domain/intake/types';
import { md, plain } from './escape';
import { fill, formatDay, labelsFor, type CardLocale, type Labels } from './locale';
import type { VerbInput } from './verbs';
import { daysText, FIELD_TITLES, programLabel, type Fact, type ProgramName } from './voucher-facts';

/** The Voucher found card (issue 8, step 1): parsed fields, an input per missing or uncertain one. */
export interface FoundInput {
  show: boolean;
  value: string;
}

export interface VoucherFoundData {
  l: Labels;
  title: string;
  facts: Fact[];
  senderLine: string;
  senderColor: 'Good' | 'Warning';
  /** Said when the notice's voucher has already expired (empty otherwise). */
  expiredLine: string;
  anyInput: boolean;
  programChoices: { title: string; value: string }[];
  inputs: Record<
    'voucherNumber' | 'program' | 'days' | 'customerName' | 'agreementNumber' | 'voucherAdminEmail' | 'assignedOn' | 'expiresOn',
    FoundInput
  >;
  addData: VerbInput<'voucher.add'>;
  addReserveData: VerbInput<'voucher.add'>;
}

export interface FoundEmail {
  parsed: VoucherParseResult;
  /** Who sent or forwarded the email, when known. */
  senderEmail: string | null;
  messageId: string | null;
  /** Today (`YYYY-MM-DD`), to say when the voucher has already expired. */
  today?: string;
}

/** Below this parser confidence, the fields that decide money and dates are shown as inputs to check. */
const CHECK_BELOW = 0.7;
type Field = keyof VoucherFoundData['inputs'];
const CHECKED_WHEN_UNSURE: readonly Field[] = ['program', 'days', 'assignedOn', 'expiresOn'];

function fieldValue(p: VoucherParseResult, field: Field): string | null {
  const v = p[field];
  return v === null ? null : String(v);
}

function senderCheck(found: FoundEmail, l: Labels): Pick<VoucherFoundData, 'senderLine' | 'senderColor'> {
  const sender = found.senderEmail?.toLowerCase() ?? null;
  const admin = found.parsed.voucherAdminEmail?.toLowerCase() ?? null;
  if (sender === null) return { senderLine: l.found.senderUnknown, senderColor: 'Warning' };
  const who = md(sender, 120);
  if (sender === admin) return { senderLine: fill(l.found.senderMatches, { sender: who }), senderColor: 'Good' };
  return { senderLine: fill(l.found.senderDiffers, { sender: who }), senderColor: 'Warning' };
}

function factOf(p: VoucherParseResult, field: Field, programs: readonly ProgramName[], locale: CardLocale, l: Labels): string {
  if (field === 'program') return programLabel(p.program, programs, locale, l);
  if (field === 'days') return daysText(p.days ?? 0, l);
  if (field === 'assignedOn' || field === 'expiresOn') return formatDay(new Date(`${p[field]}T00:00:00Z`), locale);
  return md(fieldValue(p, field), 300);
}

const FACT_TITLES: Readonly<Record<Field, keyof Labels['field']>> = FIELD_TITLES;

export function toVoucherFoundData(found: FoundEmail, programs: readonly ProgramName[], locale: CardLocale): VoucherFoundData {
  const l = labelsFor(locale);
  const p = found.parsed;
  const unsure = p.confidence < CHECK_BELOW;
  const fields = Object.keys(FACT_TITLES) as Field[];
  const asInput = (f: Field) => fieldValue(p, f) === null || p.missing.includes(f) || (unsure && CHECKED_WHEN_UNSURE.includes(f));
  const inputs = Object.fromEntries(
    fields.map((f) => [f, { show: asInput(f), value: plain(fieldValue(p, f), 300) }]),
  ) as VoucherFoundData['inputs'];
  const facts = fields
    .filter((f) => !asInput(f))
    .map((f) => ({ title: l.field[FACT_TITLES[f]], value: factOf(p, f, programs, locale, l) }));
  const known: Record<string, string | number> = {};
  for (const f of fields) {
    const v = p[f];
    if (!asInput(f) && v !== null) known[f] = typeof v === 'number' ? v : plain(v, 300);
  }
  const source = {
    ...(found.messageId ? { messageId: plain(found.messageId, 1000) } : {}),
    ...(found.senderEmail ? { senderEmail: plain(found.senderEmail, 300) } : {}),
  };
  const base = { ...known, ...source } as Omit<VerbInput<'voucher.add'>, 'andReserve'>;
  return {
    l,
    title: md(fill(l.found.title, { number: p.voucherNumber ?? '?' }), 120),
    facts,
    ...senderCheck(found, l),
    expiredLine:
      found.today && p.expiresOn && p.expiresOn < found.today
        ? md(fill(l.found.expired, { date: formatDay(new Date(`${p.expiresOn}T00:00:00Z`), locale) }), 400)
        : '',
    anyInput: fields.some(asInput),
    programChoices: programs.map((x) => ({ title: plain(`${x.names[locale]} (${x.code})`, 120), value: x.code })),
    inputs,
    addData: { ...base, andReserve: false },
    addReserveData: { ...base, andReserve: true },
  };
}
