import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { MemberDirectory, TeamsMember } from '../routing/types';

/** The HTTP status of a Bot Connector failure, when it has one (the connector's RestError carries it). */
function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : null;
}

/**
 * Who a mentioned person is, from Teams (TEAMS.md: `TeamsInfo.getMember`): AAD object id, name,
 * email and tenant, read from the conversation's (or team's) roster through the Bot Connector.
 * Someone Teams does not know in this conversation answers `null` (404); any other failure throws.
 */
export function teamsMembers(context: TurnContext): MemberDirectory {
  return {
    async get(id: string): Promise<TeamsMember | null> {
      try {
        const m = await TeamsInfo.getMember(context, id);
        if (!m.aadObjectId) return null;
        return {
          aadObjectId: m.aadObjectId,
          name: m.name ?? m.givenName ?? '',
          email: m.email ?? m.userPrincipalName ?? null,
          tenantId: m.tenantId ?? null,
        };
      } catch (error) {
        if (statusOf(error) === 404 || statusOf(error) === 403) return null;
        throw error;
      }
    },
  };
}
