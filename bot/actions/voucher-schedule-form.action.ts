import type { VerbData } from '../../cards/verbs';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { currentAsShown } from './shown';

/** `voucher.schedule-form`: opens the schedule form for the voucher as it is now (twin: the command's form). */
export const scheduleFormAction: Handler<VerbData<'voucher.schedule-form'>> = async (ctx, d) =>
  voucherFormView(ctx, 'schedule', await currentAsShown(ctx, d));
