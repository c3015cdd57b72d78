import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';

/** `voucher.complete-form`: opens the complete form for the voucher as it is now. */
export const completeFormAction: Handler<VerbData<'voucher.complete-form'>> = async (ctx, d) => voucherFormView(ctx, 'complete', await ctx.domain.vouchers.get(ctx.actor, d.voucherId));
