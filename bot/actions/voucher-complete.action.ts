import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { noticeLines, voucherView } from '../views/voucher.view';

/**
 * `voucher.complete`: the customer planning deliverable as an https link when given, then the
 * completion report (twin: `complete`). Two state changes, each one conditional update; the link
 * is recorded first so a refused report leaves a deliverable the next try keeps.
 */
export const completeVoucherAction: Handler<VerbData<'voucher.complete'>> = async (ctx, d) => {
  const linked = d.deliverableUrl
    ? await ctx.domain.deliverables.addLink(ctx.actor, {
        voucherId: d.voucherId,
        name: d.deliverableUrl.split('/').pop() || d.deliverableUrl,
        url: d.deliverableUrl,
      })
    : null;
  const { deliverableUrl: _link, ...report } = d;
  const done = await ctx.domain.vouchers.complete(ctx.actor, report);
  return voucherView(ctx, d.voucherId, [...(linked ? noticeLines(ctx, linked) : []), ...noticeLines(ctx, done)]);
};
