import { Types } from 'mongoose';
import { addDays, isoDay } from '../calendar';
import type { Actor } from '../person/person.model';
import { refuse, type Refusal } from '../refusal';
import { auditFacts } from './audit-facts';
import type { AuditEntry, Voucher } from './voucher.model';
import { EXPIRY_DAYS, type RuleTime, type Update, type WritePlan } from './voucher.rules';

/** A voucher as read from a forwarded email (the parser's contract, DOMAIN.md) or typed by staff. */
export interface IntakeFacts {
  voucherNumber: string;
  program: string | null;
  days: number | null;
  customerName: string | null;
  agreementNumber: string | null;
  voucherAdminEmail: string | null;
  assignedOn: Date | null;
  expiresOn: Date | null;
  source: { kind: 'email' | 'manual'; messageId: string | null; senderEmail: string | null };
}

const MERGED = ['program', 'days', 'customerName', 'agreementNumber', 'voucherAdminEmail', 'assignedOn'] as const;
type MergedField = (typeof MERGED)[number] | 'expiresOn';

/**
 * Expiry (DOMAIN.md, Program rules and parsing contract): the printed expiry when there is one,
 * never later than 180 days after assignment ("whatever the customer's agreement end date").
 */
export const expiryOf = (f: Pick<IntakeFacts, 'assignedOn' | 'expiresOn'>): Date | null => {
  const ruled = f.assignedOn ? addDays(f.assignedOn, EXPIRY_DAYS) : null;
  if (!f.expiresOn) return ruled;
  return ruled && ruled.getTime() < f.expiresOn.getTime() ? ruled : f.expiresOn;
};

/**
 * Dates a voucher can really have: assigned no later than today (the customer has already
 * forwarded it), expiring after its assignment, and, with no assignment date known, expiring no
 * later than today + 180 days (it was assigned today at the latest). A printed 9999-12-31 is
 * refused here rather than stored as a voucher that never expires. "Today" is the latest calendar
 * day anywhere: a customer east of UTC may already be on the next day (printed dates are theirs).
 */
export function checkIntakeDates(number: string, f: Pick<IntakeFacts, 'assignedOn' | 'expiresOn'>, t: RuleTime): Refusal | null {
  const { assignedOn, expiresOn } = f;
  const latestToday = addDays(t.today, 1);
  if (assignedOn && assignedOn.getTime() > latestToday.getTime())
    return refuse('ASSIGNED_IN_FUTURE', { number, assignedOn: isoDay(assignedOn) });
  if (assignedOn && expiresOn && expiresOn.getTime() < assignedOn.getTime()) {
    return refuse('EXPIRY_BEFORE_ASSIGNMENT', { number, assignedOn: isoDay(assignedOn), expiresOn: isoDay(expiresOn) });
  }
  const latest = addDays(latestToday, EXPIRY_DAYS);
  if (!assignedOn && expiresOn && expiresOn.getTime() > latest.getTime()) {
    return refuse('EXPIRY_TOO_LATE', { number, expiresOn: isoDay(expiresOn), latest: isoDay(latest) });
  }
  return null;
}

/** A forward whose sender is not the voucher administrator is flagged (DOMAIN.md, People: Customer). */
export const senderMismatch = (f: IntakeFacts): string | null =>
  f.source.senderEmail && f.voucherAdminEmail && f.source.senderEmail !== f.voucherAdminEmail ? f.source.senderEmail : null;

const sourceWords = (f: IntakeFacts): string =>
  f.source.kind === 'email' ? `from email ${f.source.messageId ?? '(no message id)'}` : 'entered by hand';

const intakeFacts = (f: IntakeFacts, sender: string | null, printedExpiry: Date | null) =>
  auditFacts('RECORDED', { source: f.source.kind, forwardedBy: sender, printedExpiry: printedExpiry ? isoDay(printedExpiry) : null });

