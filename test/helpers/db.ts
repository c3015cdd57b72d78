import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';

/**
 * A database of its own for one test file, on the real server that `npm test` chose
 * (tools/with-db.ts puts its URI in MONGODB_URI). Created before the file's tests, dropped after.
 */
export interface TestDatabase {
  /** The file's connection; valid between the file's before and after hooks. */
  readonly connection: mongoose.Connection;
  /** The server's URI and the file's database name, to open more connections (two bot instances). */
  readonly uri: string;
  readonly dbName: string;
  /** Opens another connection to the same database; closed automatically after the file. */
  openAnother(): Promise<mongoose.Connection>;
}

export function testMongoUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    throw new Error('MONGODB_URI is not set: run the tests with `npm test`, which starts or finds a database first.');
  }
  return uri;
}

export function useTestDatabase(label: string): TestDatabase {
  const dbName = `t_${label.replace(/[^a-z0-9]+/gi, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  let main: mongoose.Connection | undefined;
  const extra: mongoose.Connection[] = [];
  const uri = testMongoUri();

  before(async function () {
    this.timeout(60_000);
    main = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
  });

  after(async function () {
    this.timeout(60_000);
    if (main) await main.dropDatabase();
    await Promise.all([...extra.map((c) => c.close()), main?.close()]);
  });

  return {
    get connection() {
      if (!main) throw new Error('the test database is used outside a test (before the before hook ran)');
      return main;
    },
    uri,
    dbName,
    async openAnother() {
      const c = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
      extra.push(c);
      return c;
    },
  };
}
