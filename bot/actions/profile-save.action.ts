import type { VerbData } from '../../cards/verbs';
import { isIsoCountry, partnerAdmin } from '../../domain/partner/partner-admin';
import { programList, programNamed } from '../commands/admin-words';
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
  const programs = d.programs.map((p) => programNamed(p));
  const unknown = d.programs.find((_p, i) => programs[i] === null);
  if (unknown !== undefined) return refusalView(t.unknownProgram(unknown, programList()), ctx.locale);
  const input = {
    description: d.description,
    website: d.website ?? null,
    contactEmail: d.contactEmail ?? null,
    countries,
    languages: d.languages,
    programs: programs.filter((p) => p !== null),
  };
  await partnerAdmin(ctx.domain.deps).profile.saveProfile(ctx.actor, input);
  return profileView(ctx, t.profileSaved);
};
