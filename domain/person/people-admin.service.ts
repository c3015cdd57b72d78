import { z } from 'zod';
import { calendarDate, email, lineText, text } from '../inputs';
import { refuseUnknownLocations } from '../location/location.service';
import type { DomainDeps } from '../models';
import { recordAdminChange, requireAdmin } from '../partner/admin-audit';
import { programCode } from '../program/program.catalog';
import { parseInput, refuse } from '../refusal';
import { scoped } from '../scope';
import { awaitRelease, releaseClaim, StoreError, takeClaim, writeClaimModel } from '../store';
import { removeVersioned } from '../write';
import { checkActor, checkMember } from './actor';
import { ROLES, type Actor, type Person } from './person.model';
import { firstFutureQualification, personService } from './person.service';

const qualification = z.object({ program: programCode, trainingOn: calendarDate.nullable(), examOn: calendarDate.nullable() });
export const addPersonInput = z.object({
  aadObjectId: text(64),
  name: lineText(200),
  email,
  roles: z.array(z.enum(ROLES)).min(1),
  locationIds: z.array(text(64)).default([]),
  qualifications: z.array(qualification).optional(),
});
export const removePersonInput = z.object({ aadObjectId: text(64) });

/** A training or an exam is something that happened: a date after today is refused (issue 9, bad input). */
function refuseFutureDates(qualifications: z.output<typeof qualification>[], now: Date): void {
  const future = firstFutureQualification(qualifications, now);
  if (future) throw future;
}

/** People and roles (issue 9, step 2), managed by partner admins; every change audited. */
export function peopleAdmin(deps: DomainDeps) {
  const people = personService(deps);
  const findPerson = async (actor: Actor, aadObjectId: string): Promise<Person | null> => {
    checkMember(actor, 'viewPeople');
    return deps.models.people.findOne(scoped(actor.partnerId, { aadObjectId })).lean<Person>();
  };
  return {
    findPerson,
    /** Adds a person found by @mention, or updates one already there (roles, locations, qualifications). */
    async addPerson(actor: Actor, raw: z.input<typeof addPersonInput>): Promise<{ person: Person; added: boolean }> {
      checkActor(actor);
      requireAdmin(actor, 'managePeople');
      const i = parseInput(addPersonInput, raw, deps.clock.now());
      const locationIds = [...new Set(i.locationIds.map((l) => l.toUpperCase()))];
      await refuseUnknownLocations(deps, actor, locationIds);
      const existing = await findPerson(actor, i.aadObjectId);
      const qualifications =
        i.qualifications ??
        (existing?.qualifications ?? []).map((q) => ({
          program: programCode.parse(q.program),
          trainingOn: q.trainingOn,
          examOn: q.examOn,
        }));
      refuseFutureDates(qualifications, deps.clock.now());
      const upsert = () => people.upsert(actor, { ...i, locationIds, qualifications });
      const dropsAdmin = existing?.roles.includes('admin') && !i.roles.includes('admin');
      const person = existing && dropsAdmin ? await asLastAdminCheck(actor, existing, upsert) : await upsert();
      await recordAdminChange(deps, actor, existing ? 'person.update' : 'person.add', person.name);
      return { person, added: !existing };
    },
    /** Removes a person; their audit entries stay. The last admin cannot remove themselves (issue 9). */
    async removePerson(actor: Actor, raw: z.input<typeof removePersonInput>): Promise<Person> {
      checkActor(actor);
      requireAdmin(actor, 'managePeople');
      const { aadObjectId } = parseInput(removePersonInput, raw);
      const person = await findPerson(actor, aadObjectId);
      if (!person) throw refuse('PERSON_NOT_FOUND', { aadObjectId });
      const remove = () =>
        removeVersioned(deps, { model: deps.models.people, id: person._id, version: person.version, filter: scoped(actor.partnerId, {}) });
      const gone = person.roles.includes('admin') ? await asLastAdminCheck(actor, person, remove) : await remove();
      if (!gone) throw refuse('PERSON_NOT_FOUND', { aadObjectId });
      await recordAdminChange(deps, actor, 'person.remove', person.name);
      return person;
    },
  };

  /**
   * A partner always keeps one admin: the only one cannot be removed or drop the role. The check
   * and the change run under the partner's admins claim (domain/store.ts), so two admins removing
   * each other at the same moment cannot both pass the check.
   */
  async function asLastAdminCheck<T>(actor: Actor, person: Person, change: () => Promise<T>): Promise<T> {
    const claims = writeClaimModel(deps.connection);
    const key = `partner-admins:${String(actor.partnerId)}`;
    for (let attempt = 0; attempt < 50; attempt++) {
      const held = await takeClaim(claims, key, deps.clock);
      if (!held) {
        await awaitRelease(claims, key);
        continue;
      }
      try {
        const others = await deps.models.people.countDocuments(
          scoped(actor.partnerId, { roles: 'admin', aadObjectId: { $ne: person.aadObjectId } }),
        );
        if (others === 0) throw refuse('LAST_ADMIN', { name: person.name });
        return await change();
      } finally {
        await releaseClaim(claims, held);
      }
    }
    throw new StoreError(`partner ${String(actor.partnerId)}: the admins claim stayed taken`);
  }
}
