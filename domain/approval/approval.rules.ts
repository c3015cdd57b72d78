import { refuse, type Refusal } from '../refusal';
import type { Actor } from '../person/person.model';
import type { Update } from '../write';
import { APPROVAL_KINDS, type Approval } from './approval.model';

/** How long the process that decided holds the effect before anyone else may finish it. */
export const SETTLE_LEASE_MS = 120_000;

export type Decision = 'approved' | 'rejected';

/** When a decision was taken, as an ISO instant; the refusal's text puts it in the reader's words. */
export const decidedAt = (at: Date): string => at.toISOString();

/** The refusal for an approval that is no longer pending: who decided, how and when. */
export function notPending(a: Approval): Refusal | null {
  if (a.status === 'pending') return null;
  const last = a.decisions.at(-1);
  if (a.status === 'expired' || !last) return refuse('APPROVAL_EXPIRED', { approvalId: String(a._id) });
  return refuse('APPROVAL_ALREADY_DECIDED', {
    approvalId: String(a._id),
    status: last.decision,
    decidedBy: last.name || last.by,
    decidedOn: decidedAt(last.at),
  });
}

/**
 * A manager decides a pending, unexpired approval they are an approver of (DOMAIN.md, People:
 * Manager). Separation of duties: not their own request, unless the partner allows it. Pure: the
 * update is applied conditionally on the approval still being pending (approval.service.ts).
 */
export function decideRule(
  a: Approval,
  actor: Actor,
  decision: Decision,
  comment: string | null,
  now: Date,
  allowSelfApproval: boolean,
): Refusal | Update {
  if (!actor.roles.includes('manager'))
    return refuse('NOT_PERMITTED', { action: decision === 'approved' ? 'approve' : 'reject', roles: ['manager'] });
  const decided = notPending(a);
  if (decided) return decided;
  // Only kinds whose effect is defined are decided: anything else would be applied as something it is not.
  if (!(APPROVAL_KINDS as readonly string[]).includes(a.kind)) return refuse('APPROVAL_KIND_UNSUPPORTED', { approvalId: String(a._id) });
  if (a.requestedBy === actor.aadObjectId && !allowSelfApproval) return refuse('SELF_APPROVAL_NOT_ALLOWED', { approvalId: String(a._id) });
  if (a.approvers.length > 0 && !a.approvers.includes(actor.aadObjectId) && a.requestedBy !== actor.aadObjectId) {
    return refuse('NOT_AN_APPROVER', { approvalId: String(a._id) });
  }
  if (now.getTime() >= a.expiresAt.getTime()) return refuse('APPROVAL_EXPIRED', { approvalId: String(a._id) });
  return {
    $set: { status: decision, settleBy: new Date(now.getTime() + SETTLE_LEASE_MS) },
    $push: { decisions: { by: actor.aadObjectId, name: actor.name, decision, comment, at: now } },
  };
}

/** The approval's precondition for a decision, as a filter (partner scope is added by the service). */
export const pendingFilter = (a: Pick<Approval, '_id'>, now: Date) => ({ _id: a._id, status: 'pending', expiresAt: { $gt: now } });

/** Who is asked: every manager, less the requester when they may not approve their own request. */
export function approversOf(managers: string[], requester: string, allowSelfApproval: boolean): string[] {
  return allowSelfApproval ? managers : managers.filter((m) => m !== requester);
}

/** Policy (DOMAIN.md, People): every redemption, and reservations at or above the partner's threshold. */
export function reservationNeedsApproval(days: number | null, threshold: number): boolean {
  return days !== null && days >= threshold;
}
