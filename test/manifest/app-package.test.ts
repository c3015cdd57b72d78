import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { buildAppPackage } from '../../manifest/app-package';
import { shippedManifestVersions } from '../../manifest/manifest-schema';
import type { ValidationIssue } from '../../manifest/validation-issue';
import { PackageValidationError } from '../../manifest/validation-issue';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST_DIR = path.join(REPO_ROOT, 'manifest');
const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const GOOD_ENV = {
  TEAMS_APP_ID: '9d3c1b2a-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  MicrosoftAppId: '1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9',
  BOT_DOMAIN: 'vouchers.contoso-consulting.com',
  TEAMS_APP_PUBLISHER: 'Contoso Consulting',
  TEAMS_APP_WEBSITE_URL: 'https://www.contoso-consulting.com',
};

type Json = Record<string, unknown>;

describe('npm run package (Teams app package)', function () {
  this.timeout(60_000);
  let work: string;
  beforeEach(() => (work = mkdtempSync(path.join(os.tmpdir(), 'teams-package-'))));
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  function runCli(env: Record<string, string>, args: string[] = []) {
    return spawnSync(process.execPath, ['--import', 'tsx', path.join('manifest', 'package.ts'), ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DOTENV_CONFIG_PATH: '/nonexistent', ...env },
      encoding: 'utf8',
    });
  }

  it('writes a zip with the filled manifest, the French file and both icons, which the package validator also accepts', async () => {
    const out = path.join(work, 'teams-app.zip');
    const run = runCli(GOOD_ENV, ['--out', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Wrote .*teams-app\.zip/);
    const files = unzipSync(readFileSync(out));
    assert.deepEqual(Object.keys(files).sort(), ['color.png', 'fr.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json'] ?? []).toString('utf8')) as Json & { bots: Json[] };
    assert.equal(manifest.manifestVersion, shippedManifestVersions().at(-1), 'the newest schema that ships offline');
    assert.equal(manifest.id, GOOD_ENV.TEAMS_APP_ID);
    assert.equal(manifest.version, PACKAGE_VERSION);
    assert.deepEqual(manifest.validDomains, [GOOD_ENV.BOT_DOMAIN]);
    assert.deepEqual(manifest.developer, {
      name: 'Contoso Consulting',
      websiteUrl: GOOD_ENV.TEAMS_APP_WEBSITE_URL,
      privacyUrl: GOOD_ENV.TEAMS_APP_WEBSITE_URL,
      termsOfUseUrl: GOOD_ENV.TEAMS_APP_WEBSITE_URL,
    });
    const bot = manifest.bots[0] as {
      botId: string;
      scopes: string[];
      supportsFiles: boolean;
      commandLists: Array<{ scopes: string[]; commands: Json[] }>;
    };
    assert.equal(bot.botId, GOOD_ENV.MicrosoftAppId);
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(bot.supportsFiles, true);
    assert.deepEqual(bot.commandLists.flatMap((l) => l.scopes).sort(), ['groupChat', 'personal', 'team'], 'one command list per scope');
    for (const list of bot.commandLists) assert.ok(list.commands.length > 0 && list.commands.length <= 12);
    assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/, 'no placeholder left');

    const schemaFile = path.join(
      path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
      'build',
      'json-schemas',
      'teams',
      `v${String(manifest.manifestVersion)}`,
      'MicrosoftTeams.schema.json',
    );
    assert.deepEqual(
      await ManifestUtil.validateManifestAgainstSchema(manifest as never, JSON.parse(readFileSync(schemaFile, 'utf8')) as never),
      [],
    );

    const fr = JSON.parse(Buffer.from(files['fr.json'] ?? []).toString('utf8')) as Json;
    assert.equal(fr['name.short'], 'Bons SA Planning');
    assert.equal(fr['bots[0].commandLists[0].commands[0].title'], 'bons');

    const color = await sharp(Buffer.from(files['color.png'] ?? [])).metadata();
    assert.deepEqual([color.format, color.width, color.height], ['png', 192, 192]);
    const outline = await sharp(Buffer.from(files['outline.png'] ?? []))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    assert.deepEqual([outline.info.width, outline.info.height], [32, 32]);
    let opaque = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3] === 0) continue;
      opaque += 1;
      assert.ok(
        Math.min(outline.data[i] ?? 0, outline.data[i + 1] ?? 0, outline.data[i + 2] ?? 0) >= 250,
        `outline pixel ${i / 4} is white`,
      );
    }
    assert.equal(outline.data[3], 0, 'transparent corner');
    assert.ok(opaque > 100 && opaque < 32 * 32 - 100, `the glyph covers part of the outline icon (${opaque} pixels)`);
  });

  it('gives the same bytes for the same inputs, and takes the version from TEAMS_APP_VERSION', async () => {
    const first = await build(MANIFEST_DIR, path.join(work, 'a.zip'));
    const second = await build(MANIFEST_DIR, path.join(work, 'b.zip'));
    assert.ok(readFileSync(first.file).equals(readFileSync(second.file)));
    const versioned = await build(MANIFEST_DIR, path.join(work, 'c.zip'), { TEAMS_APP_VERSION: '2.3.4' });
    assert.equal(versioned.manifest.version, '2.3.4');
  });

  it('reads its variables from the .env file DOTENV_CONFIG_PATH names, and the real environment wins', () => {
    const envFile = path.join(work, 'package.env');
    writeFileSync(
      envFile,
      `${Object.entries(GOOD_ENV)
        .map(([k, v]) => `${k}="${v}"`)
        .join('\n')}\nTEAMS_APP_VERSION=3.0.0\n`,
    );
    const out = path.join(work, 'dotenv.zip');
    const run = runCli({ DOTENV_CONFIG_PATH: envFile, TEAMS_APP_VERSION: '3.1.0' }, ['--out', out]);
    assert.equal(run.status, 0, run.stderr);
    const manifest = JSON.parse(Buffer.from(unzipSync(readFileSync(out))['manifest.json'] ?? []).toString('utf8')) as Json;
    assert.equal(manifest.id, GOOD_ENV.TEAMS_APP_ID);
    assert.equal(manifest.version, '3.1.0');
  });

  it('refuses to package without its environment, naming each variable and field, and writes nothing', () => {
    const out = path.join(work, 'none.zip');
    const run = runCli({}, ['--out', out]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /manifest\.json: id: TEAMS_APP_ID is not set/);
    assert.match(run.stderr, /manifest\.json: bots\[0\]\.botId: MicrosoftAppId is not set/);
    assert.match(run.stderr, /manifest\.json: validDomains\[0\]: BOT_DOMAIN is not set: .*example: BOT_DOMAIN=/);
    assert.match(run.stderr, /developer\.websiteUrl: TEAMS_APP_WEBSITE_URL is not set/);
    assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/, 'no stack trace');
    assert.equal(existsSync(out), false);
  });

  it('names the variable a bad value came from, through the command line (exit 1)', () => {
    const badId = runCli({ ...GOOD_ENV, TEAMS_APP_ID: 'not-a-guid' }, ['--out', path.join(work, 'x.zip')]);
    assert.equal(badId.status, 1);
    assert.match(badId.stderr, /manifest\.json: id: must be a GUID .*\(the value comes from TEAMS_APP_ID\)/);
    const badDomain = runCli({ ...GOOD_ENV, BOT_DOMAIN: 'https://vouchers.contoso.com/api' }, ['--out', path.join(work, 'x.zip')]);
    assert.equal(badDomain.status, 1);
    assert.match(
      badDomain.stderr,
      /manifest\.json: validDomains\[0\]: must be a host name .*got "https:\/\/vouchers\.contoso\.com\/api".*from BOT_DOMAIN/,
    );
    assert.equal(existsSync(path.join(work, 'x.zip')), false);
  });

  /** Each broken copy of manifest/ must be refused with this file and field path named. */
  const BROKEN: Array<{ what: string; file: string; path: string; message?: RegExp; edit: (dir: string) => void }> = [
    {
      what: '13 commands in one list',
      file: 'manifest.json',
      path: 'bots[0].commandLists[1].commands',
      edit: editManifest((m) => commands(m, 1).push({ title: 'extra', description: 'one too many' })),
    },
    {
      what: 'two commands with one title',
      file: 'manifest.json',
      path: 'bots[0].commandLists[1].commands[3].title',
      message: /repeats "Voucher"/,
      edit: editManifest((m) => setTitle(m, 1, 3, 'Voucher')),
    },
    {
      what: 'a command title of two words',
      file: 'manifest.json',
      path: 'bots[0].commandLists[2].commands[0].title',
      message: /one word/,
      edit: editManifest((m) => setTitle(m, 2, 0, 'list vouchers')),
    },
    {
      what: 'a command description longer than the menu shows',
      file: 'manifest.json',
      path: 'bots[0].commandLists[0].commands[1].description',
      message: /at most 128/,
      edit: editManifest((m) => ((commands(m, 0)[1] as Json).description = 'x'.repeat(129))),
    },
    {
      what: 'a scope given two command lists',
      file: 'manifest.json',
      path: 'bots[0].commandLists[2].scopes',
      message: /already given commands/,
      edit: editManifest((m) => (lists(m)[2] = { ...lists(m)[2], scopes: ['team'] })),
    },
    {
      what: 'a short name over 30 characters',
      file: 'manifest.json',
      path: 'name.short',
      edit: editManifest((m) => ((m.name as Json).short = 'Software Assurance Planning Vouchers')),
    },
    {
      what: 'a property the schema does not know',
      file: 'manifest.json',
      path: 'bots[0].supportsFile',
      edit: editManifest((m) => ((bots(m)[0] as Json).supportsFile = true)),
    },
    { what: 'a version that is not x.y.z', file: 'manifest.json', path: 'version', edit: editManifest((m) => (m.version = '1.0')) },
    {
      what: 'an http publisher site',
      file: 'manifest.json',
      path: 'developer.websiteUrl',
      message: /https/,
      edit: editManifest((m) => ((m.developer as Json).websiteUrl = 'http://www.contoso.com')),
    },
    {
      what: 'a $schema of another version',
      file: 'manifest.json',
      path: '$schema',
      edit: editManifest((m) => (m.$schema = String(m.$schema).replace('v1.30', 'v1.29'))),
    },
    {
      what: 'a manifest version with no schema offline',
      file: 'manifest.json',
      path: 'manifestVersion',
      message: /no schema for version 1\.99/,
      edit: editManifest((m) => (m.manifestVersion = '1.99')),
    },
    {
      what: 'files without the personal scope',
      file: 'manifest.json',
      path: 'bots[0].supportsFiles',
      edit: editManifest((m) => removePersonal(m)),
    },
    {
      what: 'a localization file that is missing',
      file: 'manifest.json',
      path: 'localizationInfo.additionalLanguages[0].file',
      edit: (dir) => rmSync(path.join(dir, 'fr.json')),
    },
    {
      what: 'a French string left out',
      file: 'fr.json',
      path: 'bots[0].commandLists[0].commands[5].title',
      message: /is missing/,
      edit: editFrench((fr) => delete fr['bots[0].commandLists[0].commands[5].title']),
    },
    {
      what: 'a French string for a command that does not exist',
      file: 'fr.json',
      path: 'bots[0].commandLists[0].commands[11].title',
      message: /does not have/,
      edit: editManifest((m) => commands(m, 0).splice(11, 1)),
    },
    {
      what: 'a French key Teams does not know',
      file: 'fr.json',
      path: 'name.shortest',
      edit: editFrench((fr) => (fr['name.shortest'] = 'Bons')),
    },
    {
      what: 'two French commands with one title',
      file: 'fr.json',
      path: 'bots[0].commandLists[0].commands[2].title',
      message: /repeats "Bons"/,
      edit: editFrench((fr) => (fr['bots[0].commandLists[0].commands[2].title'] = 'Bons')),
    },
    {
      what: 'an outline with a background',
      file: 'outline.png',
      path: 'icons.outline',
      message: /transparent background|not white/,
      edit: editSvg((svg) => svg.replace('class="tile" ', '')),
    },
    {
      what: 'an outline glyph that is not white',
      file: 'outline.png',
      path: 'icons.outline',
      message: /not white/,
      edit: editSvg((svg) => svg.replace('</svg>', '<circle cx="96" cy="30" r="10" fill="#E81123"/></svg>')),
    },
    {
      what: 'an icon source that is not an image',
      file: 'icon.svg',
      path: 'icons',
      message: /cannot be rendered/,
      edit: editSvg(() => 'not an svg'),
    },
    {
      what: 'a manifest that is not JSON',
      file: 'manifest.json',
      path: '',
      message: /not valid JSON/,
      edit: (dir) => writeFileSync(path.join(dir, 'manifest.json'), '{ "manifestVersion": '),
    },
  ];

  for (const broken of BROKEN) {
    it(`refuses ${broken.what}, naming ${broken.file}: ${broken.path || '(root)'}`, async () => {
      const dir = path.join(work, 'manifest');
      cpSync(MANIFEST_DIR, dir, { recursive: true });
      broken.edit(dir);
      const out = path.join(work, 'broken.zip');
      writeFileSync(out, 'an older package');
      const issues = await refusal(build(dir, out));
      const found = issues.find((issue) => issue.file === broken.file && issue.path === broken.path);
      assert.ok(
        found,
        `expected ${broken.file}: ${broken.path}; got:\n${issues.map((i) => `${i.file}: ${i.path}: ${i.message}`).join('\n')}`,
      );
      if (broken.message) assert.match(found.message, broken.message);
      assert.equal(existsSync(out), false, 'no zip is left behind, not even an older one');
    });
  }

  it('refuses a wildcard domain wider than one organisation', async () => {
    const issues = await refusal(build(MANIFEST_DIR, path.join(work, 'w.zip'), { BOT_DOMAIN: '*.azurewebsites.net' }));
    assert.ok(issues.some((i) => i.path === 'validDomains[0]' && /too broad/.test(i.message)));
  });
});

