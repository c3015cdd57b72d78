import { render } from '../../cards/render';
import { toVoucherDetailsData } from '../../cards/voucher-details.card';
import type { DomainResult, Voucher } from '../../domain/domain';
import { noticeText } from '../../domain/notice';
import type { VoucherEvent } from '../../domain/voucher/voucher.machine';
import type { HandlerContext, Reply } from '../routing/types';
import { programNames } from './programs';
import type { Location } from '../../domain/location/location.model';
import { scoped } from '../../domain/scope';
import { collectionsOf, readCacheOf } from '../routing/read-cache';

/** The domain's actions that are also state-machine events (the ones the card has buttons for). */
const EVENTS: readonly string[] = ['reserve', 'requestReservation', 'cancel', 'schedule', 'complete', 'requestRedemption', 'claim', 'pay'];

/** Display names of the partner's people by AAD object id (audit entries, consultant). */
export function peopleNames(ctx: HandlerContext): Promise<Record<string, string>> {
  const { domain, actor } = ctx;
  const load = async () => Object.fromEntries((await domain.people.list(actor)).map((p) => [p.aadObjectId, p.name]));
  // Someone the domain would refuse the list to is refused by the domain, never served from the cache.
  if (actor.roles.length === 0) return load();
  return readCacheOf(domain).get(`names|${String(actor.partnerId)}`, collectionsOf(domain, 'people'), load);
}

/**
 * A location of the actor's partner, as read by a turn of the last IDENTITY_CACHE_MS (or now): for
 * what a card shows and a form's defaults. The domain reads it again when an action runs.
 */
export function partnerLocation(ctx: HandlerContext, locationId: string): Promise<Location | null> {
  const { domain, actor } = ctx;
  const read = () => domain.deps.models.locations.findOne(scoped(actor.partnerId, { locationId })).lean<Location>();
  return readCacheOf(domain).get(
    `location|${String(actor.partnerId)}|${locationId}`,
    collectionsOf(domain, 'locations'),
    read,
    (l) => l !== null,
  );
}

/**
 * The details card as it is now for the person looking: the buttons are the actions the domain
 * allows this person now; `lines` (what just happened, or why the card was stale) go on top.
 * `voucher` is an id, or the voucher as this turn has just read or written it (one read fewer).
 */
export async function voucherView(ctx: HandlerContext, voucher: string | Voucher, lines: readonly string[] = []): Promise<Reply> {
  const [d, names] = await Promise.all([
    ctx.domain.queries.details(ctx.actor, voucher, { partner: ctx.partner, location: (id) => partnerLocation(ctx, id) }),
    peopleNames(ctx),
  ]);
  const data = toVoucherDetailsData(
    d.voucher,
    {
      allowed: d.actions.filter((a) => EVENTS.includes(a)) as VoucherEvent[],
      location: d.location,
      pendingApproval: d.approval,
      names,
      programs: programNames(),
      notice: lines.join('\n\n') || null,
    },
    { locale: ctx.locale, now: ctx.domain.deps.clock.now() },
  );
  return { kind: 'card', card: render('voucher-details', data) };
}

/** What a service said, in the user's language. */
export const noticeLines = (ctx: HandlerContext, result: Pick<DomainResult, 'notices'>): string[] =>
  result.notices.map((n) => noticeText(n, ctx.locale));

/** After an action on one voucher: the voucher as it is now, with what the domain said. */
export const voucherResultView = (ctx: HandlerContext, result: DomainResult & { voucher: Voucher }): Promise<Reply> =>
  voucherView(ctx, result.voucher, noticeLines(ctx, result));
