import { toRedeemPickData, toRedeemReviewData } from '../../cards/redeem.card';
import { render } from '../../cards/render';
import type { Voucher } from '../../domain/domain';
import type { VoucherSummary } from '../../domain/voucher/voucher.queries';
import type { HandlerContext, Reply } from '../routing/types';

const cardCtx = (ctx: HandlerContext) => ({ locale: ctx.locale, now: ctx.domain.deps.clock.now() });

/** Redeem: the completed vouchers to pick (expanded checkboxes). */
export async function redemptionPickView(ctx: HandlerContext, vouchers: VoucherSummary[]): Promise<Reply> {
  return { kind: 'card', card: render('redeem-pick', toRedeemPickData(vouchers, cardCtx(ctx))) };
}

/** One review card listing each picked voucher with its facts, and Yes, redeem. */
export async function redemptionReviewView(ctx: HandlerContext, vouchers: Voucher[]): Promise<Reply> {
  return { kind: 'card', card: render('redeem-review', toRedeemReviewData(vouchers, cardCtx(ctx))) };
}
