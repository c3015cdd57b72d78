import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { announceDecision } from '../proactive/approval-notify';
import { approvalView } from '../views/approval.view';

/** `approval.reject`: Reject with a reason (twin: `reject`). */
export const rejectAction: Handler<VerbData<'approval.reject'>> = async (ctx, d) => {
  const result = await ctx.domain.approvals.reject(ctx.actor, { approvalId: d.approvalId, comment: d.reason });
  await announceDecision(ctx, result.approval);
  return approvalView(ctx, result.approval);
};
