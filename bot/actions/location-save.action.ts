import type { VerbData } from '../../cards/verbs';
import { isIsoCountry, partnerAdmin } from '../../domain/partner/partner-admin';
import { adminTexts } from '../i18n/admin';
import type { Handler } from '../routing/types';
import { locationsView } from '../views/admin.view';
import { refusalView } from '../views/message.view';

/** The location form's Save: id, name, an ISO 3166-1 alpha-2 country (anything else is refused and changes nothing) and contacts among the partner's people. */
export const saveLocationAction: Handler<VerbData<'location.save'>> = async (ctx, d) => {
  const t = adminTexts[ctx.locale];
  if (!isIsoCountry(d.country.toUpperCase())) return refusalView(t.badCountry(d.country), ctx.locale);
  const people = d.contacts ? (await ctx.domain.people.list(ctx.actor)).filter((p) => d.contacts?.includes(p.aadObjectId)) : null;
  if (people && d.contacts && people.length !== new Set(d.contacts).size) return refusalView(t.personUnknown, ctx.locale);
  const contacts = people?.map((p) => ({ aadObjectId: p.aadObjectId, name: p.name, email: p.email }));
  const location = await partnerAdmin(ctx.domain.deps).locations.saveLocation(ctx.actor, {
    locationId: d.locationId,
    name: d.name,
    country: d.country,
    contacts,
  });
  return locationsView(ctx, t.locationSaved(location.locationId));
};
