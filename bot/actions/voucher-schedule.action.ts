import type { VerbData } from '../../cards/verbs';
import { fold } from '../routing/normalise';
import type { Handler, HandlerContext } from '../routing/types';
import { voucherResultView } from '../views/voucher.view';

/**
 * The consultant as typed: an AAD object id (the form's choice), a name or an email, or nobody
 * (the person scheduling). Whether they are qualified is the domain's rule, not checked here.
 */
export async function consultantNamed(ctx: HandlerContext, typed: string | null): Promise<string> {
  if (!typed) return ctx.actor.aadObjectId;
  const people = await ctx.domain.people.list(ctx.actor);
  const match = people.find((p) => p.aadObjectId === typed || fold(p.name) === fold(typed) || p.email === typed.toLowerCase());
  return match?.aadObjectId ?? typed;
}

/** `voucher.schedule`: the schedule form's dates and consultant (twin: `schedule`). */
export const scheduleVoucherAction: Handler<VerbData<'voucher.schedule'>> = async (ctx, d) => {
  const consultantAadObjectId = await consultantNamed(ctx, d.consultant);
  return voucherResultView(
    ctx,
    await ctx.domain.vouchers.schedule(ctx.actor, {
      voucherId: d.voucherId,
      expectedState: d.expectedState,
      start: d.start,
      end: d.end,
      consultantAadObjectId,
    }),
  );
};
