import { toCancelData } from '../../cards/cancel.card';
import { toClaimData } from '../../cards/claim.card';
import { toCompleteData } from '../../cards/complete.card';
import { render } from '../../cards/render';
import { toReserveData } from '../../cards/reserve.card';
import { toScheduleData } from '../../cards/schedule.card';
import type { Voucher } from '../../domain/domain';
import type { Location } from '../../domain/location/location.model';
import { isQualified } from '../../domain/person/person.model';
import { scoped } from '../../domain/scope';
import type { HandlerContext, Reply } from '../routing/types';
import { programNames } from './programs';

/** The form cards; each reads the voucher as it is now, and the domain checks the submission again. */
export type FormKind = 'reserve' | 'cancel' | 'schedule' | 'complete' | 'claim' | 'pay';

const cardCtx = (ctx: HandlerContext) => ({ locale: ctx.locale, now: ctx.domain.deps.clock.now() });

/** Locations approved for the program, of which this person is a contact (any for an admin); the choice list only. */
async function locationChoices(ctx: HandlerContext, v: Voucher): Promise<Location[]> {
  const all = await ctx.domain.deps.models.locations.find(scoped(ctx.actor.partnerId, { approvedPrograms: v.program ?? '' })).sort({ locationId: 1 }).lean<Location[]>();
  return ctx.actor.roles.includes('admin') ? all : all.filter((l: Location) => ctx.actor.locationIds.includes(l.locationId));
}

export async function voucherFormView(ctx: HandlerContext, kind: FormKind, v: Voucher, preferred: string | null = null): Promise<Reply> {
  const c = cardCtx(ctx);
  if (kind === 'reserve') {
    const locations = await locationChoices(ctx, v);
    const first = locations.find((l) => l.locationId === preferred?.toUpperCase());
    const ordered = first ? [first, ...locations.filter((l) => l !== first)] : locations;
    return { kind: 'card', card: render('reserve', toReserveData(v, { locations: ordered, programs: programNames() }, c)) };
  }
  if (kind === 'cancel') return { kind: 'card', card: render('cancel', toCancelData(v, c)) };
  if (kind === 'complete') return { kind: 'card', card: render('complete', toCompleteData(v, c)) };
  if (kind === 'schedule') {
    const people = await ctx.domain.people.list(ctx.actor);
    return { kind: 'card', card: render('schedule', toScheduleData(v, people.filter((p) => isQualified(p, v.program ?? '')), c)) };
  }
  const quote = (await ctx.domain.queries.details(ctx.actor, String(v._id))).claim;
  const dayRate = quote ? { amount: quote.dayRate, currency: quote.currency } : null;
  return { kind: 'card', card: render('claim', toClaimData(v, { deadline: quote?.deadline ?? null, dayRate }, c)) };
}
