import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherView } from '../views/voucher.view';

/**
 * `voucher.complete`: the completion report, then the customer planning deliverable as an https
 * link when given (twin: `complete`). Two separate state changes, each one conditional update.
 */
export const completeVoucherAction: Handler<VerbData<'voucher.complete'>> = async (ctx, d) => {
  if (d.deliverableUrl) {
    await ctx.domain.deliverables.addLink(ctx.actor, { voucherId: d.voucherId, name: d.deliverableUrl.split('/').pop() || d.deliverableUrl, url: d.deliverableUrl });
  }
  const v = await ctx.domain.vouchers.complete(ctx.actor, {
    voucherId: d.voucherId,
    deliveredOn: d.deliveredOn,
    summary: d.summary,
    attendees: d.attendees,
    recommendations: d.recommendations,
  });
  return voucherView(ctx, v, null);
};
