import { z } from 'zod';
import type { Handler } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { numberArg, voucherByNumber } from './lookup';

/** `reserve <number> [location]` / `réserver`: the reservation form (validation, terms, location). */
export const reserveArgs = () =>
  z.tuple([numberArg], z.string().max(64)).refine((a) => a.length <= 2).transform(([number, location]) => ({ number, location: location?.toUpperCase() ?? null }));

export const reserveForm: Handler<{ number: string; location: string | null }> = async (ctx, { number, location }) => {
  const v = await voucherByNumber(ctx, number);
  return voucherFormView(ctx, 'reserve', v, location);
};