function build(sourceDir: string, outFile: string, env: Record<string, string> = {}) {
  return buildAppPackage({ sourceDir, outFile, env: { ...GOOD_ENV, ...env }, packageVersion: PACKAGE_VERSION });
}

async function refusal(attempt: Promise<unknown>): Promise<ValidationIssue[]> {
  const error = await attempt.then(
    () => assert.fail('the package was built'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof PackageValidationError, String(error));
  return error.issues;
}

function editManifest(change: (manifest: Json) => void): (dir: string) => void {
  return (dir) => editJson(path.join(dir, 'manifest.json'), change);
}

function editFrench(change: (fr: Json) => void): (dir: string) => void {
  return (dir) => editJson(path.join(dir, 'fr.json'), change);
}

function editSvg(change: (svg: string) => string): (dir: string) => void {
  return (dir) => writeFileSync(path.join(dir, 'icon.svg'), change(readFileSync(path.join(dir, 'icon.svg'), 'utf8')));
}

function editJson(file: string, change: (value: Json) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8')) as Json;
  change(value);
  writeFileSync(file, JSON.stringify(value, null, 2));
}

const bots = (m: Json) => m.bots as Json[];
const lists = (m: Json) => (bots(m)[0] as Json).commandLists as Json[];
const commands = (m: Json, list: number) => (lists(m)[list] as Json).commands as Json[];
const setTitle = (m: Json, list: number, index: number, title: string) => ((commands(m, list)[index] as Json).title = title);

function removePersonal(m: Json): void {
  const bot = bots(m)[0] as Json;
  bot.scopes = ['team', 'groupChat'];
  bot.commandLists = lists(m).filter((l) => !(l.scopes as string[]).includes('personal'));
}
