import { matchLabel, type LabelField, type LabelMatch } from './labels';
import type { TemplateLanguage } from './types';
import { stripLineDecorations } from './text';

/**
 * Finds labelled values in lines of text, in the three layouts notices use: the value on the
 * label's line ("Voucher number: X"), in the next cell of a table row ("Voucher number   X"),
 * or on the next non-blank line ("Voucher number:" then "X"); and header rows of labels over a
 * row of values. Values are returned raw; each field's reader decides whether it is usable.
 */
export type Placement = 'inline' | 'cell' | 'nextLine' | 'column';

export interface Candidate {
  field: LabelField;
  lang: TemplateLanguage;
  value: string;
  line: number;
  placement: Placement;
  separator: LabelMatch['separator'];
  /** Labelled with the seed's weak word "document" (see labels.ts). */
  weak: boolean;
}

// Table cells reach us as runs of three or more spaces (html-to-text's data tables), tabs or pipes.
const CELL_SPLIT = /\t+|\s{3,}|\s+\|\s*|\s*\|\s+/;
// A line can hold a label only at its start or after a cell break; most lines of a long thread have neither.
const CELL_HINT = /\t|\s{3}|\|/;

/** The cells of a table row (two or more), or none for a line that is no row. */
export function tableCells(line: string): string[] {
  if (!CELL_HINT.test(line)) return [];
  const cells = cellsOf(line);
  return cells.length >= 2 ? cells : [];
}

function cellsOf(line: string): string[] {
  return stripLineDecorations(line)
    .replace(/^\|+|\|+$/g, '')
    .split(CELL_SPLIT)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

// Names and programs have no shape to check, so "Your organization has assigned..." must not
// become a customer name: these fields need a colon, a cell or a line of their own.
const PROSE_PRONE: ReadonlySet<LabelField> = new Set<LabelField>(['customerName', 'program', 'status']);

interface Row {
  index: number;
  cells: string[];
}

/** The next non-blank row after `i`, skipping at most two blank lines, never a header line. */
function nextRow(rows: readonly Row[], i: number, skip: ReadonlySet<number>): Row | null {
  for (let k = i + 1; k < rows.length && k <= i + 3; k += 1) {
    const row = rows[k];
    if (!row || skip.has(row.index)) return null;
    if (row.cells.length > 0) return row;
  }
  return null;
}

function isLabelOnly(cell: string): boolean {
  const m = matchLabel(cell);
  return m !== null && m.separator !== 'space';
}

/** A second row of labels, not values: half its cells or more are bare labels (a lone "Assigned" is a status value). */
function isLabelRow(row: Row): boolean {
  return row.cells.filter(isLabelOnly).length * 2 >= row.cells.length;
}

/**
 * A header row over a row with as many values: a horizontal table. At least two header cells,
 * and two thirds of them, are bare labels (a "Partner" or "Notes" column is skipped); a row of
 * label, value, label, value is not a header.
 */
function columnCandidates(row: Row, below: Row | null): Candidate[] | null {
  if (row.cells.length < 2 || !below || below.cells.length !== row.cells.length) return null;
  const labels = row.cells.map((c) => {
    const m = matchLabel(c);
    return m && m.value === '' ? m : null;
  });
  const count = labels.filter((m) => m !== null).length;
  if (count < 2 || count * 3 < row.cells.length * 2 || isLabelRow(below)) return null;
  return labels.flatMap((m, k) =>
    m
      ? [
          {
            field: m.field,
            lang: m.lang,
            value: below.cells[k] ?? '',
            line: below.index,
            placement: 'column' as const,
            separator: 'colon' as const,
            weak: m.weak,
          },
        ]
      : [],
  );
}

// After a label with no separator ("Days remaining 15", "Created by Jane on 3 March"), only a value that starts
// right away counts: days are a figure or a number word, dates a date within their first words.
const SPACED_VALUE: Partial<Record<LabelField, RegExp>> = {
  days: /^(\(?\d|(one|three|five|ten|fifteen|un|une|trois|cinq|dix|quinze|ein|drei|fünf|zehn|fünfzehn|uno|tres|cinco|diez|quince)(?![\p{L}]))/iu,
  assignedOn: /^[\p{L}]*[,.]?\s*([\p{L}]+\.?\s+)?\d/u,
  expiresOn: /^[\p{L}]*[,.]?\s*([\p{L}]+\.?\s+)?\d/u,
};

function spacedValueOk(m: LabelMatch): boolean {
  if (m.separator !== 'space') return true;
  if (PROSE_PRONE.has(m.field)) return false;
  const shape = SPACED_VALUE[m.field];
  return shape === undefined || shape.test(m.value);
}

function rowCandidates(row: Row, below: Row | null): Candidate[] {
  const out: Candidate[] = [];
  const { cells } = row;
  for (let k = 0; k < cells.length; k += 1) {
    const m = matchLabel(cells[k] ?? '');
    if (!m || !spacedValueOk(m)) continue;
    const base = { field: m.field, lang: m.lang, line: row.index, separator: m.separator, weak: m.weak };
    if (m.value !== '') {
      out.push({ ...base, value: m.value, placement: 'inline' });
    } else if (k + 1 < cells.length) {
      if (m.field !== 'status' && isLabelOnly(cells[k + 1] ?? '')) continue;
      out.push({ ...base, value: cells[k + 1] ?? '', placement: 'cell' });
      k += 1;
    } else if (below && !below.cells.some(isLabelOnly)) {
      out.push({ ...base, value: below.cells.join(' '), line: below.index, placement: 'nextLine' });
    }
  }
  return out;
}

function mayHoldLabel(line: string): boolean {
  return CELL_HINT.test(line) || matchLabel(stripLineDecorations(line)) !== null;
}

/** All labelled candidates in lines [start, end), header lines excluded. */
export function findCandidates(lines: readonly string[], start: number, end: number, skip: ReadonlySet<number>): Candidate[] {
  const rows: Row[] = [];
  for (let i = start; i < end; i += 1) rows.push({ index: i, cells: [] });
  const cellsDone = new Set<number>();
  const rowAt = (r: number): Row | undefined => {
    const row = rows[r];
    if (row && !cellsDone.has(r)) {
      cellsDone.add(r);
      row.cells = skip.has(row.index) ? [] : cellsOf(lines[row.index] ?? '');
    }
    return row;
  };
  const out: Candidate[] = [];
  for (let r = 0; r < rows.length; r += 1) {
    const index = start + r;
    if (skip.has(index) || !mayHoldLabel(lines[index] ?? '')) continue;
    const row = rowAt(r);
    if (!row || row.cells.length === 0) continue;
    for (let k = r + 1; k <= r + 3 && k < rows.length; k += 1) rowAt(k);
    const below = nextRow(rows, r, skip);
    const columns = columnCandidates(row, below);
    if (columns) {
      out.push(...columns);
      r = (below?.index ?? row.index) - start;
      continue;
    }
    out.push(...rowCandidates(row, below));
  }
  return out;
}
