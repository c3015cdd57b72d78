/**
 * `npm run package`: validates the Teams app manifest and writes the app package zip (README, Install in Teams).
 *   tsx manifest/package.ts [--source <folder>] [--out <file.zip>]
 * The values come from the environment or .env (DOTENV_CONFIG_PATH points elsewhere): TEAMS_APP_ID, MicrosoftAppId,
 * BOT_DOMAIN, TEAMS_APP_PUBLISHER, TEAMS_APP_WEBSITE_URL and the optional ones in manifest-template.ts.
 * Exit 0 with the zip written; exit 1 with one line per problem, each naming the file and the field's path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { buildAppPackage } from './app-package';
import { formatIssue, PackageValidationError } from './validation-issue';

const ROOT = path.resolve(__dirname, '..');

async function main(): Promise<number> {
  loadDotenv({ quiet: true, ...(process.env.DOTENV_CONFIG_PATH ? { path: process.env.DOTENV_CONFIG_PATH } : {}) });
  const { values } = parseArgs({
    options: {
      source: { type: 'string', default: path.join(ROOT, 'manifest') },
      out: { type: 'string', default: path.join(ROOT, 'build', 'teams-app.zip') },
    },
  });
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  try {
    const built = await buildAppPackage({
      sourceDir: path.resolve(values.source),
      outFile: path.resolve(values.out),
      env: process.env,
      packageVersion: version,
    });
    const commands = (built.manifest.bots?.[0]?.commandLists ?? [])
      .map((list) => `${list.scopes.join('+')} ${list.commands.length}`)
      .join(', ');
    process.stdout.write(
      [
        `Wrote ${path.relative(process.cwd(), built.file)} (${built.bytes} bytes): ${built.entries.join(', ')}`,
        `  manifest ${built.manifest.manifestVersion}, app ${built.manifest.id} version ${built.manifest.version}, bot ${built.manifest.bots?.[0]?.botId ?? '(none)'}`,
        `  valid domains: ${(built.manifest.validDomains ?? []).join(', ')}; commands per scope: ${commands}`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof PackageValidationError)) throw error;
    const count = error.issues.length;
    process.stderr.write(
      `The Teams app package was not written: ${count} problem${count === 1 ? '' : 's'}\n${error.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}\n`,
    );
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`npm run package failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
