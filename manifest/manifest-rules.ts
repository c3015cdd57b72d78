import { schemaUrl } from './manifest-schema';
import { childPath, type ValidationIssue } from './validation-issue';

/** The parts of a schema-valid manifest these rules read. */
export interface AppManifest {
  $schema?: string;
  manifestVersion: string;
  version: string;
  id: string;
  localizationInfo?: { defaultLanguageTag: string; additionalLanguages?: Array<{ languageTag: string; file: string }> };
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full?: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  bots?: Array<{ botId: string; scopes: string[]; supportsFiles?: boolean; commandLists?: CommandList[] }>;
  validDomains?: string[];
}

interface CommandList {
  scopes: string[];
  commands: Array<{ title: string; description?: string }>;
}

/** A localization file: `name.short`, `bots[0].commandLists[0].commands[0].title`, ... -> translated string. */
export type Localization = Record<string, unknown>;

/** Teams' command menu limits (the schemas up to v1.16 enforced them; newer ones accept longer text that clients cut). */
export const MAX_COMMANDS_PER_LIST = 12;
export const MAX_COMMAND_TITLE = 32;
export const MAX_COMMAND_DESCRIPTION = 128;

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** A file at the zip's root: Teams reads the icons and localization files from there. */
export const PACKAGE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const NIL_GUID = /^0{8}-(0{4}-){3}0{12}$/;
const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOMAIN = new RegExp(`^(\\*\\.)?${HOST_LABEL}(\\.${HOST_LABEL})+$`);

/** Teams' own rules that the JSON schema does not express, for a manifest that already passed the schema. */
export function checkManifestRules(manifest: AppManifest): ValidationIssue[] {
  const issue = (path: string, message: string): ValidationIssue => ({ file: 'manifest.json', path, message });
  const issues: ValidationIssue[] = [];
  if (manifest.$schema && manifest.$schema !== schemaUrl(manifest.manifestVersion, 'manifest')) {
    issues.push(issue('$schema', `must be ${schemaUrl(manifest.manifestVersion, 'manifest')} to match manifestVersion`));
  }
  if (!SEMVER.test(manifest.version)) issues.push(issue('version', `must be a version like 1.0.0, got "${manifest.version}"`));
  if (NIL_GUID.test(manifest.id)) issues.push(issue('id', 'must be a real GUID, not the all-zero placeholder'));
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'] as const) {
    if (!/^https:\/\/[^\s/]+/.test(manifest.developer[key])) issues.push(issue(`developer.${key}`, 'must be an https:// address'));
  }
  if (manifest.description.short.trim() === manifest.description.full.trim()) {
    issues.push(issue('description.full', 'must say more than description.short'));
  }
  for (const key of ['color', 'outline'] as const) {
    if (!PACKAGE_FILE.test(manifest.icons[key]) || !manifest.icons[key].toLowerCase().endsWith('.png')) {
      issues.push(issue(`icons.${key}`, `must be a .png file name at the package's root, got "${manifest.icons[key]}"`));
    }
  }
  if (manifest.icons.color === manifest.icons.outline) issues.push(issue('icons.outline', 'must be another file than icons.color'));
  issues.push(...checkDomains(manifest.validDomains ?? []).map(([path, message]) => issue(path, message)));
  (manifest.bots ?? []).forEach((bot, index) =>
    issues.push(...checkBot(bot, `bots[${index}]`).map(([path, message]) => issue(path, message))),
  );
  return issues;
}

function checkDomains(domains: string[]): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  domains.forEach((domain, index) => {
    const path = `validDomains[${index}]`;
    if (!DOMAIN.test(domain)) {
      found.push([path, `must be a host name such as voucherbot.azurewebsites.net (no https://, path or port), got "${domain}"`]);
    } else if (domain.startsWith('*.') && domain.split('.').length < 4) {
      found.push([path, `wildcard "${domain}" is too broad: Teams accepts *.<your domain>.<tld> at most`]);
    }
    if (domains.indexOf(domain) !== index) found.push([path, `repeats "${domain}"`]);
  });
  return found;
}

function checkBot(bot: NonNullable<AppManifest['bots']>[number], at: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  if (NIL_GUID.test(bot.botId)) found.push([`${at}.botId`, 'must be a real GUID, not the all-zero placeholder']);
  if (new Set(bot.scopes).size !== bot.scopes.length) found.push([`${at}.scopes`, 'lists a scope twice']);
  if (bot.supportsFiles && !bot.scopes.includes('personal')) {
    found.push([`${at}.supportsFiles`, 'needs the personal scope: bots exchange files only in personal chat']);
  }
  const listed = new Map<string, number>();
  (bot.commandLists ?? []).forEach((list, index) => {
    const listAt = `${at}.commandLists[${index}]`;
    for (const scope of list.scopes) {
      if (!bot.scopes.includes(scope)) found.push([`${listAt}.scopes`, `names ${scope}, which is not one of the bot's scopes`]);
      const first = listed.get(scope);
      if (first !== undefined) found.push([`${listAt}.scopes`, `names ${scope}, already given commands in ${at}.commandLists[${first}]`]);
      else listed.set(scope, index);
    }
    found.push(...checkCommands(list.commands, listAt));
  });
  return found;
}

