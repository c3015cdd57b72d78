import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { approvalView } from '../views/approval.view';

/** `approval.refresh`: returns the approval card for whoever looks; never updates the message (STYLE.md §5; twin: `approvals`). */
export const refreshApprovalAction: Handler<VerbData<'approval.refresh'>> = async (ctx, d) =>
  approvalView(ctx, await ctx.domain.approvals.get(ctx.actor, d.approvalId));
