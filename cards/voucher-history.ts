import type { AuditEntry } from '../domain/voucher/voucher.model';
import type { AuditCode, AuditFactParams, AuditFacts } from '../domain/voucher/audit-facts';
import { md } from './escape';
import { fill, fillCount, formatAmount, formatDay, formatInstant, type CardContext, type Labels } from './locale';
import { CANCEL_REASONS } from './verbs';
import { daysText, FIELD_TITLES } from './voucher-facts';

/**
 * The "last changes" lines of the details card (DOMAIN.md, Voucher states: who, when, what, why),
 * in the card's language. An entry's facts (a code and parameters, domain/voucher/audit-facts.ts)
 * are put in words from the labels; text a person gave is made card-safe. An older entry with only
 * its English `reason` is still shown: a cancellation's listed reason in words, anything else as recorded.
 */
export type HistoryEntry = Pick<AuditEntry, 'at' | 'by' | 'event' | 'reason' | 'facts' | 'changes'>;

const SHOWN = 5;
type Names = Readonly<Record<string, string>>;

export function historyLines(audit: readonly HistoryEntry[], names: Names, l: Labels, ctx: CardContext): string[] {
  // Entries are stored in the order they happened: reversed first, entries of the same instant stay newest first.
  return [...audit]
    .reverse()
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, SHOWN)
    .map((e) => {
      const event = (l.event as Record<string, string>)[e.event] ?? md(e.event, 40);
      const line = fill(l.details.historyLine, { at: formatInstant(e.at, ctx.locale), event, by: byWhom(e.by, names, l) });
      const detail = e.facts ? factsText(e.facts, e.changes, l, ctx) : legacyText(e, l, ctx);
      return detail ? fill(l.details.historyDetail, { line, detail }) : line;
    });
}

/** What a step's words need: the labels, the card's context and the correction's values. */
interface Say {
  l: Labels;
  a: Labels['details']['audit'];
  ctx: CardContext;
  changes: HistoryEntry['changes'];
  day: (d: string | null) => string;
  /** The pieces of a step that apply, joined ("…; …"). */
  pieces: (...xs: (string | false | null)[]) => string;
}

type Renderers = { [C in AuditCode]: (p: AuditFactParams[C], s: Say) => string };

const RENDER: Renderers = {
  RECORDED: (p, { a, day, pieces }) =>
    pieces(
      p.source === 'email' ? a.fromEmail : a.byHand,
      p.forwardedBy !== null && fill(a.forwardedBy, { sender: md(p.forwardedBy, 200) }),
      p.printedExpiry !== null && fill(a.printedExpiry, { date: day(p.printedExpiry) }),
    ),
  MERGED: (p, { a, l, day, pieces }) =>
    pieces(
      p.source === 'email' ? a.mergedEmail : a.mergedHand,
      p.filled.length > 0 && fill(a.filled, { fields: fieldsText(p.filled, l) }),
      p.conflicts.length > 0 && fill(a.conflicts, { fields: fieldsText(p.conflicts, l) }),
      p.expiryBroughtTo !== null && fill(a.expiryBroughtTo, { date: day(p.expiryBroughtTo) }),
    ),
  VALIDATED: (p, { a, pieces }) =>
    pieces(
      fill(a.validated, { email: md(p.email, 200) }),
      p.confirmsForwardBy !== null && fill(a.confirmsForward, { sender: md(p.confirmsForwardBy, 200) }),
    ),
  RESERVED: (p, { a, day, pieces }) =>
    pieces(
      fill(a.reservedAt, { location: md(p.locationId, 64), country: md(p.country, 8) }),
      p.plannedStart !== null && fill(a.plannedStart, { date: day(p.plannedStart) }),
      p.requestedBy !== null && fill(a.requestedBy, { name: md(p.requestedBy, 80) }),
      p.fifteenDayException !== null && fill(a.fifteenDay, { words: md(p.fifteenDayException, 200) }),
    ),
  RESERVATION_REQUESTED: (p, { a }) => fill(a.reservationRequested, { location: md(p.locationId, 64), country: md(p.country, 8) }),
  CANCELLED: (p, { l }) => cancelText(p.reason, p.words, l),
  SCHEDULED: (p, { a, day, pieces }) =>
    pieces(
      fill(a.scheduled, { start: day(p.start), end: day(p.end), consultant: md(p.consultant, 80) }),
      p.previousStart !== null &&
        p.previousEnd !== null &&
        fill(a.rescheduledFrom, { start: day(p.previousStart), end: day(p.previousEnd) }),
    ),
  COMPLETED: (p, { a, ctx, day }) => fill(fillCount(a.completed, p.attendees, ctx.locale), { date: day(p.deliveredOn) }),
  DELIVERABLE_ADDED: (p, { a }) => fill(p.kind === 'file' ? a.deliverableFile : a.deliverableLink, { name: md(p.name, 200) }),
  REDEMPTION_REQUESTED: (_p, { a }) => a.redemptionRequested,
  REDEEMED: (p, { a }) => fill(a.redeemed, { name: md(p.approvedBy, 80) }),
  APPROVAL_RELEASED: (p, { a }) => {
    if (p.outcome === 'rejected' && p.comment) return fill(a.rejectedWith, { comment: md(p.comment, 200) });
    return p.outcome === 'approved' && p.notApplied === null ? a.released.closed : a.released[p.outcome];
  },
  CORRECTED: (p, s) => s.pieces(...changesText(s), p.validateAgain && s.a.validateAgain),
  CLAIMED: (p, { a, l, ctx }) =>
    p.amount === null || p.dayRate === null || p.currency === null
      ? fill(a.claimedNoRate, { number: md(p.claimNumber, 64), days: daysText(p.days, l), country: md(p.country, 8) })
      : fill(a.claimed, {
          number: md(p.claimNumber, 64),
          days: daysText(p.days, l),
          rate: formatAmount(p.dayRate, p.currency, ctx.locale),
          amount: formatAmount(p.amount, p.currency, ctx.locale),
        }),
  PAID: (p, { a, day }) => fill(a.paid, { number: md(p.claimNumber, 64), date: day(p.paidOn) }),
  EXPIRED: (_p, { a }) => a.expired,
};

