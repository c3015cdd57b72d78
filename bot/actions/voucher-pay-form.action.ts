import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';

/** `voucher.pay-form`: opens the pay form for the voucher as it is now. */
export const payFormAction: Handler<VerbData<'voucher.pay-form'>> = async (ctx, d) => voucherFormView(ctx, 'pay', await ctx.domain.vouchers.get(ctx.actor, d.voucherId));
