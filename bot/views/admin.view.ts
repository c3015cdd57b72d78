import { toEligibilityData } from '../../cards/eligibility.card';
import { toEnrollmentData } from '../../cards/enrollment.card';
import { toLocationFormData, toLocationsData } from '../../cards/locations.card';
import { toPartnerStatusData } from '../../cards/partner-status.card';
import { toPeopleData, toPersonFormData } from '../../cards/people.card';
import { toProfileData } from '../../cards/profile.card';
import { render } from '../../cards/render';
import { toSettingsData } from '../../cards/setup.card';
import type { Location } from '../../domain/location/location.model';
import { countryName, partnerAdmin, PARTNER_CENTER_DIRECTORY_URL } from '../../domain/partner/partner-admin';
import type { Person } from '../../domain/person/person.model';
import { PROGRAM_CODES, type ProgramCode } from '../../domain/program/program.catalog';
import type { HandlerContext, Reply } from '../routing/types';

/** The partner administration cards (issue 9), each read from the database as it is now. */
const cardCtx = (ctx: HandlerContext) => ({ locale: ctx.locale, now: ctx.domain.deps.clock.now() });
const admin = (ctx: HandlerContext) => partnerAdmin(ctx.domain.deps);
const names = (ctx: HandlerContext, codes: string[]) => Object.fromEntries(codes.map((c) => [c, countryName(c, ctx.locale)]));

export async function settingsView(ctx: HandlerContext, notice: string | null = null): Promise<Reply> {
  const partner = await admin(ctx).partner(ctx.actor);
  const shown = partner ?? { name: ctx.partnerName, settings: { approvalDaysThreshold: 10 } };
  return { kind: 'card', card: render('setup', toSettingsData(shown, ctx.locale, notice)) };
}

export async function peopleView(ctx: HandlerContext, notice: string | null = null): Promise<Reply> {
  const people = await ctx.domain.people.list(ctx.actor);
  return { kind: 'card', card: render('people', toPeopleData(ctx.partnerName, people, cardCtx(ctx), notice)) };
}

export async function personFormView(ctx: HandlerContext, person: Person, notice: string | null = null): Promise<Reply> {
  const locations = await admin(ctx).locations.list(ctx.actor);
  return { kind: 'card', card: render('person-form', toPersonFormData(person, locations, PROGRAM_CODES, cardCtx(ctx), notice)) };
}

export async function locationsView(ctx: HandlerContext, notice: string | null = null): Promise<Reply> {
  const locations = await admin(ctx).locations.list(ctx.actor);
  const countries = names(
    ctx,
    locations.map((l) => l.country),
  );
  return { kind: 'card', card: render('locations', toLocationsData(ctx.partnerName, locations, countries, cardCtx(ctx), notice)) };
}

export async function locationFormView(ctx: HandlerContext, location: Location | null): Promise<Reply> {
  const people = await ctx.domain.people.list(ctx.actor);
  return { kind: 'card', card: render('location-form', toLocationFormData(location, people, cardCtx(ctx))) };
}

export async function eligibilityView(ctx: HandlerContext, program: ProgramCode, notice: string | null = null): Promise<Reply> {
  const view = await admin(ctx).enrollment.checklist(ctx.actor, program);
  return { kind: 'card', card: render('eligibility', toEligibilityData(view, cardCtx(ctx), notice)) };
}

export async function enrollmentView(ctx: HandlerContext, program: ProgramCode, notice: string | null = null): Promise<Reply> {
  const a = admin(ctx);
  const [view, enrollment, locations] = await Promise.all([
    a.enrollment.checklist(ctx.actor, program),
    a.enrollment.enrollment(ctx.actor, program),
    a.locations.list(ctx.actor),
  ]);
  return {
    kind: 'card',
    card: render('enrollment', toEnrollmentData({ program, status: view.status, enrollment, locations }, cardCtx(ctx), notice)),
  };
}

export async function profileView(ctx: HandlerContext, notice: string | null = null): Promise<Reply> {
  const a = admin(ctx);
  const [profile, offerable] = await Promise.all([a.profile.get(ctx.actor), a.profile.offerable(ctx.actor)]);
  const by = profile ? await a.people.findPerson(ctx.actor, profile.updatedBy) : null;
  const input = {
    partner: ctx.partnerName,
    profile,
    updatedByName: by?.name ?? profile?.updatedBy ?? null,
    offerable,
    canEdit: ctx.actor.roles.includes('admin'),
    directoryUrl: PARTNER_CENTER_DIRECTORY_URL,
  };
  return { kind: 'card', card: render('profile', toProfileData(input, cardCtx(ctx), notice)) };
}

export async function statusView(ctx: HandlerContext, notice: string | null = null): Promise<Reply> {
  const overview = await admin(ctx).overview(ctx.actor);
  return {
    kind: 'card',
    card: render(
      'partner-status',
      toPartnerStatusData(
        overview,
        names(
          ctx,
          overview.locations.map((l) => l.country),
        ),
        cardCtx(ctx),
        notice,
      ),
    ),
  };
}