function sayFor(l: Labels, ctx: CardContext, changes: HistoryEntry['changes']): Say {
  const a = l.details.audit;
  return {
    l,
    a,
    ctx,
    changes,
    day: (d) => (d ? formatDay(d, ctx.locale) : l.common.none),
    pieces: (...xs) => xs.filter((x): x is string => typeof x === 'string' && x !== '').join(a.join),
  };
}

/** Who acted: a person's name, or "the system" for the sweep and automatic releases; never an internal id word. */
const byWhom = (by: string, names: Names, l: Labels): string => (by === 'system' ? l.details.bySystem : md(names[by] ?? by, 80));

/** The words of a step's facts, in the card's language. */
function factsText(f: AuditFacts, changes: HistoryEntry['changes'], l: Labels, ctx: CardContext): string {
  const render = RENDER[f.code] as (p: AuditFacts['params'], s: Say) => string;
  return render(f.params, sayFor(l, ctx, changes));
}

/** A correction's fields with their old and new values ("days: 5 → 10"). */
const changesText = ({ changes, a, l, ctx }: Say): string[] =>
  (changes ?? []).map((c) =>
    fill(a.corrected, { field: fieldText(c.field, l), from: valueText(c.field, c.from, l, ctx), to: valueText(c.field, c.to, l, ctx) }),
  );

/** A cancellation's reason from the list in words, with the person's words when given. */
function cancelText(reason: string, words: string | null, l: Labels): string {
  const listed = (l.cancel.reason as Record<string, string>)[reason];
  if (listed === undefined) return md(words ?? reason, 200);
  return words ? fill(l.details.audit.cancelledWith, { reason: listed, words: md(words, 200) }) : listed;
}

/**
 * An entry recorded before audit facts: its English reason as recorded (never an internal id),
 * except what is known to be a code: a cancellation's listed reason ("offer-changed: …") and the
 * approval steps, which are said in words.
 */
function legacyText(e: HistoryEntry, l: Labels, ctx: CardContext): string {
  if (e.changes?.length) return changesText(sayFor(l, ctx, e.changes)).join(l.details.audit.join);
  const step = (l.details.approvalStep as Record<string, string>)[e.event];
  if (step !== undefined) return step;
  const reason = e.reason?.replace(INTERNAL_ID, '').trim() ?? '';
  if (e.event === 'cancel') {
    const listed = LISTED_REASON.exec(reason);
    if (listed?.[1]) return cancelText(listed[1], listed[2]?.trim() || null, l);
  }
  return reason ? md(reason, 200) : '';
}

/** An internal id in an audit reason, with the word naming it ("approval 6b0fe60…"). */
const INTERNAL_ID = /[,;]?\s*\b(?:approval\s+)?[0-9a-f]{24}\b/gi;
const LISTED_REASON = new RegExp(`^(${CANCEL_REASONS.join('|')})(?::\\s*([\\s\\S]*))?$`);

const FIELD_LABEL: Readonly<Record<string, keyof Labels['field']>> = FIELD_TITLES;
const DATE_FIELDS: ReadonlySet<string> = new Set(['assignedOn', 'expiresOn']);

/** A field's label as a sentence uses it ("voucher administrator"), never its internal name. */
function fieldText(field: string, l: Labels): string {
  const key = FIELD_LABEL[field];
  const label = key ? l.field[key] : l.details.audit.otherField;
  return lowerFirst(label);
}

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase() + s.slice(1);

const fieldsText = (fields: readonly string[], l: Labels): string => fields.map((f) => fieldText(f, l)).join(', ');

function valueText(field: string, value: string | null, l: Labels, ctx: CardContext): string {
  if (value === null) return lowerFirst(l.common.none);
  return DATE_FIELDS.has(field) ? formatDay(value, ctx.locale) : md(value, 200);
}
