import { z } from 'zod';
import { text } from '../inputs';
import type { DomainDeps } from '../models';
import type { Actor } from '../person/person.model';
import { parseInput } from '../refusal';
import { StoreError } from '../store';
import { updateCurrent } from '../write';
import { recordAdminChange, requireAdmin } from './admin-audit';
import type { Partner } from './partner.model';

export const approvalsChannelInput = z.object({ conversationId: text(500) });

/**
 * The partner's approvals channel (issue 10): the channel where an admin ran `approvals channel
 * here` gets a copy of every approval card. One conditional update; setting the same channel again changes nothing.
 */
export async function setApprovalsChannel(deps: DomainDeps, actor: Actor, raw: z.input<typeof approvalsChannelInput>): Promise<Partner> {
  requireAdmin(actor, 'manageSettings');
  const { conversationId } = parseInput(approvalsChannelInput, raw);
  const r = await updateCurrent(deps, {
    model: deps.models.partners,
    filter: { _id: actor.partnerId },
    change: (p: Partner) =>
      p.settings.approvalsChannelId === conversationId ? null : { $set: { 'settings.approvalsChannelId': conversationId } },
  });
  if (!r.ok) throw new StoreError('approvals channel: the partner is gone');
  await recordAdminChange(deps, actor, 'partner.settings', 'approvals channel');
  return r.doc;
}
