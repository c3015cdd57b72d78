import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoBinary, MongoMemoryServer } from 'mongodb-memory-server-core';
import { canConnect, ensureFerretBinary, startFerret } from './ferretdb';

export type DatabaseKind = 'uri' | 'mongod' | 'ferretdb';

export interface AcquiredDatabase {
  kind: DatabaseKind;
  uri: string;
  /** One line for the log: which server, and where its data lives. */
  description: string;
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
 */
export async function acquireDatabase(options: AcquireOptions): Promise<AcquiredDatabase> {
  if (options.mongodbUri) {
    return { kind: 'uri', uri: options.mongodbUri, description: 'MongoDB from MONGODB_URI', stop: async () => {} };
  }
  const reasons: string[] = [];
  if (options.embedded !== 'ferretdb') {
    try {
      return await startMongod(options);
    } catch (error) {
      reasons.push(`embedded mongod: ${firstLine(error)}`);
      options.say(`no embedded mongod (${firstLine(error)})`);
      if (options.embedded === 'mongod') throw unavailable(reasons);
    }
  }
  try {
    return await startEmbeddedFerret(options);
  } catch (error) {
    reasons.push(`embedded FerretDB: ${firstLine(error)}`);
  }
  throw unavailable(reasons);
}

async function startMongod(options: AcquireOptions): Promise<AcquiredDatabase> {
  const downloadDir = path.join(os.homedir(), '.cache', 'mongodb-binaries');
  const dbPath = options.purpose === 'serve' ? path.resolve(options.dataDir, 'mongodb') : undefined;
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  options.say(`trying an embedded mongod (binary cached in ${downloadDir})`);
  // Resolve (or download) the binary first: a failed download then fails quietly here
  // instead of inside create(), which prints a stack trace.
  const systemBinary = await MongoBinary.getPath({ downloadDir });
  const server = await MongoMemoryServer.create({
    binary: { downloadDir, systemBinary },
    instance: dbPath ? { dbPath, storageEngine: 'wiredTiger' } : { storageEngine: 'wiredTiger' },
  });
  return {
    kind: 'mongod',
    uri: server.getUri(),
    description: dbPath ? `embedded mongod, data in ${dbPath}` : 'embedded mongod, throw-away data',
    stop: async () => {
      await server.stop({ doCleanup: !dbPath, force: false });
    },
  };
}

async function startEmbeddedFerret(options: AcquireOptions): Promise<AcquiredDatabase> {
  const pg = new URL(options.ferretPostgresUrl);
  const pgUrl = options.purpose === 'test' ? withDatabase(pg, `${pg.pathname.slice(1)}_test`) : pg.toString();
  const pgPort = Number(pg.port || 5432);
  if (!(await canConnect(pg.hostname, pgPort))) {
    throw new Error(`no PostgreSQL answers on ${pg.hostname}:${pgPort}`);
  }
  const binary = ensureFerretBinary(options.dataDir, options.say);
  const ferret = await startFerret(binary, pgUrl);
  const dbName = new URL(pgUrl).pathname.slice(1);
  return {
    kind: 'ferretdb',
    uri: ferret.uri,
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
  return text.split('\n')[0] ?? text;
}

function unavailable(reasons: string[]): DatabaseUnavailableError {
  return new DatabaseUnavailableError(
    [
      'No MongoDB-compatible database is available:',
      ...reasons.map((r) => `  - ${r}`),
      'Fix one of these:',
      '  - set MONGODB_URI to a MongoDB 7+, Atlas, Cosmos DB for MongoDB or FerretDB server (example: MONGODB_URI=mongodb://127.0.0.1:27017/);',
      '  - allow the one-time mongod download (needs internet access; EMBEDDED_DB=mongod);',
      '  - install Go 1.24+ and run PostgreSQL on 127.0.0.1:5432 with trust auth (or set FERRETDB_POSTGRESQL_URL) for the embedded FerretDB.',
    ].join('\n'),
  );
}
