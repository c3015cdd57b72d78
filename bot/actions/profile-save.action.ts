import type { VerbData } from '../../cards/verbs';
import { isIsoCountry, partnerAdmin } from '../../domain/partner/partner-admin';
import { adminTexts } from '../i18n/admin';
import type { Handler } from '../routing/types';
import { profileView } from '../views/admin.view';
import { refusalView } from '../views/message.view';

/** The profile card's Save (admins): countries must be ISO codes; only currently enrolled programs may be offered (domain). */
export const saveProfileAction: Handler<VerbData<'profile.save'>> = async (ctx, d) => {
  const t = adminTexts[ctx.locale];
  const countries = d.countries.map((c) => c.toUpperCase());
  const bad = countries.find((c) => !isIsoCountry(c));
  if (bad !== undefined) return refusalView(t.badCountry(bad), ctx.locale);
  const input = { description: d.description, website: d.website ?? null, contactEmail: d.contactEmail ?? null, countries, languages: d.languages, programs: d.programs };
  await partnerAdmin(ctx.domain.deps).profile.saveProfile(ctx.actor, input as Parameters<ReturnType<typeof partnerAdmin>['profile']['saveProfile']>[1]);
  return profileView(ctx, t.profileSaved);
};
