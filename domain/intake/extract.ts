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

const CANCEL =
  /(?<![a-z])(cancel+ed|cancel+ation|revoked|voided|annulee?s?|annulation|storniert|stornierung|widerrufen|annulliert|cancelad[oa]s?|anulad[oa]s?|cancelacion|anulacion)(?![a-z])/;
const SELF_CANCEL =
  /(voucher|bon|gutschein|vale|cupon|bono)[^.]{0,60}(has been|have been|was|a ete|wurde|ist|ha sido|fue) (cancel|revok|void|annul|storn|widerruf|anul)/;
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
 * `numberLines` is sorted.
 */
function statusOwner(numberLines: readonly number[], statusLine: number): number | null {
  let lo = 0;
  let hi = numberLines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((numberLines[mid] ?? 0) <= statusLine) lo = mid + 1;
    else hi = mid;
  }
  return numberLines[lo - 1] ?? numberLines[lo] ?? null;
}

/** What a segment says about cancellations, read once however many voucher numbers it holds. */
interface SegmentFacts {
  /** Lines of voucher numbers whose own status field says cancelled. */
  cancelledByStatus: Set<number>;
  subjectCancels: boolean;
  /** The segment's first lines that speak of a cancellation, folded. */
  cancelLines: Array<{ index: number; folded: string }>;
}

const SCANNED_LINES = 400;

function segmentFacts(layout: MessageLayout, segment: number): SegmentFacts {
  const candidates = layout.candidates[segment] ?? [];
  const numberLines = candidates
    .filter((c) => c.field === 'voucherNumber')
    .map((c) => c.line)
    .sort((a, b) => a - b);
  const cancelledByStatus = new Set<number>();
  for (const c of candidates) {
    if (c.field !== 'status' || !CANCEL.test(foldKeepLength(c.value))) continue;
    const owner = statusOwner(numberLines, c.line);
    if (owner !== null) cancelledByStatus.add(owner);
  }
  const subject = layout.forwards.subjects.get(segment);
  const bounds = layout.forwards.segments[segment] ?? { start: 0, end: 0 };
  const cancelLines: SegmentFacts['cancelLines'] = [];
  for (let i = bounds.start; i < bounds.end && i < bounds.start + SCANNED_LINES; i += 1) {
    const folded = foldKeepLength(layout.lines[i] ?? '');
    if (CANCEL.test(folded)) cancelLines.push({ index: i, folded });
  }
  const subjectCancels = subject !== undefined && CANCEL.test(foldKeepLength(layout.lines[subject] ?? ''));
  return { cancelledByStatus, subjectCancels, cancelLines };
}

/** Is this voucher said to be cancelled: on its own line, by a status field, by the subject, or by a sentence about it. */
function isCancelled(layout: MessageLayout, facts: SegmentFacts, line: number, number: string): boolean {
  if (CANCEL.test(foldKeepLength(layout.lines[line] ?? ''))) return true;
  if (facts.cancelledByStatus.has(line) || facts.subjectCancels) return true;
  const wanted = compact(number);
  return facts.cancelLines.some(({ index, folded }) => {
    const raw = layout.lines[index] ?? '';
    return compact(raw).includes(wanted) || (SELF_CANCEL.test(folded) && !OLDER.test(folded) && !mentionsOtherCode(raw, wanted));
  });
}

// A notice names one voucher, a thread a few; past this many, the rest is a list, not a notice.
const MAX_OCCURRENCES = 50;

/** The labelled voucher numbers, newest segment first (at most MAX_OCCURRENCES), each marked cancelled or not. */
export function findVoucherOccurrences(layout: MessageLayout): VoucherOccurrence[] {
  const out: VoucherOccurrence[] = [];
  layout.candidates.forEach((candidates, segment) => {
    let facts: SegmentFacts | null = null;
    for (const c of candidates) {
      if (c.field !== 'voucherNumber' || out.length >= MAX_OCCURRENCES) continue;
      const number = readVoucherNumber(c.value);
      if (number === null) continue;
      facts ??= segmentFacts(layout, segment);
      out.push({ number, segment, line: c.line, cancelled: isCancelled(layout, facts, c.line, number), weak: c.weak });
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
