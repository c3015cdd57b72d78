import { config as loadDotenv } from 'dotenv';
import { startBot } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { DatabaseConnectError } from './db/connect-error';
import { acquireDatabase, DatabaseUnavailableError } from './db/embedded';
import { createLogger, redactSecrets, type Logger } from './log';

/** Process entry: `npm start`. Exit 1 with a readable message on bad configuration or no database. */
async function main(): Promise<void> {
  // DOTENV_CONFIG_PATH points elsewhere (tests point it nowhere so a developer's .env cannot leak in).
  loadDotenv({ quiet: true, ...(process.env.DOTENV_CONFIG_PATH ? { path: process.env.DOTENV_CONFIG_PATH } : {}) });
  const config = loadConfigOrExit();
  // URI credentials are masked by pattern; the app password is masked verbatim wherever it shows.
  const log = createLogger({ level: config.LOG_LEVEL, secrets: config.MicrosoftAppPassword ? [config.MicrosoftAppPassword] : [] });
  warnIfUnauthenticated(config, log);

  const stopper = createStopper(config, log);

  const database = await acquireDatabase({
    mongodbUri: config.MONGODB_URI,
    embedded: config.EMBEDDED_DB,
    purpose: 'serve',
    dataDir: config.DATA_DIR,
    ferretPostgresUrl: config.FERRETDB_POSTGRESQL_URL,
    say: (line) => log.info(line),
  }).catch((error: unknown) => exitWith(error, DatabaseUnavailableError, log));
  stopper.add(() => database.stop());
  log.info({ database: database.kind, pid: database.pid }, `database: ${database.description}`);
  if (stopper.stopIfRequested()) return;

  const bot = await startBot(config, log, database.uri, database.kind === 'uri' ? 'MONGODB_URI' : 'embedded').catch(
    async (error: unknown) => {
      await database.stop();
      return exitWith(error, DatabaseConnectError, log);
    },
  );
  stopper.add(async () => (await bot.shutdown(Math.max(config.SHUTDOWN_TIMEOUT_MS - 2_500, 100))).drained);
  const { address, port } = bot.address;
  log.info({ host: address, port, pid: process.pid }, `listening on http://${address}:${port}/api/messages`);
  stopper.started();
}

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Invalid configuration; fix these environment variables (or .env):\n${error.lines.join('\n')}\n`);
    process.exit(1);
  }
}

/** An expected start-up failure gets its own message (after the log lines before it) and exit 1; anything else goes to the generic handler. */
function exitWith(error: unknown, expected: new (...args: never[]) => Error, log: Logger): Promise<never> {
  if (!(error instanceof expected)) throw error;
  return new Promise<never>(() =>
    log.flush(() => {
      process.stderr.write(`${redactSecrets(error.message)}\n`);
      process.exit(1);
    }),
  );
}

/** Without an app id nothing is authenticated: say so, and say who can reach it. */
function warnIfUnauthenticated(config: Config, log: Logger): void {
  if (config.MicrosoftAppId) return;
  const loopback = /^(127\.|::1$|localhost$)/.test(config.HOST);
  log.warn(
    { host: config.HOST },
    'NO MicrosoftAppId IS SET: /api/messages accepts UNAUTHENTICATED requests. Use this only for local tools (Agents Playground, tests); set MicrosoftAppId and MicrosoftAppPassword in production. ' +
      (loopback
        ? `Listening on ${config.HOST} only, so only this machine can reach it (HOST=0.0.0.0 opens it to the network).`
        : `HOST=${config.HOST} lets other machines reach this unauthenticated bot and make it send requests to any serviceUrl.`),
  );
}

/**
 * Graceful stop on SIGTERM (container runtimes, systemd; `npm start` execs node so the signal
 * reaches it), SIGINT and SIGHUP, also during start-up: what has started is stopped, newest first, and the
 * exit code is 0 only when every in-flight turn finished.
 */
function createStopper(config: Config, log: Logger) {
  const steps: Array<() => Promise<boolean | void>> = [];
  let requested = false;
  let running = false;
  let force: NodeJS.Timeout | undefined;
  const run = async () => {
    const drained = await runSteps(steps.reverse(), log);
    clearTimeout(force);
    log.info({ drained }, 'stopped');
    log.flush(() => process.exit(drained ? 0 : 1));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (requested) return;
    requested = true;
    force = setTimeout(() => {
      log.error('shutdown took too long; exiting now');
      log.flush(() => process.exit(1));
    }, config.SHUTDOWN_TIMEOUT_MS);
    if (running) log.info({ signal }, 'shutting down: no new requests, finishing in-flight turns');
    else log.info({ signal }, 'stop requested during start-up: stopping when the current step ends');
    if (running) void run();
  };
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
  // SIGHUP: the terminal closed; the embedded database has its own process group and would not get it.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, onSignal);
  return {
    add: (step: () => Promise<boolean | void>) => void steps.push(step),
    /** During start-up: true (and stopping begins) when a signal came while the last step ran. */
    stopIfRequested: () => {
      if (requested) void run();
      return requested;
    },
    started: () => {
      running = true;
      if (requested) void run();
    },
  };
}

/** Runs every stop step even when one fails; true when all finished cleanly (turns drained, nothing failed). */
async function runSteps(steps: Array<() => Promise<boolean | void>>, log: Logger): Promise<boolean> {
  let clean = true;
  for (const step of steps) {
    try {
      if ((await step()) === false) clean = false;
    } catch (error) {
      clean = false;
      log.error({ err: error }, 'a shutdown step failed');
    }
  }
  return clean;
}

main().catch((error: unknown) => {
  process.stderr.write(`The bot could not start: ${redactSecrets(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
