import { childPath, type ValidationIssue } from './validation-issue';

/** `${{NAME}}` in a string value of manifest.json: filled from the environment at packaging time. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The variables the template may name, each with an example shown when it is missing (README, Install in Teams). */
export const PACKAGE_VARIABLES = {
  TEAMS_APP_ID: {
    example: '3c6f2a9e-58b1-4d7e-9a0c-1f2e3d4c5b6a',
    about: 'the Teams app id: a GUID made once (node -p "crypto.randomUUID()") and kept for every version',
  },
  MicrosoftAppId: {
    example: '2f5b4a7e-1d3c-4b8a-9e6f-0a1b2c3d4e5f',
    about: "the bot's Microsoft Entra app id (the same as the bot's setting)",
  },
  BOT_DOMAIN: { example: 'voucherbot.azurewebsites.net', about: 'the host name the bot is served on, without https://' },
  TEAMS_APP_VERSION: { example: '1.0.0', about: 'the app version; defaults to package.json version' },
  TEAMS_APP_PUBLISHER: { example: 'Contoso Consulting', about: 'the publisher shown in Teams (at most 32 characters)' },
  TEAMS_APP_WEBSITE_URL: { example: 'https://www.contoso.com', about: "the publisher's website (https)" },
  TEAMS_APP_PRIVACY_URL: { example: 'https://www.contoso.com/privacy', about: 'the privacy statement; defaults to TEAMS_APP_WEBSITE_URL' },
  TEAMS_APP_TERMS_URL: { example: 'https://www.contoso.com/terms', about: 'the terms of use; defaults to TEAMS_APP_WEBSITE_URL' },
} as const;

export type PackageVariable = keyof typeof PACKAGE_VARIABLES;

export interface FilledTemplate {
  value: unknown;
  /** Which manifest path took its value from which variable, so a validation message can name the variable. */
  sources: Map<string, PackageVariable>;
  issues: ValidationIssue[];
}

/** Reads the packaging variables, applying the documented defaults. Empty strings count as unset. */
export function packageVariables(env: NodeJS.ProcessEnv, packageVersion: string): Partial<Record<PackageVariable, string>> {
  const read = (name: PackageVariable) => env[name]?.trim() || undefined;
  const website = read('TEAMS_APP_WEBSITE_URL');
  const values: Partial<Record<PackageVariable, string | undefined>> = {
    TEAMS_APP_ID: read('TEAMS_APP_ID'),
    MicrosoftAppId: read('MicrosoftAppId'),
    BOT_DOMAIN: read('BOT_DOMAIN'),
    TEAMS_APP_VERSION: read('TEAMS_APP_VERSION') ?? packageVersion,
    TEAMS_APP_PUBLISHER: read('TEAMS_APP_PUBLISHER'),
    TEAMS_APP_WEBSITE_URL: website,
    TEAMS_APP_PRIVACY_URL: read('TEAMS_APP_PRIVACY_URL') ?? website,
    TEAMS_APP_TERMS_URL: read('TEAMS_APP_TERMS_URL') ?? website,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

function isPackageVariable(name: string): name is PackageVariable {
  return Object.hasOwn(PACKAGE_VARIABLES, name);
}

/**
 * Replaces every placeholder in the parsed template's string values (never in raw JSON text, so a value
 * cannot break the JSON). A missing variable or an unknown placeholder is an issue at the field's path.
 */
export function fillTemplate(template: unknown, variables: Partial<Record<PackageVariable, string>>, file: string): FilledTemplate {
  const sources = new Map<string, PackageVariable>();
  const issues: ValidationIssue[] = [];
  const fill = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        if (!isPackageVariable(name)) {
          issues.push({ file, path, message: `unknown placeholder ${whole}; known: ${Object.keys(PACKAGE_VARIABLES).join(', ')}` });
          return whole;
        }
        sources.set(path, name);
        const value = variables[name];
        if (value !== undefined) return value;
        const { example, about } = PACKAGE_VARIABLES[name];
        issues.push({ file, path, message: `${name} is not set: ${about} (example: ${name}=${example})` });
        return whole;
      });
    }
    if (Array.isArray(node)) return node.map((item, index) => fill(item, childPath(path, index)));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value, childPath(path, key))]));
    }
    return node;
  };
  return { value: fill(template, ''), sources, issues };
}
