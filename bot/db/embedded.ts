import { canConnect, ensureFerretBinary, startFerret } from './ferretdb';
import { describeMongodFailure, downloadMarkerPath, recentDownloadFailure, startMongod, DOWNLOAD_RETRY_AFTER_MS } from './mongod';

export type DatabaseKind = 'uri' | 'mongod' | 'ferretdb';

export interface AcquiredDatabase {
  kind: DatabaseKind;
  uri: string;
  /** One line for the log: which server, and where its data lives. */
  description: string;
  /** The embedded server's process id, for the log (none with MONGODB_URI). */
  pid?: number | undefined;
  stop(): Promise<void>;
}

export interface AcquireOptions {
  mongodbUri?: string | undefined;
  embedded: 'auto' | 'mongod' | 'ferretdb';
  /** serve keeps data across restarts; test uses throw-away storage. */
  purpose: 'serve' | 'test';
  dataDir: string;
  ferretPostgresUrl: string;
  say: (line: string) => void;
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/**
 * Chooses the database for `npm start` and `npm test` (README, Database):
 * MONGODB_URI when set; else an embedded mongod (downloaded once and cached); else, where no
 * mongod can be downloaded, FerretDB built from tools/ferretdb over the local PostgreSQL.
 * A failed download is remembered for a day, so an offline machine does not wait for it on every start.
 */
export async function acquireDatabase(options: AcquireOptions): Promise<AcquiredDatabase> {
  if (options.mongodbUri) {
    return { kind: 'uri', uri: options.mongodbUri, description: 'MongoDB from MONGODB_URI', stop: async () => {} };
  }
  const reasons: string[] = [];
  if (options.embedded === 'mongod' || (options.embedded === 'auto' && !skipRememberedFailure(options, reasons))) {
    try {
      return await startMongod(options);
    } catch (error) {
      const reason = describeMongodFailure(error);
      reasons.push(`embedded mongod: ${reason}`);
      if (options.embedded === 'mongod') throw unavailable(reasons);
      options.say(`no embedded mongod: ${reason}`);
      const remembered = recentDownloadFailure(options.dataDir) ? `${retryNote(options.dataDir)} ` : '';
      options.say(`${remembered}Trying the embedded FerretDB instead; set EMBEDDED_DB=ferretdb to go straight to it.`);
    }
  }
  try {
    return await startEmbeddedFerret(options);
  } catch (error) {
    reasons.push(`embedded FerretDB: ${firstLine(error)}`);
  }
  throw unavailable(reasons);
}

function skipRememberedFailure(options: AcquireOptions, reasons: string[]): boolean {
  const failure = recentDownloadFailure(options.dataDir);
  if (!failure) return false;
  reasons.push(`embedded mongod: not tried, its download failed at ${failure.at} (${failure.reason})`);
  options.say(
    `skipping the embedded mongod: its download failed at ${failure.at}. ${retryNote(options.dataDir)} ` +
      'Using the embedded FerretDB; set EMBEDDED_DB=ferretdb to make that the choice.',
  );
  return true;
}

function retryNote(dataDir: string): string {
  const hours = Math.round(DOWNLOAD_RETRY_AFTER_MS / 3_600_000);
  return `The download is tried again after ${hours} h (delete ${downloadMarkerPath(dataDir)} or set EMBEDDED_DB=mongod to try now).`;
}

async function startEmbeddedFerret(options: AcquireOptions): Promise<AcquiredDatabase> {
  const pg = new URL(options.ferretPostgresUrl);
  const pgUrl = options.purpose === 'test' ? withDatabase(pg, `${pg.pathname.slice(1)}_test`) : pg.toString();
  const pgPort = Number(pg.port || 5432);
  if (!(await canConnect(pg.hostname, pgPort))) {
    throw new Error(`no PostgreSQL answers on ${pg.hostname}:${pgPort}`);
  }
  const binary = await ensureFerretBinary(options.dataDir, options.say);
  const ferret = await startFerret(binary, pgUrl);
  const dbName = new URL(pgUrl).pathname.slice(1);
  return {
    kind: 'ferretdb',
    uri: ferret.uri,
    pid: ferret.pid,
    description: `embedded FerretDB on ${ferret.uri}, data in PostgreSQL database "${dbName}" on ${pg.hostname}:${pgPort}`,
    stop: ferret.stop,
  };
}

function withDatabase(url: URL, name: string): string {
  const copy = new URL(url.toString());
  copy.pathname = `/${name}`;
  return copy.toString();
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '') ?? text;
}

function unavailable(reasons: string[]): DatabaseUnavailableError {
  return new DatabaseUnavailableError(
    [
      'No MongoDB-compatible database is available:',
      ...reasons.map((r) => `  - ${r}`),
      'Fix one of these:',
      '  - set MONGODB_URI to a MongoDB 7+, Atlas, Cosmos DB for MongoDB or FerretDB server (example: MONGODB_URI=mongodb://127.0.0.1:27017/);',
      '  - allow the one-time mongod download (needs internet access; EMBEDDED_DB=mongod);',
      '  - install Go 1.24+ and run PostgreSQL on 127.0.0.1:5432 with trust auth (or set FERRETDB_POSTGRESQL_URL) for the embedded FerretDB (EMBEDDED_DB=ferretdb).',
    ].join('\n'),
  );
}
