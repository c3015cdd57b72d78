import { toCancelData } from '../../cards/cancel.card';
import { toClaimData } from '../../cards/claim.card';
import { toCompleteData } from '../../cards/complete.card';
import { render } from '../../cards/render';
import { toReserveData } from '../../cards/reserve.card';
import { toScheduleData } from '../../cards/schedule.card';
import { labelsFor } from '../../cards/locale';
import type { Voucher, VoucherAction } from '../../domain/domain';
import type { Location } from '../../domain/location/location.model';
import { isQualified } from '../../domain/person/person.model';
import { scoped } from '../../domain/scope';
import type { HandlerContext, Reply } from '../routing/types';
import { messages } from '../i18n/messages';
import { programNames } from './programs';
import { voucherView } from './voucher.view';

/** The form cards; each reads the voucher as it is now, and the domain checks the submission again. */
export type FormKind = 'reserve' | 'cancel' | 'schedule' | 'complete' | 'claim' | 'pay';

const cardCtx = (ctx: HandlerContext) => ({ locale: ctx.locale, now: ctx.domain.deps.clock.now() });

/**
 * Locations approved for the program, of which this person is a contact (any for an admin): named
 * among its contacts or given it among their locations, as the domain's contact check; the choice list only.
 */
async function locationChoices(ctx: HandlerContext, v: Voucher): Promise<Location[]> {
  const all = await ctx.domain.deps.models.locations
    .find(scoped(ctx.actor.partnerId, { approvedPrograms: v.program ?? '' }))
    .sort({ locationId: 1 })
    .lean<Location[]>();
  const isContact = (l: Location) =>
    ctx.actor.locationIds.includes(l.locationId) || l.contacts.some((c) => c.aadObjectId === ctx.actor.aadObjectId);
  return ctx.actor.roles.includes('admin') ? all : all.filter(isContact);
}

/** The domain's actions a form leads to (the reserve form also validates the voucher). */
const FORM_ACTIONS: Record<FormKind, readonly VoucherAction[]> = {
  reserve: ['reserve', 'validate'],
  cancel: ['cancel'],
  schedule: ['schedule'],
  complete: ['complete'],
  claim: ['claim'],
  pay: ['pay'],
};

/**
 * A form only when the domain allows its action now for this person: otherwise the voucher's
 * card (with the buttons valid now) and a line saying so, instead of a form that can only be refused.
 */
export async function voucherFormView(ctx: HandlerContext, kind: FormKind, v: Voucher, preferred: string | null = null): Promise<Reply> {
  const { actions } = await ctx.domain.queries.details(ctx.actor, String(v._id));
  if (!actions.some((a) => FORM_ACTIONS[kind].includes(a))) {
    const keyword = labelsFor(ctx.locale).help.commands[kind === 'pay' ? 'paid' : kind].usage.split(' ')[0] ?? kind;
    return voucherView(ctx, String(v._id), [messages[ctx.locale].notNow(keyword, v.number, labelsFor(ctx.locale).state[v.state])]);
  }
  return formCard(ctx, kind, v, preferred);
}

async function formCard(ctx: HandlerContext, kind: FormKind, v: Voucher, preferred: string | null): Promise<Reply> {
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
    return {
      kind: 'card',
      card: render(
        'schedule',
        toScheduleData(
          v,
          people.filter((p) => isQualified(p, v.program ?? '')),
          c,
        ),
      ),
    };
  }
  const quote = (await ctx.domain.queries.details(ctx.actor, String(v._id))).claim;
  const dayRate = quote && quote.dayRate !== null && quote.currency !== null ? { amount: quote.dayRate, currency: quote.currency } : null;
  return { kind: 'card', card: render('claim', toClaimData(v, { deadline: quote?.deadline ?? null, dayRate }, c)) };
}
