import { findCandidates, type Candidate } from './fields';
import { findForwards, type ForwardStructure } from './forwards';
import { readVoucherNumber } from './values';
import { foldKeepLength, normalizeText, toLines } from './text';

/**
 * Chooses the current voucher notice in a (possibly forwarded several times) message: the
 * newest labelled voucher number that is not a cancelled one (DOMAIN.md, Contract: "when an
 * older, cancelled voucher is quoted too, the current one is the answer").
 */
export interface VoucherOccurrence {
  number: string;
  segment: number;
  line: number;
  cancelled: boolean;
  /** Labelled only with the seed's weak word "document". */
  weak: boolean;
}

export interface MessageLayout {
  lines: string[];
  forwards: ForwardStructure;
  candidates: Candidate[][];
}

const CANCEL = /(?<![a-z])(cancel+ed|cancel+ation|revoked|voided|annulee?s?|annulation|storniert|stornierung|widerrufen|annulliert|cancelad[oa]s?|anulad[oa]s?|cancelacion|anulacion)(?![a-z])/;
const SELF_CANCEL = /(voucher|bon|gutschein|vale|cupon|bono)[^.]{0,60}(has been|have been|was|a ete|wurde|ist|ha sido|fue) (cancel|revok|void|annul|storn|widerruf|anul)/;
const OLDER = /(?<![a-z])(previous|earlier|old|former|ancien|precedent|vorherige[rn]?|alte[rn]?|fruhere[rn]?|anterior|antiguo)(?![a-z])/;

export function layoutMessage(text: string): MessageLayout {
  const lines = toLines(normalizeText(text));
  const forwards = findForwards(lines);
  const candidates = forwards.segments.map((s) => findCandidates(lines, s.start, s.end, forwards.headerLines));
  return { lines, forwards, candidates };
}

function compact(s: string): string {
  return s.replace(/[\s-]/g, '').toUpperCase();
}

/** A sentence about another voucher ("voucher 1111-2222 was cancelled") says nothing about this one. */
function mentionsOtherCode(line: string, wanted: string): boolean {
  return line.split(/\s+/).some((token) => {
    const code = compact(token.replace(/[^A-Za-z0-9-]/g, ''));
    return code.length >= 6 && /\d/.test(code) && code !== wanted;
  });
}

/**
 * The voucher a status field speaks of, as the line of its voucher number: the labelled number
 * just above it in the same segment, else the first one below (a message may list several notices).
 */
function statusOwner(numberLines: readonly number[], statusLine: number): number | null {
  let above: number | null = null;
  let below: number | null = null;
  for (const l of numberLines) {
    if (l <= statusLine) above = Math.max(above ?? l, l);
    else below = Math.min(below ?? l, l);
  }
  return above ?? below;
}

/** Is this voucher said to be cancelled: on its own line, by a status field, by the subject, or by a sentence about it. */
function isCancelled(layout: MessageLayout, segment: number, line: number, number: string): boolean {
  const folded = (i: number): string => foldKeepLength(layout.lines[i] ?? '');
  if (CANCEL.test(folded(line))) return true;
  const candidates = layout.candidates[segment] ?? [];
  const numberLines = candidates.filter((c) => c.field === 'voucherNumber').map((c) => c.line);
  const ownStatus = candidates.filter((c) => c.field === 'status' && statusOwner(numberLines, c.line) === line);
  if (ownStatus.some((c) => CANCEL.test(foldKeepLength(c.value)))) return true;
  const subject = layout.forwards.subjects.get(segment);
  if (subject !== undefined && CANCEL.test(folded(subject))) return true;
  const bounds = layout.forwards.segments[segment];
  if (!bounds) return false;
  const wanted = compact(number);
  for (let i = bounds.start; i < bounds.end && i < bounds.start + 400; i += 1) {
    const text = folded(i);
    if (!CANCEL.test(text)) continue;
    if (compact(layout.lines[i] ?? '').includes(wanted)) return true;
    if (SELF_CANCEL.test(text) && !OLDER.test(text) && !mentionsOtherCode(layout.lines[i] ?? '', wanted)) return true;
  }
  return false;
}

/** Every labelled voucher number, newest segment first, each marked cancelled or not. */
export function findVoucherOccurrences(layout: MessageLayout): VoucherOccurrence[] {
  const out: VoucherOccurrence[] = [];
  layout.candidates.forEach((candidates, segment) => {
    for (const c of candidates) {
      if (c.field !== 'voucherNumber') continue;
      const number = readVoucherNumber(c.value);
      if (number === null) continue;
      out.push({ number, segment, line: c.line, cancelled: isCancelled(layout, segment, c.line, number), weak: c.weak });
    }
  });
  return out;
}

/** The candidate of a field nearest the voucher number's line, among those its reader accepts. */
export function nearest<T>(
  candidates: readonly Candidate[],
  field: Candidate['field'],
  line: number,
  read: (c: Candidate) => T | null,
): { value: T; candidate: Candidate } | null {
  let best: { value: T; candidate: Candidate; distance: number } | null = null;
  for (const c of candidates) {
    if (c.field !== field) continue;
    const distance = Math.abs(c.line - line);
    if (best && distance >= best.distance) continue;
    const value = read(c);
    if (value !== null) best = { value, candidate: c, distance };
  }
  return best ? { value: best.value, candidate: best.candidate } : null;
}

/**
 * The text around a notice: its segment from the top (where the subject is) to a little past the
 * voucher line, capped, so a 2 MB thread below the notice costs nothing.
 */
export function segmentText(layout: MessageLayout, segment: number, anchorLine: number, maxChars = 20_000): string {
  const bounds = layout.forwards.segments[segment];
  if (!bounds) return '';
  const parts: string[] = [];
  let size = 0;
  const end = Math.min(bounds.end, Math.max(anchorLine, bounds.start) + 80);
  for (let i = bounds.start; i < end && size < maxChars; i += 1) {
    const line = layout.lines[i] ?? '';
    parts.push(line);
    size += line.length + 1;
  }
  return parts.join('\n').slice(0, maxChars);
}
