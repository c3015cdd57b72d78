import type { VerbData } from '../../cards/verbs';
import { systemActor } from '../../domain/person/person.service';
import { fold } from '../routing/normalise';
import type { Handler, HandlerContext } from '../routing/types';
import { voucherView } from '../views/voucher.view';

/**
 * The consultant as typed: an AAD object id (the form's choice), a name, or nobody (the person
 * scheduling). Qualification is the domain's rule, not checked here.
 */
export async function consultantNamed(ctx: HandlerContext, typed: string | null): Promise<string> {
  if (!typed) return ctx.actor.aadObjectId;
  const people = await ctx.domain.people.list(systemActor(ctx.actor.partnerId));
  const match = people.find((p) => p.aadObjectId === typed || fold(p.name) === fold(typed) || p.email === typed.toLowerCase());
  return match?.aadObjectId ?? typed;
}

/** `voucher.schedule`: the schedule form's dates and consultant (twin: `schedule`). */
export const scheduleVoucherAction: Handler<VerbData<'voucher.schedule'>> = async (ctx, d) => {
  const consultant = await consultantNamed(ctx, d.consultant);
  const v = await ctx.domain.vouchers.schedule(ctx.actor, { voucherId: d.voucherId, start: d.start, end: d.end, consultantAadObjectId: consultant });
  return voucherView(ctx, v, null);
};
