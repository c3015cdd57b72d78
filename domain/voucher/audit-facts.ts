/**
 * What happened and why, as data (DOMAIN.md, Voucher states: every transition leaves an audit
 * entry saying who, when, from, to, why). Each new audit entry keeps a stable code and its
 * parameters, so a reader sees it in their own language: the cards put it in words from their
 * labels (cards/i18n), and the entry's `reason` keeps the English record for logs and exports.
 * Entries written before these codes have only `reason`, and are shown as they are.
 *
 * Parameters are plain values that survive the database unchanged: calendar days as `YYYY-MM-DD`,
 * codes (states, fields, refusal codes), numbers, and text a person gave (names, emails, words),
 * which the cards make card-safe before they show it. Never an internal id.
 */
type Day = string;

/** Why a reservation was cancelled (DOMAIN.md, Program rules: a reason is required); `other` needs words. */
export const CANCEL_REASONS = ['offer-changed', 'no-engagement', 'other-partner', 'other'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const RELEASE_OUTCOMES = ['approved', 'rejected', 'expired', 'failed', 'gone'] as const;
export type ReleaseOutcome = (typeof RELEASE_OUTCOMES)[number];

export interface AuditFactParams {
  /** A first intake: from an email or by hand; a forward by someone else; the printed expiry capped. */
  RECORDED: { source: 'email' | 'manual'; forwardedBy: string | null; printedExpiry: Day | null };
  /** The same voucher number again: fields filled, differing ones kept, the expiry brought forward. */
  MERGED: { source: 'email' | 'manual'; filled: string[]; conflicts: string[]; expiryBroughtTo: Day | null };
  VALIDATED: { email: string; confirmsForwardBy: string | null };
  /** Reserved (directly, or on a manager's approval: `requestedBy` names the requester). */
  RESERVED: {
    locationId: string;
    country: string;
    plannedStart: Day | null;
    requestedBy: string | null;
    fifteenDayException: string | null;
  };
  RESERVATION_REQUESTED: { locationId: string; country: string };
  CANCELLED: { reason: CancelReason; words: string | null };
  SCHEDULED: { start: Day; end: Day; consultant: string; previousStart: Day | null; previousEnd: Day | null };
  COMPLETED: { deliveredOn: Day; attendees: number };
  DELIVERABLE_ADDED: { kind: 'file' | 'link'; name: string };
  REDEMPTION_REQUESTED: Record<string, never>;
  REDEEMED: { approvedBy: string };
  /**
   * An approval's lock was released without its effect: rejected (with the manager's comment),
   * expired, approved but refused by the rules meanwhile (`notApplied`: the refusal code), a
   * request that failed to be sent, or an approval settled or gone.
   */
  APPROVAL_RELEASED: { outcome: ReleaseOutcome; comment: string | null; notApplied: string | null };
  /** The old and new values are in the entry's `changes`. */
  CORRECTED: { fields: string[]; validateAgain: boolean };
  /** `amount`, `dayRate` and `currency` are null when no day rate is on file for the country. */
  CLAIMED: { claimNumber: string; days: number; dayRate: number | null; currency: string | null; amount: number | null; country: string };
  PAID: { claimNumber: string; paidOn: Day };
  /** The expiry date passed: the voucher's days go back to the customer's pool. */
  EXPIRED: Record<string, never>;
}
export type AuditCode = keyof AuditFactParams;
export type AuditFacts = { [C in AuditCode]: { code: C; params: AuditFactParams[C] } }[AuditCode];

export function auditFacts<C extends AuditCode>(code: C, params: AuditFactParams[C]): AuditFacts {
  return { code, params } as AuditFacts;
}

/** A release's English record and its facts (DOMAIN.md, Voucher states: the audit says why). */
export function releaseWhy(reason: string, outcome: ReleaseOutcome, extra: { comment?: string | null; notApplied?: string | null } = {}) {
  return {
    reason,
    facts: auditFacts('APPROVAL_RELEASED', { outcome, comment: extra.comment ?? null, notApplied: extra.notApplied ?? null }),
  };
}

/**
 * The English record of a cancellation's reason, as the audit's `reason` and the cancellations
 * list keep it: the list's code, then the words when given; words alone for "other".
 */
export function cancelRecord(reason: CancelReason, words: string | null): string {
  if (reason === 'other') return words ?? reason;
  return words ? `${reason}: ${words}` : reason;
}
