import { config as loadDotenv } from 'dotenv';
import { startBot } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { acquireDatabase, DatabaseUnavailableError } from './db/embedded';
import { createLogger, redactSecrets } from './log';

/** Process entry: `npm start`. Exit 1 with a readable message on bad configuration or no database. */
async function main(): Promise<void> {
  // DOTENV_CONFIG_PATH points elsewhere (tests point it nowhere so a developer's .env cannot leak in).
  loadDotenv({ quiet: true, ...(process.env.DOTENV_CONFIG_PATH ? { path: process.env.DOTENV_CONFIG_PATH } : {}) });
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Invalid configuration; fix these environment variables (or .env):\n${error.lines.join('\n')}\n`);
    process.exit(1);
  }
  // URI credentials are masked by pattern; the app password is masked verbatim wherever it shows.
  const log = createLogger({ level: config.LOG_LEVEL, secrets: config.MicrosoftAppPassword ? [config.MicrosoftAppPassword] : [] });
  if (!config.MicrosoftAppId) {
    log.warn('NO MicrosoftAppId IS SET: /api/messages accepts UNAUTHENTICATED requests. Use this only for local tools (Agents Playground, tests); set MicrosoftAppId and MicrosoftAppPassword in production.');
  }

  const database = await acquireDatabase({
    mongodbUri: config.MONGODB_URI,
    embedded: config.EMBEDDED_DB,
    purpose: 'serve',
    dataDir: config.DATA_DIR,
    ferretPostgresUrl: config.FERRETDB_POSTGRESQL_URL,
    say: (line) => log.info(line),
  }).catch((error: unknown) => {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
  log.info({ database: database.kind }, `database: ${database.description}`);

  const bot = await startBot(config, log, database.uri);
  log.info({ port: bot.address.port }, `listening on http://${bot.address.address}:${bot.address.port}/api/messages`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: no new requests, finishing in-flight turns');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting now');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    const { drained } = await bot.shutdown(Math.max(config.SHUTDOWN_TIMEOUT_MS - 2_500, 100));
    await database.stop();
    clearTimeout(force);
    log.info({ drained }, 'stopped');
    log.flush(() => process.exit(drained ? 0 : 1));
  };
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
  process.on('SIGTERM', (s) => void stop(s));
  process.on('SIGINT', (s) => void stop(s));
}

main().catch((error: unknown) => {
  process.stderr.write(`The bot could not start: ${redactSecrets(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
