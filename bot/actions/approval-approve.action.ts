import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { announceDecision } from '../proactive/approval-notify';
import { approvalView } from '../views/approval.view';

/** `approval.approve`: Approve on the approval card (twin: `approve`). */
export const approveAction: Handler<VerbData<'approval.approve'>> = async (ctx, d) => {
  const result = await ctx.domain.approvals.approve(ctx.actor, { approvalId: d.approvalId, comment: d.comment ?? null });
  await announceDecision(ctx, result.approval);
  return approvalView(ctx, result.approval);
};
