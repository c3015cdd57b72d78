import { z } from 'zod';
import { utcDay } from '../calendar';
import type { Enrollment } from '../enrollment/enrollment.model';
import { email } from '../inputs';
import { isoCountry } from '../location/country';
import type { DomainDeps } from '../models';
import { checkMember } from '../person/actor';
import type { Actor } from '../person/person.model';
import type { ProgramCode } from '../program/program.catalog';
import { programCode } from '../program/program.catalog';
import { parseInput } from '../refusal';
import { scoped } from '../scope';
import { recordAdminChange } from './admin-audit';
import type { Profile } from './partner.model';
import { partnerService } from './partner.service';

/** Partner Center's directory, where the official profile is updated (the product never calls Microsoft). */
export const PARTNER_CENTER_DIRECTORY_URL = 'https://partner.microsoft.com/dashboard/mpn/profile';

const list = <T extends z.ZodType<string>>(item: T) => z.array(item).max(250);
export const saveProfileInput = z.object({
  description: z.string().trim().max(2000),
  website: z
    .url({ protocol: /^https$/ })
    .max(500)
    .nullable(),
  contactEmail: email.nullable(),
  countries: list(isoCountry),
  languages: list(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{2}$/, 'ISO 639-1 language expected'),
  ),
  programs: list(programCode),
});

/** Directory profile (issue 9, step 6; DOMAIN.md step 3): read by everyone, changed by admins. */
export function profileAdmin(deps: DomainDeps) {
  const partners = partnerService(deps);
  return {
    async get(actor: Actor): Promise<Profile | null> {
      checkMember(actor, 'viewPartner');
      return deps.models.profiles.findOne(scoped(actor.partnerId, {})).lean<Profile>();
    },
    /** Programs with a current enrollment today: the only ones the profile may offer. */
    async offerable(actor: Actor): Promise<ProgramCode[]> {
      checkMember(actor, 'viewPartner');
      const today = utcDay(deps.clock.now());
      const current = await deps.models.enrollments
        .find(scoped(actor.partnerId, { renewBy: { $gte: today } }), { program: 1 })
        .lean<Pick<Enrollment, 'program'>[]>();
      return current.map((e) => programCode.parse(e.program));
    },
    async saveProfile(actor: Actor, raw: z.input<typeof saveProfileInput>): Promise<Profile> {
      const i = parseInput(saveProfileInput, raw);
      const profile = await partners.updateProfile(actor, {
        ...i,
        countries: [...new Set(i.countries)],
        languages: [...new Set(i.languages)],
      });
      await recordAdminChange(deps, actor, 'profile.update', '');
      return profile;
    },
  };
}
