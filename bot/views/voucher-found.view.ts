import { isoDay } from '../../cards/locale';
import { render } from '../../cards/render';
import { toVoucherFoundData } from '../../cards/voucher-found.card';
import type { VoucherEmailAnalysis } from '../../domain/intake/types';
import type { VoucherSummary } from '../../domain/voucher/voucher.queries';
import type { HandlerContext, Reply } from '../routing/types';
import { messages } from '../i18n/messages';
import { programNames } from './programs';
import { voucherView } from './voucher.view';

/** The Voucher found card: the parsed fields, an input per missing one, Add voucher / Add and reserve. */
export async function voucherFoundView(ctx: HandlerContext, email: VoucherEmailAnalysis, existing: VoucherSummary | null): Promise<Reply> {
  // A voucher already recorded is shown as it stands (state, buttons valid now), not offered again as new.
  if (existing) return voucherView(ctx, String(existing._id), [messages[ctx.locale].alreadyKnown(existing.number)]);
  const data = toVoucherFoundData(
    { parsed: email.result, senderEmail: null, messageId: null, today: isoDay(ctx.domain.deps.clock.now()) },
    programNames(),
    ctx.locale,
  );
  return { kind: 'card', card: render('voucher-found', data) };
}
