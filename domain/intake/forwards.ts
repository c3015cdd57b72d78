import { foldKeepLength } from './text';

/**
 * Forwarded-message structure, as data: the header keys and separator lines that mail clients
 * write in English, French, German and Spanish. A message is cut into segments, newest first,
 * so the notice being forwarded can be told apart from the chatter above it and from older
 * notices quoted below it; header lines are marked so that "Sent:" or "Date:" never becomes
 * a voucher date.
 */
const HEADER_KEYS: Readonly<Record<'from' | 'sent' | 'to' | 'cc' | 'subject', readonly string[]>> = {
  from: ['from', 'de', 'von', 'van', 'expediteur', 'remitente', 'absender'],
  sent: ['sent', 'date', 'envoye', 'envoye le', 'gesendet', 'datum', 'enviado', 'enviado el', 'fecha'],
  to: ['to', 'a', 'pour', 'an', 'para', 'destinataire', 'empfanger'],
  cc: ['cc', 'cci', 'bcc', 'kopie', 'cco'],
  subject: ['subject', 'objet', 'betreff', 'asunto', 'sujet'],
};

const SEPARATORS: readonly string[] = [
  'original message',
  'forwarded message',
  'begin forwarded message',
  'forwarded by',
  "message d'origine",
  'message transfere',
  'debut du message reexpedie',
  'message reexpedie',
  'message original',
  'ursprungliche nachricht',
  'weitergeleitete nachricht',
  'anfang der weitergeleiteten nachricht',
  'originalnachricht',
  'mensaje original',
  'mensaje reenviado',
  'inicio del mensaje reenviado',
  'mensaje de origen',
];

type HeaderKind = keyof typeof HEADER_KEYS;

const HEADER_RE = new RegExp(
  `^\\s*(?:>\\s*)*\\*?(${Object.values(HEADER_KEYS)
    .flat()
    .sort((a, b) => b.length - a.length)
    .join('|')})\\*?\\s*:\\s*\\S`,
);
const SEPARATOR_RE = new RegExp(`^[\\s>_*=-]*(?:${SEPARATORS.join('|').replace(/'/g, "['’]?")})[\\s_*=:-]*$`);
const WROTE_RE = /^[\s>]*(on|le|am|el)\s.{0,200}\s(wrote|a ecrit|schrieb|escribio)\s*:?\s*$/;

function headerKind(folded: string): HeaderKind | null {
  if (!folded.includes(':')) return null;
  const key = HEADER_RE.exec(folded)?.[1];
  if (key === undefined) return null;
  for (const [kind, keys] of Object.entries(HEADER_KEYS) as Array<[HeaderKind, readonly string[]]>) {
    if (keys.includes(key)) return kind;
  }
  return null;
}

export interface Segment {
  /** Index of the segment's first line in the whole text. */
  start: number;
  /** One past its last line. */
  end: number;
}

export interface ForwardStructure {
  segments: Segment[];
  /** Lines that are forwarded-message headers or separators: never read as fields. */
  headerLines: Set<number>;
  /** Index of each segment's subject line, when its header block has one. */
  subjects: Map<number, number>;
}

/** A header block: consecutive header lines that include a sender and a date or subject. */
function headerBlockAt(folded: readonly string[], i: number): { end: number; subject: number | null } | null {
  const kinds = new Set<HeaderKind>();
  let subject: number | null = null;
  let j = i;
  while (j < folded.length && j - i < 12) {
    const kind = headerKind(folded[j] ?? '');
    if (kind === null) break;
    kinds.add(kind);
    if (kind === 'subject') subject = j;
    j += 1;
  }
  if (kinds.has('from') && (kinds.has('sent') || kinds.has('subject'))) return { end: j, subject };
  return null;
}

/** Cuts the text's lines into forwarded segments, newest first. */
export function findForwards(lines: readonly string[]): ForwardStructure {
  const folded = lines.map((l) => foldKeepLength(l.slice(0, 200)));
  const starts: number[] = [0];
  const headerLines = new Set<number>();
  const subjectAt = new Map<number, number>();
  let i = 0;
  while (i < folded.length) {
    const line = folded[i] ?? '';
    if (line.length < 300 && (SEPARATOR_RE.test(line) || WROTE_RE.test(line))) {
      headerLines.add(i);
      if (starts[starts.length - 1] !== i) starts.push(i);
      i += 1;
      continue;
    }
    const block = headerBlockAt(folded, i);
    if (block) {
      const startsAfterSeparator = headerLines.has(i - 1) || (i > 0 && (folded[i - 1] ?? '').trim() === '' && headerLines.has(i - 2));
      if (!startsAfterSeparator && starts[starts.length - 1] !== i) starts.push(i);
      for (let k = i; k < block.end; k += 1) headerLines.add(k);
      if (block.subject !== null) subjectAt.set(starts[starts.length - 1] ?? 0, block.subject);
      i = block.end;
      continue;
    }
    i += 1;
  }
  const segments = starts.map((start, n) => ({ start, end: starts[n + 1] ?? lines.length }));
  const subjects = new Map<number, number>();
  segments.forEach((segment, n) => {
    const line = subjectAt.get(segment.start);
    if (line !== undefined) subjects.set(n, line);
  });
  return { segments, headerLines, subjects };
}
