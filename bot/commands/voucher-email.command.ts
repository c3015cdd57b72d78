import type { VoucherEmailAnalysis } from '../../domain/intake/types';
import type { HandlerContext, Reply } from '../routing/types';
import { voucherFoundView } from '../views/voucher-found.view';

/**
 * A pasted voucher email (text, or the text/html attachment Teams sends): the Voucher found card
 * with the parsed fields, inputs for the missing ones and Add voucher / Add and reserve. Nothing
 * is written until a button is clicked. A voucher already known is shown with its state.
 */
export async function pastedEmail(ctx: HandlerContext, email: VoucherEmailAnalysis): Promise<Reply> {
  const number = email.result.voucherNumber ?? '';
  const existing = number
    ? ((await ctx.domain.queries.search(ctx.actor, number, { limit: 1 })).find((v) => v.number === number) ?? null)
    : null;
  return voucherFoundView(ctx, email, existing);
}
