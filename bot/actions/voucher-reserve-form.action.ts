import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';

/** `voucher.reserve-form`: opens the reserve form for the voucher as it is now. */
export const reserveFormAction: Handler<VerbData<'voucher.reserve-form'>> = async (ctx, d) => voucherFormView(ctx, 'reserve', await ctx.domain.vouchers.get(ctx.actor, d.voucherId));
