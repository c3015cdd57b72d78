import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';

/** `voucher.cancel-form`: opens the cancel form for the voucher as it is now. */
export const cancelFormAction: Handler<VerbData<'voucher.cancel-form'>> = async (ctx, d) => voucherFormView(ctx, 'cancel', await ctx.domain.vouchers.get(ctx.actor, d.voucherId));
