import { appositiveEmail, findAdminInSentences, isApposition } from './admin-sentence';
import { addDays, readDate, resolveDates, type DateReading } from './dates';
import { findVoucherOccurrences, layoutMessage, nearest, segmentText, type MessageLayout, type VoucherOccurrence } from './extract';
import { tableCells, type Candidate } from './fields';
import { matchLabel } from './labels';
import { findProgramInCells, findProgramMention, matchProgramValue, type ProgramMatch } from './programs';
import { foldWords, stripLineDecorations } from './text';
import { FIELD_NAMES, type FieldName, type IntakeVerdict, type TemplateLanguage, type VoucherParseResult } from './types';
import { findDaysInText, readAgreementNumber, readCustomerName, readDays, readEmail, readVoucherNumber } from './values';

/**
 * Turns the text of one message into the contract's result and a verdict. `confidence` is the
 * mean over the eight fields of how each was found: 1 for a labelled value read as printed,
 * less for a value on the next line, a program known by a close variant (0.8) or only
 * mentioned in the text or a table cell (0.6), days read beside the program (0.7), an administrator
 * named in a sentence (0.9), a day/month order settled
 * by the template's language alone (0.8), an expiry computed as creation + 180 days (0.9),
 * and 0 for a field not found.
 */
export type VoucherFields = Omit<VoucherParseResult, 'confidence' | 'missing'>;
export type Quality = Partial<Record<FieldName, number>>;

export interface Assembled {
  fields: VoucherFields;
  quality: Quality;
  verdict: IntakeVerdict;
  language: TemplateLanguage;
}

/** Adds `missing` and `confidence` to the fields (see the module comment for the weights). */
export function finalize(fields: VoucherFields, quality: Quality): VoucherParseResult {
  const missing = FIELD_NAMES.filter((name) => fields[name] === null);
  const total = FIELD_NAMES.reduce((sum, name) => sum + (fields[name] === null ? 0 : (quality[name] ?? 1)), 0);
  return { ...fields, confidence: Math.round((total / FIELD_NAMES.length) * 100) / 100, missing };
}

const TRAINING =
  /(training vouchers?|satv|bons? de formation|schulungsgutschein|trainingsgutschein|(vales?|cupon(es)?|bonos?) de (formacion|capacitacion)|software assurance training|sa training)/;
const PLANNING =
  /(planning services?|deployment planning|(?<![a-z])(azdps|ddps|dtdps|sedps|edps|pvdps|sdps|ssdps|dps)(?![a-z])|planification|planungsdienst|planificacion|planeacion|software assurance|vlsc|volume licensing)/;
// What a number labelled only "document" needs around it: the email must speak of Planning Services themselves.
const PLANNING_SERVICES =
  /(planning services?|deployment planning|(?<![a-z])(azdps|ddps|dtdps|sedps|edps|pvdps|sdps|ssdps)(?![a-z])|services? de planification|planungsdienst|servicios de planificacion)/;

function placementQuality(c: Candidate): number {
  return c.placement === 'nextLine' ? 0.95 : 1;
}

function tallyLanguage(used: readonly Candidate[], fallback: TemplateLanguage): TemplateLanguage {
  const counts = new Map<TemplateLanguage, number>();
  for (const c of used) counts.set(c.lang, (counts.get(c.lang) ?? 0) + 1);
  let best: TemplateLanguage = fallback;
  for (const [lang, n] of counts) if (n > (counts.get(best) ?? 0)) best = lang;
  return best;
}

/** "Voucher administrator: Jane Doe" with the address on the next line; "Voucher administrator Jane Doe <jane@…>". */
function adminEmail(layout: MessageLayout, c: Candidate): string | null {
  if (c.separator === 'space' && !isApposition(c.value)) return appositiveEmail(c.value);
  const inline = readEmail(c.value);
  if (inline !== null) return inline;
  for (let i = c.line + 1; i <= c.line + 2; i += 1) {
    const line = stripLineDecorations(layout.lines[i] ?? '');
    const label = matchLabel(line);
    if (label && label.field !== 'email') return null;
    const email = readEmail(line);
    if (email !== null) return email;
  }
  return null;
}

