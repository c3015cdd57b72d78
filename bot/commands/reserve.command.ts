import { z } from 'zod';
import type { Voucher } from '../../domain/domain';
import type { Location } from '../../domain/location/location.model';
import { scoped } from '../../domain/scope';
import { messages } from '../i18n/messages';
import { fold } from '../routing/normalise';
import type { Handler, HandlerContext, Reply } from '../routing/types';
import { voucherFormView } from '../views/forms.view';
import { refusalView } from '../views/message.view';
import { numberArg, voucherByNumber } from './lookup';

/** Words between the number and the location that say nothing ("at FR-PAR", "pour le site Paris"). */
const CONNECTORS = new Set(
  [
    'at',
    'in',
    'for',
    'to',
    'under',
    'on',
    'from',
    'location',
    'site',
    'a',
    'à',
    'au',
    'en',
    'pour',
    'sur',
    'sous',
    'le',
    'la',
    'chez',
    'de',
    'du',
    'emplacement',
    'lieu',
  ].map(fold),
);

/** `reserve <number> [location]` / `réserver`: the reservation form (validation, terms, location). */
export const reserveArgs = () =>
  z
    .tuple([numberArg], z.string().max(64))
    .refine((a) => a.length <= 8)
    .transform(([number, ...words]) => {
      const location = words.map((w) => w.replace(/^[("'“«]+|[)"'”»,;:]+$/gu, '')).filter((w) => w !== '' && !CONNECTORS.has(fold(w)));
      return { number, location: location.length > 0 ? location.join(' ') : null };
    });

/** The partner's location a person named: by its id, else its name, else its country when only one location is there. */
export function locationNamed(all: readonly Location[], typed: string): Location | null {
  const t = fold(typed).replace(/\s+/gu, ' ');
  const byId = all.find((l) => fold(l.locationId) === t) ?? all.find((l) => fold(l.name) === t);
  if (byId) return byId;
  const inCountry = all.filter((l) => fold(l.country) === t);
  return inCountry.length === 1 ? (inCountry[0] ?? null) : null;
}

/** A location that is not the partner's, or that this voucher cannot be reserved under: said, with those it can. */
async function locationProblem(
  ctx: HandlerContext,
  v: Voucher,
  typed: string,
): Promise<{ reply: Reply | null; locationId: string | null }> {
  const t = messages[ctx.locale];
  const all = await ctx.domain.deps.models.locations.find(scoped(ctx.actor.partnerId, {})).sort({ locationId: 1 }).lean<Location[]>();
  const usable = all.filter(
    (l) =>
      l.approvedPrograms.includes(v.program ?? '') && (ctx.actor.roles.includes('admin') || ctx.actor.locationIds.includes(l.locationId)),
  );
  // "FR-PAR", "Paris", "FR"; a word of more ("FR-PAR next week") is tried alone.
  const found =
    locationNamed(all, typed) ??
    typed
      .split(/\s+/u)
      .map((w) => locationNamed(all, w))
      .find((l) => l !== null) ??
    null;
  const list = usable.map((l) => `${l.locationId} (${l.name}, ${l.country})`).join(', ');
  const example = `${ctx.locale === 'fr' ? 'réserver' : 'reserve'} ${v.number} ${usable[0]?.locationId ?? ''}`.trim();
  if (!found) return { reply: refusalView(t.locationUnknown(typed.slice(0, 40), list, example), ctx.locale), locationId: null };
  if (!usable.includes(found))
    return { reply: refusalView(t.locationNotUsable(found.locationId, v.number, list, example), ctx.locale), locationId: null };
  return { reply: null, locationId: found.locationId };
}

export const reserveForm: Handler<{ number: string; location: string | null }> = async (ctx, { number, location }) => {
  const v = await voucherByNumber(ctx, number);
  // A voucher that cannot be reserved now is said so first (its card and why), whatever location was typed.
  if (!location || v.state !== 'assigned' || v.pendingApprovalId) return voucherFormView(ctx, 'reserve', v, null);
  const { reply, locationId } = await locationProblem(ctx, v, location);
  return reply ?? voucherFormView(ctx, 'reserve', v, locationId);
};
