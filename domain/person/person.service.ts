import { Types } from 'mongoose';
import { z } from 'zod';
import { calendarDate, email, text } from '../inputs';
import type { DomainDeps } from '../models';
import { programCode } from '../program/program.catalog';
import { EARLIEST_DATE, parseInput, refuse, type Refusal } from '../refusal';
import { isoDay, utcDay } from '../calendar';
import { scoped } from '../scope';
import { StoreError } from '../store';
import { upsertOne } from '../write';
import { checkActor, checkMember, issueActor } from './actor';
import { ROLES, type Actor, type Person } from './person.model';
import type { Partner } from '../partner/partner.model';

export function actorOf(p: Person): Actor {
  return issueActor({
    partnerId: p.partnerId,
    aadObjectId: p.aadObjectId,
    name: p.name,
    roles: [...p.roles],
    locationIds: [...p.locationIds],
    qualifications: p.qualifications,
  });
}

/** The expiry sweep and the Email channel act as the system of a partner. */
export function systemActor(partnerId: Types.ObjectId): Actor {
  return issueActor({ partnerId, aadObjectId: 'system', name: 'system', roles: ['system'], locationIds: [], qualifications: [] });
}

export const personInput = z.object({
  aadObjectId: text(64),
  name: text(200),
  email,
  roles: z.array(z.enum(ROLES)),
  locationIds: z.array(text(64)).default([]),
  qualifications: z
    .array(z.object({ program: programCode, trainingOn: calendarDate.nullable(), examOn: calendarDate.nullable() }))
    .default([]),
});

/** A training or exam date after today, refused DATE_OUT_OF_RANGE; null when every date has happened. */
export function firstFutureQualification(
  qualifications: readonly { trainingOn: Date | null; examOn: Date | null }[],
  now: Date,
): Refusal | null {
  const today = utcDay(now);
  for (const q of qualifications) {
    for (const field of ['trainingOn', 'examOn'] as const) {
      const day = q[field];
      if (day && day.getTime() > today.getTime())
        return refuse('DATE_OUT_OF_RANGE', { field, date: isoDay(day), earliest: isoDay(EARLIEST_DATE), latest: isoDay(today) });
    }
  }
  return null;
}

/** People and roles (DOMAIN.md, People); managed by the partner admin. */
export function personService(deps: DomainDeps) {
  const people = deps.models.people;
  return {
    /** Who is acting, by Teams AAD object id; refuses PERSON_NOT_FOUND for strangers. */
    async resolveActor(partnerId: Types.ObjectId, aadObjectId: string): Promise<Actor> {
      const p = await people.findOne(scoped(partnerId, { aadObjectId })).lean<Person>();
      if (!p) throw refuse('PERSON_NOT_FOUND', { aadObjectId });
      return actorOf(p);
    },
    /**
     * The partner of a tenant and the person acting in it, read in one round trip (both queries at
     * once; the person by AAD object id, kept only if they belong to that partner). No partner:
     * `partner` null. A partner without this person refuses PERSON_NOT_FOUND, as `resolveActor`.
     */
    async resolveInTenant(tenantId: string, aadObjectId: string): Promise<{ partner: Partner; actor: Actor } | { partner: null }> {
      const [partner, found] = await Promise.all([
        deps.models.partners.findOne({ tenantIds: tenantId }).lean<Partner>(),
        aadObjectId ? people.find({ aadObjectId }).limit(50).lean<Person[]>() : [],
      ]);
      if (!partner) return { partner: null };
      const p = found.find((x) => x.partnerId.equals(partner._id));
      if (!p) throw refuse('PERSON_NOT_FOUND', { aadObjectId });
      return { partner, actor: actorOf(p) };
    },
    /** Adds or updates a person (admin only); idempotent by AAD object id. */
    async upsert(actor: Actor, raw: z.input<typeof personInput>): Promise<Person> {
      checkActor(actor);
      if (!actor.roles.includes('admin') && !actor.roles.includes('system'))
        throw refuse('NOT_PERMITTED', { action: 'managePeople', roles: ['admin'] });
      const i = parseInput(personInput, raw, deps.clock.now());
      // A training or an exam is something that happened (DOMAIN.md, step 1): a later date would qualify a consultant who is not.
      const future = firstFutureQualification(i.qualifications, deps.clock.now());
      if (future) throw future;
      const filter = scoped(actor.partnerId, { aadObjectId: i.aadObjectId });
      const r = await upsertOne(deps, {
        model: people,
        filter,
        insert: () => ({ _id: new Types.ObjectId(), ...filter, ...i }),
        change: () => ({ $set: i }),
      });
      if (!r.ok) throw new StoreError(`person ${i.aadObjectId}: a unique index refused it`);
      return r.doc;
    },
    /** The partner's people, for any person of the partner (the stranger card uses the system). */
    async list(actor: Actor): Promise<Person[]> {
      checkMember(actor, 'viewPeople');
      return people.find(scoped(actor.partnerId, {})).sort({ name: 1 }).lean<Person[]>();
    },
  };
}
