import { toCancelData } from '../../cards/cancel.card';
import { toClaimData } from '../../cards/claim.card';
import { toCompleteData } from '../../cards/complete.card';
import { render } from '../../cards/render';
import { toReserveData } from '../../cards/reserve.card';
import { toScheduleData } from '../../cards/schedule.card';
import type { Approval, Voucher } from '../../domain/domain';
import type { Location } from '../../domain/location/location.model';
import { isQualified } from '../../domain/person/person.model';
import { scoped } from '../../domain/scope';
import type { VoucherSummary } from '../../domain/voucher/voucher.queries';
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

export async function redemptionView(ctx: HandlerContext, stage: 'pick' | 'review', vouchers: VoucherSummary[]): Promise<Reply> {
  return { kind: 'text', text: `${stage}\n\n${vouchers.map((v) => v.number).join('\n\n') || '-'}` };
}

export async function approvalView(ctx: HandlerContext, a: Approval, notice: string | null = null): Promise<Reply> {
  return { kind: 'text', text: [notice, `${a.kind} ${a.voucherNumbers.join(', ')}: ${a.status} (${String(a._id)})`].filter(Boolean).join('\n\n') };
}

export async function approvalsView(ctx: HandlerContext, approvals: Approval[]): Promise<Reply> {
  return { kind: 'text', text: approvals.map((a) => `${a.kind} ${a.voucherNumbers.join(', ')} (${String(a._id)})`).join('\n\n') || '-' };
}