interface CommandText {
  title: unknown;
  description?: unknown;
}

/** Titles are single words (the bot matches the first word), unique in their list; text fits Teams' command menu. */
function checkCommands(commands: CommandText[], listAt: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  if (commands.length > MAX_COMMANDS_PER_LIST)
    found.push([`${listAt}.commands`, `has ${commands.length} commands; Teams shows at most ${MAX_COMMANDS_PER_LIST}`]);
  const seen = new Map<string, number>();
  commands.forEach((command, index) => {
    const at = `${listAt}.commands[${index}]`;
    const title = typeof command.title === 'string' ? command.title.trim() : '';
    if (!/^\S+$/u.test(title)) found.push([`${at}.title`, `must be one word, got "${String(command.title)}"`]);
    if (title.length > MAX_COMMAND_TITLE) found.push([`${at}.title`, `must be at most ${MAX_COMMAND_TITLE} characters`]);
    const key = title.normalize('NFC').toLocaleLowerCase('en-US');
    const first = seen.get(key);
    if (first !== undefined) found.push([`${at}.title`, `repeats "${title}", already ${listAt}.commands[${first}].title`]);
    else seen.set(key, index);
    if (typeof command.description === 'string' && command.description.length > MAX_COMMAND_DESCRIPTION) {
      found.push([`${at}.description`, `must be at most ${MAX_COMMAND_DESCRIPTION} characters, got ${command.description.length}`]);
    }
  });
  return found;
}

/** Every manifest string a localization file may translate, by its localization key. */
export function localizableStrings(manifest: AppManifest): Map<string, string> {
  const strings = new Map<string, string>([['name.short', manifest.name.short]]);
  if (manifest.name.full) strings.set('name.full', manifest.name.full);
  strings.set('description.short', manifest.description.short);
  strings.set('description.full', manifest.description.full);
  (manifest.bots ?? []).forEach((bot, b) =>
    (bot.commandLists ?? []).forEach((list, l) =>
      list.commands.forEach((command, c) => {
        const at = `bots[${b}].commandLists[${l}].commands[${c}]`;
        strings.set(childPath(at, 'title'), command.title);
        if (command.description !== undefined) strings.set(childPath(at, 'description'), command.description);
      }),
    ),
  );
  return strings;
}

/** A localization file names only strings the manifest has, translates all of them, and keeps the command rules. */
export function checkLocalization(manifest: AppManifest, localization: Localization, file: string): ValidationIssue[] {
  const strings = localizableStrings(manifest);
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(localization)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (!strings.has(key)) issues.push({ file, path: key, message: 'translates a field that manifest.json does not have' });
  }
  for (const key of strings.keys()) {
    const value = localization[key];
    if (typeof value !== 'string' || value.trim() === '')
      issues.push({ file, path: key, message: 'is missing: translate every string of manifest.json' });
  }
  (manifest.bots ?? []).forEach((bot, b) =>
    (bot.commandLists ?? []).forEach((list, l) => {
      const listAt = `bots[${b}].commandLists[${l}]`;
      // Teams shows the default-language text where a translation is missing (reported above), so check that mix.
      const translated = list.commands.map((command, c) => ({
        title: localization[`${listAt}.commands[${c}].title`] ?? command.title,
        description: localization[`${listAt}.commands[${c}].description`] ?? command.description,
      }));
      issues.push(...checkCommands(translated, listAt).map(([path, message]) => ({ file, path, message })));
    }),
  );
  return issues;
}

/** Language tags are unique and differ from the default; each names a .json file next to manifest.json. */
export function checkLanguages(manifest: AppManifest, files: ReadonlySet<string>): ValidationIssue[] {
  const info = manifest.localizationInfo;
  if (!info) return [];
  const issues: ValidationIssue[] = [];
  const tags = new Set([info.defaultLanguageTag.toLowerCase()]);
  (info.additionalLanguages ?? []).forEach((language, index) => {
    const at = `localizationInfo.additionalLanguages[${index}]`;
    const tag = language.languageTag.toLowerCase();
    if (tags.has(tag))
      issues.push({ file: 'manifest.json', path: `${at}.languageTag`, message: `repeats language ${language.languageTag}` });
    tags.add(tag);
    if (!PACKAGE_FILE.test(language.file) || !language.file.endsWith('.json')) {
      issues.push({
        file: 'manifest.json',
        path: `${at}.file`,
        message: `must be a .json file name at the package's root, got "${language.file}"`,
      });
    } else if (!files.has(language.file)) {
      issues.push({ file: 'manifest.json', path: `${at}.file`, message: `names ${language.file}, which is not in the manifest folder` });
    }
  });
  return issues;
}
