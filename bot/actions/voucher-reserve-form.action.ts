import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { currentAsShown } from './shown';

/** `voucher.reserve-form`: opens the reserve form for the voucher as it is now (twin: the command's form). */
export const reserveFormAction: Handler<VerbData<'voucher.reserve-form'>> = async (ctx, d) =>
  voucherFormView(ctx, 'reserve', await currentAsShown(ctx, d));
