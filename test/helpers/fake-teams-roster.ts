import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A person on the fake roster, as the Bot Connector returns a TeamsChannelAccount. */
export interface RosterMember {
  id: string;
  aadObjectId: string;
  name: string;
  email?: string;
  tenantId: string;
}

/**
 * A real local HTTP server standing in for the Bot Connector's conversation roster (what
 * `TeamsInfo.getMember` calls: GET /v3/conversations/{id}/members/{memberId}). It answers the
 * member by `29:` id or AAD object id, 404 (MemberNotFoundInConversation) for anyone else, and
 * records the look-ups; any other call is acknowledged like a sent activity.
 */
export async function startFakeTeamsRoster(members: RosterMember[]) {
  const lookups: string[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const match = /^\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(req.url ?? '');
      if (req.method === 'GET' && match) {
        const id = decodeURIComponent(match[1] ?? '');
        lookups.push(id);
        const m = members.find((x) => x.id === id || x.aadObjectId === id);
        res.writeHead(m ? 200 : 404, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            m
              ? { ...m, userPrincipalName: m.email, userRole: 'user' }
              : { error: { code: 'MemberNotFoundInConversation', message: 'The member was not found.' } },
          ),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${Date.now()}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    lookups,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type FakeTeamsRoster = Awaited<ReturnType<typeof startFakeTeamsRoster>>;
