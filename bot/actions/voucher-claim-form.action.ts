import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';

/** `voucher.claim-form`: opens the claim form for the voucher as it is now. */
export const claimFormAction: Handler<VerbData<'voucher.claim-form'>> = async (ctx, d) => voucherFormView(ctx, 'claim', await ctx.domain.vouchers.get(ctx.actor, d.voucherId));
