import { z } from 'zod';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { numberArg, voucherByNumber } from './lookup';

/** `complete <number>` / `terminer`: the completion report form with the deliverable link. */
export const completeArgs = () => z.tuple([numberArg]).transform(([number]) => ({ number }));

export const completeForm: Handler<{ number: string }> = async (ctx, { number }) =>
  voucherFormView(ctx, 'complete', await voucherByNumber(ctx, number));
