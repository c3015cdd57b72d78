import { toApprovalRequestData, toApprovalsListData } from '../../cards/approval.card';
import { render } from '../../cards/render';
import type { Approval } from '../../domain/domain';
import type { HandlerContext, Reply } from '../routing/types';
import { peopleNames } from './voucher.view';

const cardCtx = (ctx: HandlerContext) => ({ locale: ctx.locale, now: ctx.domain.deps.clock.now() });

/**
 * The approval card as this person sees it: Approve / Reject for an approver of a pending
 * request, the status otherwise. The vouchers are read again (their completion and deliverables).
 */
export async function approvalView(ctx: HandlerContext, a: Approval, notice: readonly string[] = []): Promise<Reply> {
  const [names, vouchers] = await Promise.all([
    peopleNames(ctx),
    Promise.all(a.voucherIds.slice(0, 20).map((id) => ctx.domain.vouchers.get(ctx.actor, String(id)))),
  ]);
  const data = toApprovalRequestData(a, vouchers, { aadObjectId: ctx.actor.aadObjectId }, names, cardCtx(ctx), notice);
  return { kind: 'card', card: render('approval-request', data) };
}

/** The approvals waiting for this manager, each opening its card. */
export async function approvalsView(ctx: HandlerContext, approvals: Approval[]): Promise<Reply> {
  const data = toApprovalsListData(approvals, await peopleNames(ctx), cardCtx(ctx));
  return { kind: 'card', card: render('approvals-list', data) };
}
