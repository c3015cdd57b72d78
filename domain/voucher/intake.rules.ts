import { Types } from 'mongoose';
import { addDays } from '../calendar';
import type { Actor } from '../person/person.model';
import type { Voucher } from './voucher.model';
import type { AuditEntry } from './voucher.model';
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

const MERGED = ['program', 'days', 'customerName', 'agreementNumber', 'voucherAdminEmail', 'assignedOn', 'expiresOn'] as const;
type MergedField = (typeof MERGED)[number];

/**
 * Expiry (DOMAIN.md, Program rules and parsing contract): the printed expiry when there is one,
 * never later than 180 days after assignment ("whatever the customer's agreement end date").
 */
export const expiryOf = (f: Pick<IntakeFacts, 'assignedOn' | 'expiresOn'>): Date | null => {
  const ruled = f.assignedOn ? addDays(f.assignedOn, EXPIRY_DAYS) : null;
  if (!f.expiresOn) return ruled;
  return ruled && ruled.getTime() < f.expiresOn.getTime() ? ruled : f.expiresOn;
};

/** A forward whose sender is not the voucher administrator is flagged (DOMAIN.md, People: Customer). */
export const senderMismatch = (f: IntakeFacts): string | null =>
  f.source.senderEmail && f.voucherAdminEmail && f.source.senderEmail !== f.voucherAdminEmail ? f.source.senderEmail : null;

/** The new voucher document of a first intake. */
export function newVoucher(f: IntakeFacts, expiresOn: Date, actor: Actor, t: RuleTime): Voucher {
  const sender = senderMismatch(f);
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
    audit: [{ at: t.now, by: actor.aadObjectId, event: 'intake', from: null, to: 'assigned', reason: sender ? `forwarded by ${sender}` : null }],
  };
}

const same = (a: unknown, b: unknown): boolean => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/**
 * A voucher number seen again is merged, not duplicated: missing fields are filled, differing
 * ones are kept and reported as conflicts for staff to look at.
 */
export function mergePlan(v: Voucher, f: IntakeFacts, actor: Actor, t: RuleTime): WritePlan & { conflicts: MergedField[] } {
  const incoming: Record<MergedField, unknown> = { ...f, expiresOn: expiryOf(f) ?? null };
  const set: Record<string, unknown> = {};
  const conflicts: MergedField[] = [];
  for (const field of MERGED) {
    const mine = v[field];
    const theirs = incoming[field];
    if (theirs === null || theirs === undefined) continue;
    if (mine === null || mine === undefined) set[field] = theirs;
    else if (!same(mine, theirs)) conflicts.push(field);
  }
  const sender = senderMismatch(f);
  if (sender && !v.validated) set.needsConfirmation = { sender };
  const reason = [`merged ${f.source.kind} ${f.source.messageId ?? ''}`.trim(), conflicts.length ? `conflicts: ${conflicts.join(', ')}` : ''].filter(Boolean).join('; ');
  const audit: AuditEntry = { at: t.now, by: actor.aadObjectId, event: 'intake', from: v.state, to: v.state, reason };
  const update: Update = {
    $push: { audit, sources: { kind: f.source.kind, messageId: f.source.messageId, on: t.now } },
    $inc: { version: 1 },
  };
  if (Object.keys(set).length) update.$set = set;
  return { filter: { _id: v._id, version: v.version }, update, audit, conflicts };
}
