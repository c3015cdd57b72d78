import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { approvalView } from '../views/forms.view';

/** `approval.reject`: Reject with a reason (twin: `reject`). */
export const rejectAction: Handler<VerbData<'approval.reject'>> = async (ctx, d) =>
  approvalView(ctx, (await ctx.domain.approvals.reject(ctx.actor, { approvalId: d.approvalId, comment: d.reason })).approval);
