import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errors, MongoBinary, MongoMemoryServer } from 'mongodb-memory-server-core';
import type { AcquiredDatabase, AcquireOptions } from './embedded';

/** How long a failed mongod download is remembered, so an offline machine pays for it once a day, not every start. */
export const DOWNLOAD_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

const MARKER_NAME = 'mongod-download-failed.json';

interface DownloadFailure {
  at: string;
  reason: string;
}

export function downloadMarkerPath(dataDir: string): string {
  return path.resolve(dataDir, MARKER_NAME);
}

/** The remembered download failure when it is recent enough to skip another attempt. */
export function recentDownloadFailure(dataDir: string, now = Date.now()): DownloadFailure | undefined {
  const file = downloadMarkerPath(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const failure = JSON.parse(readFileSync(file, 'utf8')) as Partial<DownloadFailure>;
    const at = Date.parse(String(failure.at));
    if (Number.isNaN(at) || now - at > DOWNLOAD_RETRY_AFTER_MS || at > now) return undefined;
    return { at: new Date(at).toISOString(), reason: String(failure.reason ?? '') };
  } catch {
    // A marker that cannot be read or parsed is treated as absent: the download is simply tried again.
    return undefined;
  }
}

function rememberDownloadFailure(dataDir: string, reason: string): void {
  mkdirSync(path.resolve(dataDir), { recursive: true });
  writeFileSync(downloadMarkerPath(dataDir), `${JSON.stringify({ at: new Date().toISOString(), reason })}\n`);
}

/** True when the error means no binary can be had (download failed, no build for this OS), not that a binary failed to run. */
function isUnobtainable(error: unknown): boolean {
  return (
    error instanceof errors.DownloadError || error instanceof errors.UnknownLinuxDistro || error instanceof errors.UnknownPlatformError
  );
}

/** One readable line for any mongod failure; a DownloadError's message ends in a bare "Details:" line otherwise. */
export function describeMongodFailure(error: unknown): string {
  if (error instanceof errors.DownloadError) {
    const host = safeHost(error.url);
    const detail = error.msg.trim() || error.code || 'no detail given';
    const tries = error.attempts ? `, ${error.attempts} attempts` : '';
    return `could not download mongod from ${host} (${detail}${tries}); is this machine offline or behind a proxy (HTTPS_PROXY)?`;
  }
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    // Not a URL after all: show it as it is.
    return url;
  }
}

function binaryCached(downloadDir: string): boolean {
  return existsSync(downloadDir) && readdirSync(downloadDir).some((name) => name.startsWith('mongod'));
}

/** Starts mongod from mongodb-memory-server, downloading it once; a failed download is remembered under DATA_DIR. */
export async function startMongod(options: AcquireOptions): Promise<AcquiredDatabase> {
  const downloadDir = path.join(os.homedir(), '.cache', 'mongodb-binaries');
  const dbPath = options.purpose === 'serve' ? path.resolve(options.dataDir, 'mongodb') : undefined;
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  options.say(
    binaryCached(downloadDir)
      ? `starting the embedded mongod (binary cached in ${downloadDir})`
      : `downloading mongod once into ${downloadDir} (about 100 MB; offline this fails within about 15 s; EMBEDDED_DB=ferretdb skips it)`,
  );
  let systemBinary: string;
  try {
    // Resolve (or download) the binary first: a failed download then fails here instead of inside create(), which prints a stack.
    systemBinary = await MongoBinary.getPath({ downloadDir });
  } catch (error) {
    if (isUnobtainable(error)) rememberDownloadFailure(options.dataDir, describeMongodFailure(error));
    throw error;
  }
  rmSync(downloadMarkerPath(options.dataDir), { force: true });
  const server = await MongoMemoryServer.create({
    binary: { downloadDir, systemBinary },
    instance: dbPath ? { dbPath, storageEngine: 'wiredTiger' } : { storageEngine: 'wiredTiger' },
  });
  return {
    kind: 'mongod',
    uri: server.getUri(),
    pid: server.instanceInfo?.instance.mongodProcess?.pid,
    description: dbPath ? `embedded mongod, data in ${dbPath}` : 'embedded mongod, throw-away data',
    stop: async () => {
      await server.stop({ doCleanup: !dbPath, force: false });
    },
  };
}
