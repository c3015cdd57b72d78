import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { currentAsShown } from './shown';

/** `voucher.pay-form`: opens the pay form for the voucher as it is now (twin: the command's form). */
export const payFormAction: Handler<VerbData<'voucher.pay-form'>> = async (ctx, d) =>
  voucherFormView(ctx, 'pay', await currentAsShown(ctx, d));
