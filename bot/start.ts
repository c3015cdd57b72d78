/**
 * The production entry (`npm run start:prod`, compiled to dist/bot/start.js). Stack traces of our
 * code map back to the TypeScript, as with `--enable-source-maps`, but the packages' own source maps
 * are not read: Node 20 parses every map of every module it loads when source maps are on, which
 * held about 12 MB more for the life of the process (measured with /proc/PID/status, VmRSS once
 * started). So the packages load first, then maps are turned on, then the bot (bot/main.ts).
 */
import './teams/preload';
import 'mongoose';
import 'restify';
import 'adaptivecards-templating';
import 'mailparser';
import 'html-to-text';
import 'mongodb-memory-server-core';

process.setSourceMapsEnabled(true);
import('./main.js').catch((error: unknown) => {
  process.stderr.write(`The bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
