import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { checkColorIcon, checkOutlineIcon, renderIcons } from './icon-render';
import { checkLanguages, checkLocalization, checkManifestRules, type AppManifest, type Localization } from './manifest-rules';
import { validateAgainstSchema } from './manifest-schema';
import { fillTemplate, packageVariables, type PackageVariable } from './manifest-template';
import { PackageValidationError, type ValidationIssue } from './validation-issue';

export const MANIFEST_FILE = 'manifest.json';
/** The one icon source; color.png and outline.png are rendered from it (icon-render.ts). */
export const ICON_SOURCE = 'icon.svg';
/** Zip entries get this date, so the same inputs give the same bytes. */
const ZIP_DATE = new Date('2026-01-01T00:00:00Z');

export interface BuildOptions {
  /** The folder with manifest.json, its localization files and icon.svg. */
  sourceDir: string;
  outFile: string;
  env: NodeJS.ProcessEnv;
  /** package.json's version: the app version when TEAMS_APP_VERSION is not set. */
  packageVersion: string;
}

export interface BuiltPackage {
  file: string;
  manifest: AppManifest;
  entries: string[];
  bytes: number;
}

/**
 * Fills manifest.json from the environment, validates it and its localization files against the shipped
 * JSON schema and Teams' offline rules, renders and checks the icons, then writes the zip.
 * Throws PackageValidationError, naming every bad field; then no zip is left at outFile.
 */
export async function buildAppPackage(options: BuildOptions): Promise<BuiltPackage> {
  // A refused run must not leave the previous package behind to be uploaded by mistake.
  rmSync(options.outFile, { force: true });
  const { manifest, sources } = readValidManifest(options);
  const entries = new Map<string, Buffer>();
  const issues: ValidationIssue[] = [...checkManifestRules(manifest)];
  const present = new Set(
    (manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file).filter((f) => existsSync(path.join(options.sourceDir, f))),
  );
  issues.push(...checkLanguages(manifest, present));
  for (const file of present) {
    const { localization, issues: found } = readLocalization(path.join(options.sourceDir, file), file, manifest);
    issues.push(...found);
    if (localization) entries.set(file, Buffer.from(`${JSON.stringify(localization, null, 2)}\n`));
  }
  const icons = await readIcons(options.sourceDir, issues);
  if (icons) {
    issues.push(
      ...(await checkColorIcon(icons.color, manifest.icons.color)),
      ...(await checkOutlineIcon(icons.outline, manifest.icons.outline)),
    );
    entries.set(manifest.icons.color, icons.color).set(manifest.icons.outline, icons.outline);
  }
  if (issues.length > 0) throw new PackageValidationError(issues.map((issue) => nameSource(issue, sources)));

  entries.set(MANIFEST_FILE, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  const zip = zipSync(Object.fromEntries([...entries].map(([name, bytes]) => [name, [bytes, { mtime: ZIP_DATE }]])), { level: 9 });
  mkdirSync(path.dirname(options.outFile), { recursive: true });
  writeFileSync(options.outFile, zip);
  return { file: options.outFile, manifest, entries: [...entries.keys()], bytes: zip.byteLength };
}

/** A problem in a value that came from the environment says which variable to fix. */
function nameSource(issue: ValidationIssue, sources: ReadonlyMap<string, PackageVariable>): ValidationIssue {
  const variable = issue.file === MANIFEST_FILE ? sources.get(issue.path) : undefined;
  return variable ? { ...issue, message: `${issue.message} (the value comes from ${variable})` } : issue;
}

/** manifest.json filled and schema-valid, or a PackageValidationError (Teams' rules need the schema's shape). */
function readValidManifest(options: BuildOptions): { manifest: AppManifest; sources: ReadonlyMap<string, PackageVariable> } {
  const file = MANIFEST_FILE;
  const parsed = readJson(path.join(options.sourceDir, file), file);
  if (!parsed.ok) throw new PackageValidationError([parsed.issue]);
  const filled = fillTemplate(parsed.value, packageVariables(options.env, options.packageVersion), file);
  const version = (filled.value as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string')
    throw new PackageValidationError([
      ...filled.issues,
      { file, path: 'manifestVersion', message: 'is required, as a string such as "1.30"' },
    ]);
  const unfilled = new Set(filled.issues.map((issue) => issue.path));
  const schemaIssues = validateAgainstSchema(filled.value, version, 'manifest', file)
    .filter((issue) => !unfilled.has(issue.path))
    .map((issue) => nameSource(issue, filled.sources));
  const issues = [...filled.issues, ...schemaIssues];
  if (issues.length > 0) throw new PackageValidationError(issues);
  return { manifest: filled.value as AppManifest, sources: filled.sources };
}

function readLocalization(
  fullPath: string,
  file: string,
  manifest: AppManifest,
): { localization?: Localization; issues: ValidationIssue[] } {
  const parsed = readJson(fullPath, file);
  if (!parsed.ok) return { issues: [parsed.issue] };
  const schemaIssues = validateAgainstSchema(parsed.value, manifest.manifestVersion, 'localization', file);
  if (schemaIssues.length > 0) return { issues: schemaIssues };
  const localization = parsed.value as Localization;
  return { localization, issues: checkLocalization(manifest, localization, file) };
}

async function readIcons(sourceDir: string, issues: ValidationIssue[]): Promise<{ color: Buffer; outline: Buffer } | undefined> {
  const source = path.join(sourceDir, ICON_SOURCE);
  if (!existsSync(source)) {
    issues.push({ file: ICON_SOURCE, path: 'icons', message: `${ICON_SOURCE} is missing from the manifest folder` });
    return undefined;
  }
  try {
    return await renderIcons(readFileSync(source));
  } catch (error) {
    issues.push({
      file: ICON_SOURCE,
      path: 'icons',
      message: `cannot be rendered: ${error instanceof Error ? error.message : String(error)}`,
    });
    return undefined;
  }
}

type JsonRead = { ok: true; value: unknown } | { ok: false; issue: ValidationIssue };

function readJson(fullPath: string, file: string): JsonRead {
  if (!existsSync(fullPath)) return { ok: false, issue: { file, path: '', message: `${file} is missing` } };
  try {
    return { ok: true, value: JSON.parse(readFileSync(fullPath, 'utf8').replace(/^\uFEFF/, '')) };
  } catch (error) {
    return {
      ok: false,
      issue: { file, path: '', message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` },
    };
  }
}
