import { refuse, type Refusal } from '../refusal';
import type { Actor } from '../person/person.model';
import type { Approval } from './approval.model';

/** A decision as one conditional update of the approval (its status and version in the filter). */
export interface DecisionPlan {
  filter: Record<string, unknown>;
  update: Record<string, unknown>;
}

/**
 * A manager decides a pending, unexpired approval they are an approver of (DOMAIN.md, People:
 * Manager). Pure: `now` comes from the service's clock.
 */
export function decideRule(a: Approval, actor: Actor, decision: 'approved' | 'rejected', comment: string | null, now: Date): Refusal | DecisionPlan {
  if (!actor.roles.includes('manager')) return refuse('NOT_PERMITTED', { action: decision === 'approved' ? 'approve' : 'reject', roles: ['manager'] });
  if (a.approvers.length > 0 && !a.approvers.includes(actor.aadObjectId)) return refuse('NOT_AN_APPROVER', { approvalId: String(a._id) });
  if (a.status !== 'pending') return refuse('APPROVAL_ALREADY_DECIDED', { approvalId: String(a._id), status: a.status });
  if (now.getTime() >= a.expiresAt.getTime()) return refuse('APPROVAL_EXPIRED', { approvalId: String(a._id) });
  return {
    filter: { _id: a._id, version: a.version, status: 'pending', expiresAt: { $gt: now } },
    update: {
      $set: { status: decision },
      $push: { decisions: { by: actor.aadObjectId, decision, comment, at: now } },
      $inc: { version: 1 },
    },
  };
}

/** Policy (DOMAIN.md, People): every redemption, and reservations at or above the partner's threshold. */
export function reservationNeedsApproval(days: number | null, threshold: number): boolean {
  return days !== null && days >= threshold;
}
