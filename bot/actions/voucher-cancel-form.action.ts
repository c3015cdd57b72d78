import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { currentAsShown } from './shown';

/** `voucher.cancel-form`: opens the cancel form for the voucher as it is now (twin: the command's form). */
export const cancelFormAction: Handler<VerbData<'voucher.cancel-form'>> = async (ctx, d) =>
  voucherFormView(ctx, 'cancel', await currentAsShown(ctx, d));
