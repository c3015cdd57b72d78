import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import type { Config } from './config';
import type { Logger } from './log';
import { createBotServer } from './server';
import { createMessagesHandler } from './teams/adapter';
import { createTurnLogic, welcomeResponder } from './teams/turn';

export interface RunningBot {
  address: AddressInfo;
  connection: mongoose.Connection;
  /** Stops accepting, finishes in-flight turns, closes the database connection. */
  shutdown(deadlineMs: number): Promise<{ drained: boolean }>;
}

/** Wires configuration, database, Bot Framework and HTTP together; used by main.ts and the tests. */
export async function startBot(config: Config, log: Logger, mongoUri: string): Promise<RunningBot> {
  const connection = mongoose.createConnection(mongoUri, {
    dbName: config.MONGODB_DB_NAME,
    serverSelectionTimeoutMS: 5_000,
    bufferCommands: false,
  });
  await connection.asPromise();
  const server = createBotServer({
    log,
    maxBodyBytes: config.MAX_BODY_BYTES,
    handleMessages: createMessagesHandler(config, log, createTurnLogic(log, welcomeResponder)),
    pingDatabase: () => pingDatabase(connection),
  });
  const address = await server.listen(config.PORT, config.HOST);
  return {
    address,
    connection,
    shutdown: async (deadlineMs) => {
      const drained = await server.drain(deadlineMs);
      await connection.close();
      return { drained };
    },
  };
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
