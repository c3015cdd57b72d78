import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { systemClock } from '../domain/clock';
import { createDomain, type Domain } from '../domain/domain';
import type { Config } from './config';
import { describeConnectFailure, type UriSource } from './db/connect-error';
import type { Logger } from './log';
import { describeSetupTenants } from './commands/setup.command';
import { createProactive } from './proactive/proactive.wiring';
import { routerFor } from './router';
import { createResponder } from './routing/dispatch';
import { configureReadCache } from './routing/read-cache';
import { createBotServer } from './server';
import { processedActivityStore } from './store/processed-activity.store';
import { createMessagesHandler } from './teams/adapter';
import { customerChannels } from './teams/customer-channels';
import { withTurnDeadline } from './teams/deadline';
import { createTurnLogic } from './teams/turn';

export interface RunningBot {
  address: AddressInfo;
  connection: mongoose.Connection;
  domain: Domain;
  /** Stops accepting, finishes in-flight turns, closes the database connection. */
  shutdown(deadlineMs: number): Promise<{ drained: boolean }>;
}

/**
 * Wires configuration, database, Bot Framework and HTTP together; used by main.ts and the tests.
 * Throws a DatabaseConnectError (naming MONGODB_URI when it came from there) when the database cannot be reached.
 */
export async function startBot(config: Config, log: Logger, mongoUri: string, uriSource: UriSource = 'MONGODB_URI'): Promise<RunningBot> {
  const connection = await connectDatabase(config, mongoUri, uriSource);
  try {
    const domain = createDomain({ connection, clock: systemClock });
    await createIndexes(domain, log);
    await logWriteMode(domain, log);
    log.info({ allowedTenantIds: config.ALLOWED_TENANT_IDS }, describeSetupTenants(config.ALLOWED_TENANT_IDS));
    const once = processedActivityStore(connection, log);
    // Customers by email and files (issue 10): their outbox payloads first, then bound to the outbox.
    const customers = customerChannels({ connection, domain, log, once, repliesPerHour: config.EMAIL_REPLIES_PER_HOUR });
    const proactive = createProactive({ connection, domain, credentials: config, log }, { handlers: customers.handlers });
    await proactive.ensureIndexes();
    const channels = customers.link({ enqueue: (m) => proactive.outbox.enqueue(m), remember: (seen) => proactive.refs.remember(seen) });
    await channels.ensureIndexes();
    configureReadCache(domain, config.IDENTITY_CACHE_MS);
    const teams = createTurnLogic(
      log,
      createResponder(domain, routerFor({ allowedTenantIds: config.ALLOWED_TENANT_IDS })),
      once,
      proactive.outbox,
    );
    // Teams' limit (issue 8): the deadline counts everything a turn does, conversation capture included.
    const logic = withTurnDeadline(proactive.capture(channels.wrap(teams)), { ms: config.TURN_DEADLINE_MS, log });
    const server = createBotServer({
      log,
      maxBodyBytes: config.MAX_BODY_BYTES,
      handleMessages: createMessagesHandler(config, log, logic),
      pingDatabase: () => pingDatabase(connection),
    });
    const address = await server.listen(config.PORT, config.HOST);
    proactive.worker.start();
    channels.start();
    return {
      address,
      connection,
      domain,
      shutdown: async (deadlineMs) => {
        const drained = await server.drain(deadlineMs);
        // A message being sent is recorded before the connection closes; the rest stay pending for the next start.
        channels.stop();
        await proactive.worker.stop();
        await connection.close();
        return { drained };
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

async function connectDatabase(config: Config, uri: string, source: UriSource): Promise<mongoose.Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName: config.MONGODB_DB_NAME,
    serverSelectionTimeoutMS: 5_000,
    bufferCommands: false,
  });
  try {
    return await connection.asPromise();
  } catch (error) {
    // The connection never opened; closing only releases its timers, and its own error would hide the real one.
    await connection.close().catch(() => undefined);
    throw describeConnectFailure(error, uri, source);
  }
}

/**
 * Every collection and index the domain declares (unique indexes carry the voucher dedupe and the
 * 15-day rule), created before the first request: autoIndex is off, so nothing else creates them.
 */
async function createIndexes(domain: Domain, log: Logger): Promise<void> {
  const started = process.hrtime.bigint();
  await domain.ensureIndexes();
  const collections = Object.values(domain.deps.models).map((model) => model.collection.collectionName);
  const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  log.info({ collections, durationMs }, `indexes ensured on ${collections.length} collections in ${durationMs} ms`);
}

/** Once per process: which server this is, and so whether each update pays for a write claim (domain/store.ts). */
async function logWriteMode(domain: Domain, log: Logger): Promise<void> {
  const store = await domain.storeInfo();
  const ferret = store.ferretdbVersion && store.ferretdbVersion !== 'unknown' ? `FerretDB ${store.ferretdbVersion}` : 'FerretDB';
  const server = store.server === 'ferretdb' ? `${ferret} (MongoDB ${store.version} protocol)` : `MongoDB ${store.version}`;
  const why =
    store.writeMode === 'claim'
      ? 'every update first takes a write claim, because this server rewrites whole documents'
      : 'updates are atomic per document, no write claim needed';
  log.info(
    { server: store.server, version: store.version, ferretdbVersion: store.ferretdbVersion, writeMode: store.writeMode },
    `database server: ${server}; ${why}`,
  );
}

/** A ping that answers within 2 s either way, so /healthz never hangs on a dead database. */
export async function pingDatabase(connection: mongoose.Connection, timeoutMs = 2_000): Promise<boolean> {
  const db = connection.db;
  if (!db || connection.readyState !== mongoose.ConnectionStates.connected) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const ping = db
    .admin()
    .ping({ maxTimeMS: timeoutMs })
    .then(() => true)
    .catch(() => false);
  const result = await Promise.race([ping, timeout]);
  clearTimeout(timer);
  return result;
}
