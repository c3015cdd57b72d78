import { render } from '../../cards/render';
import { toVoucherFoundData } from '../../cards/voucher-found.card';
import type { VoucherEmailAnalysis } from '../../domain/intake/types';
import type { VoucherSummary } from '../../domain/voucher/voucher.queries';
import type { HandlerContext, Reply } from '../routing/types';
import { programNames } from './programs';

/** The Voucher found card: the parsed fields, an input per missing one, Add voucher / Add and reserve. */
export async function voucherFoundView(ctx: HandlerContext, email: VoucherEmailAnalysis, _existing: VoucherSummary | null): Promise<Reply> {
  const data = toVoucherFoundData({ parsed: email.result, senderEmail: null, messageId: null }, programNames(), ctx.locale);
  return { kind: 'card', card: render('voucher-found', data) };
}