interface ProgramFinding {
  match: ProgramMatch;
  candidate: Candidate | null;
}

/** The cells of the table rows around the voucher line, in its segment. */
function cellsNear(layout: MessageLayout, segment: number, line: number): string[] {
  const bounds = layout.forwards.segments[segment];
  if (!bounds) return [];
  const cells: string[] = [];
  for (let i = Math.max(bounds.start, line - 30); i < Math.min(bounds.end, line + 30); i += 1) {
    if (!layout.forwards.headerLines.has(i)) cells.push(...tableCells(layout.lines[i] ?? ''));
  }
  return cells;
}

function findProgram(layout: MessageLayout, segment: number, line: number, text: string, folded: string): ProgramFinding {
  const labelled = nearest(layout.candidates[segment] ?? [], 'program', line, (c) => {
    const m = matchProgramValue(c.value);
    return m.code !== null || m.training ? m : null;
  });
  if (labelled) return { match: labelled.value, candidate: labelled.candidate };
  const mention = findProgramMention(text, folded) ?? findProgramInCells(cellsNear(layout, segment, line));
  return { match: { code: mention, kind: mention ? 'mention' : null, training: false }, candidate: null };
}

/** The administrator named in a sentence of the notice, else of the messages forwarded on top of it. */
function sentenceAdmin(layout: MessageLayout, segment: number): string | null {
  for (let n = segment; n >= 0; n -= 1) {
    const bounds = layout.forwards.segments[n];
    const found = bounds ? findAdminInSentences(layout.lines, bounds.start, bounds.end, layout.forwards.headerLines) : null;
    if (found) return found;
  }
  return null;
}

const PROGRAM_QUALITY = { exact: 1, variant: 0.8, mention: 0.6 } as const;

/** What reading one notice's fields shares: where it is, and how each field was found. */
interface Reading {
  layout: MessageLayout;
  segment: number;
  cands: readonly Candidate[];
  line: number;
  quality: Quality;
  used: Candidate[];
}

function take<T>(r: Reading, field: FieldName, found: { value: T; candidate: Candidate } | null): T | null {
  if (!found) return null;
  r.used.push(found.candidate);
  r.quality[field] = placementQuality(found.candidate);
  return found.value;
}

function readDaysField(r: Reading): number | null {
  const labelled = take(
    r,
    'days',
    nearest(r.cands, 'days', r.line, (c) => readDays(c.value).days),
  );
  if (labelled !== null) return labelled;
  const beside = findDaysInText(
    r.cands
      .filter((c) => c.field === 'program' || c.field === 'voucherNumber')
      .map((c) => c.value)
      .join(' | '),
  );
  if (beside !== null) r.quality.days = 0.7;
  return beside;
}

function readPeople(r: Reading): Pick<VoucherFields, 'customerName' | 'agreementNumber' | 'voucherAdminEmail'> {
  const customerName = take(
    r,
    'customerName',
    nearest(r.cands, 'customerName', r.line, (c) => readCustomerName(c.value)),
  );
  const agreementNumber = take(
    r,
    'agreementNumber',
    nearest(r.cands, 'agreementNumber', r.line, (c) => readAgreementNumber(c.value)),
  );
  let voucherAdminEmail = take(
    r,
    'voucherAdminEmail',
    nearest(r.cands, 'voucherAdminEmail', r.line, (c) => adminEmail(r.layout, c)),
  );
  if (voucherAdminEmail === null) {
    voucherAdminEmail = sentenceAdmin(r.layout, r.segment);
    if (voucherAdminEmail !== null) r.quality.voucherAdminEmail = 0.9;
  }
  return { customerName, agreementNumber, voucherAdminEmail };
}

