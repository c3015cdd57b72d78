import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { announceApproval } from '../proactive/approval-notify';
import { approvalView } from '../views/approval.view';

/** `redemption.confirm`: Yes, redeem, which asks a manager to approve (the domain decides; twin: `redeem`). */
export const confirmRedemptionAction: Handler<VerbData<'redemption.confirm'>> = async (ctx, d) => {
  const result = await ctx.domain.approvals.requestRedemption(ctx.actor, { voucherIds: d.voucherIds });
  return approvalView(ctx, result.approval, await announceApproval(ctx, result.approval));
};
