import { z } from 'zod';
import { isoDay, utcDay } from '../calendar';
import { calendarDate, text } from '../inputs';
import { refuseUnknownLocations } from '../location/location.service';
import type { DomainDeps } from '../models';
import { recordAdminChange, requireAdmin } from '../partner/admin-audit';
import { checkMember } from '../person/actor';
import type { Actor } from '../person/person.model';
import { programCode, type ProgramCode } from '../program/program.catalog';
import { EARLIEST_DATE, parseInput, refuse } from '../refusal';
import { scoped } from '../scope';
import { eligibilityService, type ChecklistView } from './eligibility.service';
import type { Enrollment } from './enrollment.model';

export const enrollmentInput = z.object({
  program: programCode,
  agreementSignedOn: calendarDate,
  complianceTrainingOn: calendarDate,
  locationIds: z.array(text(64).transform((l) => l.toUpperCase())).min(1),
});
export const ticksInput = z.object({ program: programCode, changes: z.array(z.object({ item: text(100), done: z.boolean() })).max(20) });

/** Signing and training already happened: a date after today is refused (issue 9, bad input). */
function refuseFuture(field: string, day: Date, now: Date): void {
  const today = utcDay(now);
  if (day.getTime() > today.getTime())
    throw refuse('DATE_OUT_OF_RANGE', { field, date: isoDay(day), earliest: isoDay(EARLIEST_DATE), latest: isoDay(today) });
}

/** Eligibility (step 1) and enrollment (step 2) as partner admins run them in chat, audited. */
export function enrollmentAdmin(deps: DomainDeps) {
  const eligibility = eligibilityService(deps);
  const enrollments = async (actor: Actor): Promise<Enrollment[]> => {
    checkMember(actor, 'viewPartner');
    return deps.models.enrollments.find(scoped(actor.partnerId, {})).sort({ program: 1 }).lean<Enrollment[]>();
  };
  return {
    checklist: (actor: Actor, program: ProgramCode): Promise<ChecklistView> => eligibility.checklist(actor, { program }),
    checklists: (actor: Actor): Promise<ChecklistView[]> => eligibility.checklists(actor),
    enrollments,
    async enrollment(actor: Actor, program: ProgramCode): Promise<Enrollment | null> {
      checkMember(actor, 'viewPartner');
      return deps.models.enrollments.findOne(scoped(actor.partnerId, { program })).lean<Enrollment>();
    },
    /**
     * The items a person changed on the checklist card, each ticked or unticked by its own
     * conditional update (eligibility.service), so two admins ticking at once are both kept.
     */
    async tick(actor: Actor, raw: z.input<typeof ticksInput>): Promise<ChecklistView> {
      requireAdmin(actor, 'updateEligibility');
      const i = parseInput(ticksInput, raw);
      for (const c of i.changes) {
        await eligibility.tickEligibility(actor, { program: i.program, item: c.item, done: c.done });
        await recordAdminChange(deps, actor, c.done ? 'eligibility.tick' : 'eligibility.untick', c.item);
      }
      return eligibility.checklist(actor, { program: i.program });
    },
    /**
     * Enrolls (or renews, a year later) from today: refused with the reason until eligibility is
     * active (ELIGIBILITY_NOT_ACTIVE); approves the chosen locations; renew-by is a year on.
     */
    async enroll(actor: Actor, raw: z.input<typeof enrollmentInput>, kind: 'enroll' | 'renew'): Promise<Enrollment> {
      requireAdmin(actor, 'enroll');
      const now = deps.clock.now();
      const i = parseInput(enrollmentInput, raw, now);
      refuseFuture('agreementSignedOn', i.agreementSignedOn, now);
      refuseFuture('complianceTrainingOn', i.complianceTrainingOn, now);
      await refuseUnknownLocations(deps, actor, i.locationIds);
      const current = await deps.models.enrollments.findOne(scoped(actor.partnerId, { program: i.program })).lean<Enrollment>();
      if (kind === 'renew' && !current) throw refuse('ENROLLMENT_MISSING', { program: i.program });
      const enrolledOn = isoDay(utcDay(now));
      const done = await eligibility.enroll(actor, {
        ...i,
        enrolledOn,
        agreementSignedOn: isoDay(i.agreementSignedOn),
        complianceTrainingOn: isoDay(i.complianceTrainingOn),
      });
      await recordAdminChange(deps, actor, kind === 'renew' ? 'enrollment.renew' : 'enrollment.enroll', i.program);
      return done;
    },
  };
}
