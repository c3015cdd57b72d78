import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { currentAsShown } from './shown';

/** `voucher.claim-form`: opens the claim form for the voucher as it is now (twin: the command's form). */
export const claimFormAction: Handler<VerbData<'voucher.claim-form'>> = async (ctx, d) =>
  voucherFormView(ctx, 'claim', await currentAsShown(ctx, d));