/** The new voucher document of a first intake; `expiresOn` is `expiryOf(f)`. */
export function newVoucher(f: IntakeFacts, expiresOn: Date, actor: Actor, t: RuleTime): Voucher {
  const sender = senderMismatch(f);
  const capped =
    f.expiresOn && f.expiresOn.getTime() !== expiresOn.getTime()
      ? `; printed expiry ${isoDay(f.expiresOn)} capped at assignment + 180 days`
      : '';
  const reason = `${sourceWords(f)}${sender ? `; forwarded by ${sender}, not the voucher administrator` : ''}${capped}`;
  return {
    _id: new Types.ObjectId(),
    partnerId: actor.partnerId,
    number: f.voucherNumber,
    program: f.program,
    days: f.days,
    customerName: f.customerName,
    agreementNumber: f.agreementNumber,
    voucherAdminEmail: f.voucherAdminEmail,
    assignedOn: f.assignedOn,
    printedExpiresOn: f.expiresOn,
    expiresOn,
    state: 'assigned',
    version: 1,
    pendingApprovalId: null,
    validated: null,
    needsConfirmation: sender ? { sender } : null,
    locationId: null,
    engagementCountry: null,
    reservation: null,
    schedule: null,
    completion: null,
    deliverables: [],
    redemption: null,
    claim: null,
    cancellations: [],
    source: { kind: f.source.kind, messageId: f.source.messageId },
    sources: [{ kind: f.source.kind, messageId: f.source.messageId, on: t.now }],
    audit: [
      {
        at: t.now,
        by: actor.aadObjectId,
        event: 'intake',
        from: null,
        to: 'assigned',
        reason,
        facts: intakeFacts(f, sender, capped ? f.expiresOn : null),
      },
    ],
    lastActionAt: t.now,
  };
}

const same = (a: unknown, b: unknown): boolean => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

export interface MergePlan extends WritePlan {
  filled: MergedField[];
  conflicts: MergedField[];
  /** Set when the merge brought facts that bring the expiry forward (an assignment date). */
  expiryShortenedTo: Date | null;
}

/** Fills what is missing from what the new intake knows; differing known values are conflicts. */
function mergeFields(v: Voucher, f: IntakeFacts) {
  const set: Record<string, unknown> = {};
  const filled: MergedField[] = [];
  const conflicts: MergedField[] = [];
  for (const field of MERGED) {
    const mine = v[field];
    const theirs = f[field];
    if (theirs === null || theirs === undefined) continue;
    if (mine === null || mine === undefined) {
      set[field] = theirs;
      filled.push(field);
    } else if (!same(mine, theirs)) conflicts.push(field);
  }
  const printed = v.printedExpiresOn ?? null;
  if (f.expiresOn && !printed) set.printedExpiresOn = f.expiresOn;
  else if (f.expiresOn && printed && !same(printed, f.expiresOn)) conflicts.push('expiresOn');
  return { set, filled, conflicts, assignedOn: v.assignedOn ?? f.assignedOn, printed: printed ?? f.expiresOn };
}

/**
 * A voucher number seen again is merged, not duplicated: missing fields are filled, differing
 * ones are kept and reported as conflicts. The 180-day cap is computed again from the merged
 * facts, so a later email that brings the assignment date shortens a later printed expiry; the
 * expiry never grows through a merge.
 */
export function mergePlan(v: Voucher, f: IntakeFacts, actor: Actor, t: RuleTime): Refusal | MergePlan {
  const m = mergeFields(v, f);
  const refused = checkIntakeDates(v.number, { assignedOn: m.assignedOn, expiresOn: m.printed }, t);
  if (refused) return refused;
  const ruled = expiryOf({ assignedOn: m.assignedOn, expiresOn: m.printed });
  const expiryShortenedTo = ruled && ruled.getTime() < v.expiresOn.getTime() ? ruled : null;
  if (expiryShortenedTo) m.set.expiresOn = expiryShortenedTo;
  const sender = senderMismatch(f);
  if (sender && !v.validated) m.set.needsConfirmation = { sender };
  const reason = [
    `merged ${sourceWords(f)}`,
    m.filled.length ? `filled: ${m.filled.join(', ')}` : '',
    m.conflicts.length ? `conflicts kept as recorded: ${m.conflicts.join(', ')}` : '',
    expiryShortenedTo ? `expiry brought forward to ${isoDay(expiryShortenedTo)} (assignment + 180 days)` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const facts = auditFacts('MERGED', {
    source: f.source.kind,
    filled: [...m.filled],
    conflicts: [...m.conflicts],
    expiryBroughtTo: expiryShortenedTo ? isoDay(expiryShortenedTo) : null,
  });
  const audit: AuditEntry = { at: t.now, by: actor.aadObjectId, event: 'intake', from: v.state, to: v.state, reason, facts };
  const update: Update = {
    $set: { ...m.set, lastActionAt: t.now },
    $push: { audit, sources: { kind: f.source.kind, messageId: f.source.messageId, on: t.now } },
    $inc: { version: 1 },
  };
  return { filter: { _id: v._id, version: v.version }, update, audit, filled: m.filled, conflicts: m.conflicts, expiryShortenedTo };
}
