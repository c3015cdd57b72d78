import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { currentAsShown } from './shown';

/** `voucher.complete-form`: opens the complete form for the voucher as it is now (twin: the command's form). */
export const completeFormAction: Handler<VerbData<'voucher.complete-form'>> = async (ctx, d) =>
  voucherFormView(ctx, 'complete', await currentAsShown(ctx, d));
