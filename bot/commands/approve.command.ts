import { z } from 'zod';
import { refuse } from '../../domain/refusal';
import type { Handler, HandlerContext } from '../routing/types';
import { announceDecision } from '../proactive/approval-notify';
import { approvalView } from '../views/approval.view';
import { numberArg, voucherByNumber } from './lookup';

/** An approval named by its id or by the number of a voucher it holds. */
export async function approvalIdOf(ctx: HandlerContext, ref: string): Promise<string> {
  if (/^[0-9a-f]{24}$/i.test(ref)) return ref;
  const v = await voucherByNumber(ctx, ref);
  if (!v.pendingApprovalId) throw refuse('APPROVAL_NOT_FOUND', { approvalId: ref });
  return String(v.pendingApprovalId);
}

/** `approve <id|number> [comment]` / `approuver`. */
export const approveArgs = () =>
  z.tuple([numberArg], z.string()).transform(([ref, ...words]) => ({ ref, comment: words.join(' ') || null }));

export const approveRequest: Handler<{ ref: string; comment: string | null }> = async (ctx, { ref, comment }) => {
  const result = await ctx.domain.approvals.approve(ctx.actor, { approvalId: await approvalIdOf(ctx, ref), comment });
  await announceDecision(ctx, result.approval);
  return approvalView(ctx, result.approval);
};
