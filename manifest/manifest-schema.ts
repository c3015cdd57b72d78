import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { childPath, pointerToPath, type ValidationIssue } from './validation-issue';

/** The Teams JSON schemas shipped by npm @microsoft/app-manifest, one folder per manifest version (v1.0 ... v1.30). */
const SCHEMA_ROOT = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

export type SchemaKind = 'manifest' | 'localization';
const SCHEMA_FILES: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

/** The manifest versions whose schemas ship offline, oldest first (vDevPreview left out: it is not for production). */
export function shippedManifestVersions(): string[] {
  const numeric = (v: string) => v.split('.').map(Number) as [number, number];
  return readdirSync(SCHEMA_ROOT)
    .filter((dir) => /^v\d+\.\d+$/.test(dir) && existsSync(path.join(SCHEMA_ROOT, dir, SCHEMA_FILES.manifest)))
    .map((dir) => dir.slice(1))
    .sort((a, b) => numeric(a)[0] - numeric(b)[0] || numeric(a)[1] - numeric(b)[1]);
}

export function schemaUrl(version: string, kind: SchemaKind): string {
  return `https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/${SCHEMA_FILES[kind]}`;
}

/**
 * Validates a document against the shipped schema of a manifest version. The options mirror the package's own
 * validator (draft-04, uri/email/regex formats), except `unicodeRegExp: false`: the localization schema has
 * patterns that are invalid with JavaScript's `u` flag.
 */
export function validateAgainstSchema(document: unknown, version: string, kind: SchemaKind, file: string): ValidationIssue[] {
  const schemaFile = path.join(SCHEMA_ROOT, `v${version}`, SCHEMA_FILES[kind]);
  if (!existsSync(schemaFile)) {
    return [
      {
        file,
        path: 'manifestVersion',
        message: `no schema for version ${version} ships offline; use one of ${shippedManifestVersions().join(', ')}`,
      },
    ];
  }
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => toIssue(error, file));
}

function toIssue(error: ErrorObject, file: string): ValidationIssue {
  const at = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return { file, path: childPath(at, params.missingProperty), message: 'is required' };
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return { file, path: childPath(at, params.additionalProperty), message: 'is not a property the schema allows' };
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return { file, path: at, message: `must be one of ${params.allowedValues.map(String).join(', ')}` };
  }
  const friendly = Object.entries(FRIENDLY_PATTERNS).find(([definition]) => error.schemaPath.startsWith(`#/definitions/${definition}/`));
  if (error.keyword === 'pattern' && friendly) return { file, path: at, message: friendly[1] };
  return { file, path: at, message: error.message ?? error.keyword };
}

/** Plain words for the schema's patterns that people fill in by hand. */
const FRIENDLY_PATTERNS: Record<string, string> = {
  guid: 'must be a GUID such as 3c6f2a9e-58b1-4d7e-9a0c-1f2e3d4c5b6a',
  hexColor: 'must be a color such as #0F6CBD',
  languageTag: 'must be a language tag such as fr or fr-ca',
  anyHttpUrl: 'must be an http(s):// address',
};