/** Both dates, day/month order settled once for the pair; expiry is creation + 180 days when not printed. */
function readDates(
  r: Reading,
  language: TemplateLanguage,
  assigned: DateReading | null,
  expires: DateReading | null,
): Pick<VoucherFields, 'assignedOn' | 'expiresOn'> {
  const dates = resolveDates(assigned, expires, language === 'en' ? 'monthFirst' : 'dayFirst');
  if (dates.byLanguageOnly) {
    if (assigned && !assigned.fixed) r.quality.assignedOn = 0.8;
    if (expires && !expires.fixed) r.quality.expiresOn = 0.8;
  }
  if (dates.expiresOn !== null || dates.assignedOn === null) return { assignedOn: dates.assignedOn, expiresOn: dates.expiresOn };
  r.quality.expiresOn = 0.9;
  return { assignedOn: dates.assignedOn, expiresOn: addDays(dates.assignedOn, 180) };
}

function readFields(layout: MessageLayout, occurrence: VoucherOccurrence | null, segment: number): Assembled {
  const cands = layout.candidates[segment] ?? [];
  const line = occurrence?.line ?? cands[0]?.line ?? 0;
  const r: Reading = { layout, segment, cands, line, quality: {}, used: [] };
  const text = segmentText(layout, segment, line);
  const folded = foldWords(text);
  const voucherNumber = take(
    r,
    'voucherNumber',
    occurrence ? nearest(cands, 'voucherNumber', line, (c) => (c.line === line ? readVoucherNumber(c.value) : null)) : null,
  );
  const program = findProgram(layout, segment, line, text, folded);
  if (program.candidate) r.used.push(program.candidate);
  if (program.match.kind)
    r.quality.program = PROGRAM_QUALITY[program.match.kind] * (program.candidate ? placementQuality(program.candidate) : 1);
  const days = readDaysField(r);
  const people = readPeople(r);
  const assigned = take<DateReading>(
    r,
    'assignedOn',
    nearest(cands, 'assignedOn', line, (c) => readDate(c.value)),
  );
  const expires = take<DateReading>(
    r,
    'expiresOn',
    nearest(cands, 'expiresOn', line, (c) => readDate(c.value)),
  );
  const language = tallyLanguage(r.used, r.used[0]?.lang ?? 'en');
  const fields: VoucherFields = {
    voucherNumber,
    program: program.match.code,
    days,
    ...people,
    ...readDates(r, language, assigned, expires),
  };
  return { fields, quality: r.quality, verdict: decide(occurrence, program, fields, folded), language };
}

function decide(occurrence: VoucherOccurrence | null, program: ProgramFinding, fields: VoucherFields, folded: string): IntakeVerdict {
  if (program.match.code === null && (program.match.training || TRAINING.test(folded))) return 'training_voucher';
  if (!occurrence) return 'no_voucher_number';
  if (occurrence.cancelled) return 'cancelled_voucher';
  const others = FIELD_NAMES.filter((n) => n !== 'voucherNumber' && n !== 'expiresOn' && fields[n] !== null).length;
  const planning = program.match.code !== null || PLANNING.test(folded) || others >= 2;
  return planning ? 'planning_voucher' : 'not_planning_services';
}

/** A number labelled only "document" is a voucher number where the notice names Planning Services or one of their programs. */
function speaksOfPlanningServices(layout: MessageLayout, o: VoucherOccurrence): boolean {
  const text = segmentText(layout, o.segment, o.line);
  if (PLANNING_SERVICES.test(foldWords(text)) || findProgramMention(text) !== null) return true;
  return (layout.candidates[o.segment] ?? []).some((c) => c.field === 'program' && matchProgramValue(c.value).code !== null);
}

function segmentWithMostFields(layout: MessageLayout): number {
  let best = 0;
  layout.candidates.forEach((c, n) => {
    if (c.length > (layout.candidates[best]?.length ?? 0)) best = n;
  });
  return best;
}

/** Parses one message's text (plain text, or HTML already turned into text). */
export function assembleFromText(text: string): Assembled {
  const layout = layoutMessage(text);
  const occurrences = findVoucherOccurrences(layout).filter((o) => !o.weak || speaksOfPlanningServices(layout, o));
  const current = occurrences.find((o) => !o.cancelled) ?? occurrences[0] ?? null;
  return readFields(layout, current, current?.segment ?? segmentWithMostFields(layout));
}
