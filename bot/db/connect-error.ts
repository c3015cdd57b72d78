import { redactSecrets } from '../log';

/** The database could not be reached at start-up; the message names the variable and what to check. */
export class DatabaseConnectError extends Error {
  override name = 'DatabaseConnectError';
}

/** Where the URI came from, for the message: the variable a person would have to fix. */
export type UriSource = 'MONGODB_URI' | 'embedded';

/** Turns a driver error (ECONNREFUSED, ENOTFOUND, auth, TLS, timeout) into sentences a person can act on. */
export function describeConnectFailure(error: unknown, uri: string, source: UriSource): DatabaseConnectError {
  const text = causeText(error);
  const shownUri = redactSecrets(uri);
  const where = source === 'MONGODB_URI' ? `the database in MONGODB_URI (${shownUri})` : `the embedded database (${shownUri})`;
  const fix =
    source === 'MONGODB_URI'
      ? 'Check MONGODB_URI: host, port, user name, password and TLS options, that the server is running, and that this machine can reach it (firewall, VPN, IP allow list).'
      : 'The embedded database stopped answering at start-up; start again, or set MONGODB_URI to a server you run yourself.';
  return new DatabaseConnectError(`Cannot connect to ${where}: ${problemOf(text)}.\n${fix}\n(driver said: ${redactSecrets(text)})`);
}

function problemOf(text: string): string {
  if (/ECONNREFUSED/.test(text)) return 'nothing accepts connections at that host and port';
  if (/ENOTFOUND|EAI_AGAIN|querySrv/.test(text)) return 'the host name does not resolve';
  if (/auth|Authentication failed|SCRAM/i.test(text)) return 'the server refused the user name or password';
  if (/SSL|TLS|certificate|EPROTO/i.test(text)) return 'the TLS handshake failed';
  if (/ETIMEDOUT|timed out|Server selection/i.test(text)) return 'the server did not answer in time';
  return 'the connection failed';
}

/** The driver wraps the socket error in a server-selection error; the innermost message says the most. */
function causeText(error: unknown): string {
  const seen = new Set<unknown>();
  let current: unknown = error;
  let text = '';
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    text = current.message || text;
    const reason = (current as { reason?: { servers?: Map<string, { error?: unknown }> } }).reason;
    const serverError = reason?.servers ? [...reason.servers.values()].find((s) => s.error)?.error : undefined;
    current = serverError ?? current.cause;
  }
  return text || String(error);
}
