import type { Actor, Domain } from '../../domain/domain';
import type { Partner } from '../../domain/partner/partner.model';
import { systemActor } from '../../domain/person/person.service';
import type { IncomingTurn, Reply } from './types';
import { strangerView as strangerCard, unknownTenantView } from '../views/message.view';
import { collectionsOf, readCacheOf } from './read-cache';

export type Identity = { actor: Actor; partner: Partner; partnerName: string } | { unknownTenant: true };

/**
 * Who is who: the partner by the conversation's tenant, the person by AAD object id with roles
 * read from the database, never from the activity. A stranger gets PERSON_NOT_FOUND, which the
 * turn presents with `strangerMessage`.
 */
export async function identify(domain: Domain, turn: IncomingTurn, options: { fresh?: boolean } = {}): Promise<Identity> {
  if (!turn.tenantId) return { unknownTenant: true };
  const aad = turn.userAadObjectId ?? '';
  // A stranger (PERSON_NOT_FOUND) and an unknown tenant are never kept: who was just added is seen at once.
  // A turn that changes something reads roles and partner settings afresh (`fresh`): a role removed
  // through another instance stops a change at once; only what a turn shows may be IDENTITY_CACHE_MS old.
  const who = await readCacheOf(domain).get(
    `who|${turn.tenantId}|${aad}`,
    collectionsOf(domain, 'people', 'partners'),
    () => domain.people.resolveInTenant(turn.tenantId ?? '', aad),
    (found) => Boolean(found.partner),
    options,
  );
  if (!who.partner) return { unknownTenant: true };
  return { actor: who.actor, partner: who.partner, partnerName: who.partner.name };
}

/** The polite answer to someone the partner has not registered: which admins to ask. */
export async function strangerView(domain: Domain, turn: IncomingTurn): Promise<Reply> {
  const partner = turn.tenantId ? await domain.partners.byTenant(turn.tenantId) : null;
  if (!partner) return unknownTenantView(turn.locale);
  const people = await domain.people.list(systemActor(partner._id));
  return strangerCard(
    partner.name,
    people.filter((p) => p.roles.includes('admin')).map((p) => p.name),
    turn.locale,
  );
}
