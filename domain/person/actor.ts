import type { Actor } from './person.model';
import { refuse, type ActionCode } from '../refusal';

/**
 * The actors the domain made itself: from a person read in the database (`people.resolveActor`)
 * or the system of a partner. The roles the services check are those of an actor from here
 * (issue 7: "the actor's roles are read from the database by the domain, never trusted from a
 * caller"); a caller that builds or copies one with other roles is refused as an unknown person.
 * Frozen, so its roles cannot be changed after it was issued either.
 */
const issued = new WeakSet<Actor>();

export function issueActor(actor: Actor): Actor {
  Object.freeze(actor.roles);
  Object.freeze(actor.locationIds);
  const frozen = Object.freeze(actor);
  issued.add(frozen);
  return frozen;
}

/** Refuses PERSON_NOT_FOUND for an actor the domain did not issue. */
export function checkActor(actor: Actor): void {
  if (!issued.has(actor))
    throw refuse('PERSON_NOT_FOUND', { aadObjectId: typeof actor?.aadObjectId === 'string' ? actor.aadObjectId.slice(0, 64) : '' });
}

/**
 * Reads of the partner's records are for its people (DOMAIN.md, People: partner admin, staff,
 * manager; and the system): an issued actor holding one of those roles, else NOT_PERMITTED.
 */
export function checkMember(actor: Actor, action: ActionCode): void {
  checkActor(actor);
  if (!actor.roles.some((r) => r === 'admin' || r === 'staff' || r === 'manager' || r === 'system')) {
    throw refuse('NOT_PERMITTED', { action, roles: ['admin', 'staff', 'manager'] });
  }
}
