import { z } from 'zod';
import { redactSecrets } from './log';

/** A Microsoft Entra id: any 8-4-4-4-12 hexadecimal id (app ids need not carry RFC 4122 version bits). */
const ENTRA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const entraId = z.string().trim().regex(ENTRA_ID, 'must be a GUID (8-4-4-4-12 hexadecimal digits)');

/** Every environment variable the bot reads, in one schema (README, Configuration). An empty value counts as unset. */
const Env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /** Unset: 127.0.0.1 without an app id (nothing else can reach an unauthenticated bot), else 0.0.0.0. */
    HOST: z.string().trim().optional(),
    MicrosoftAppId: entraId.optional(),
    MicrosoftAppPassword: z.string().optional(),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: entraId.optional(),
    MONGODB_URI: z
      .string()
      .trim()
      .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
    MONGODB_DB_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, "_" or "-", at most 63 characters')
      .default('voucherbot'),
    EMBEDDED_DB: z.enum(['auto', 'mongod', 'ferretdb']).default('auto'),
    FERRETDB_POSTGRESQL_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+\/[A-Za-z0-9_]+$/, 'a postgres:// URL that names a database')
      .default('postgres://postgres@127.0.0.1:5432/voucherbot'),
    DATA_DIR: z.string().default('.data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(4 * 1024 * 1024),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(9_000),
    /** Mail-loop safety (issue 10): email replies per sender per hour; more in the same hour get none. */
    EMAIL_REPLIES_PER_HOUR: z.coerce.number().int().min(0).max(100).default(5),
    /** Teams' limit (issue 8): a turn not answered within this many ms is answered "still working" and finishes in the background. */
    TURN_DEADLINE_MS: z.coerce.number().int().min(200).max(12_000).default(4_000),
    /** How long a turn may reuse who is writing and people's names read by an earlier turn (bot/routing/read-cache.ts); 0: read every turn. */
    IDENTITY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
    /** Tenants where `setup` may create a partner, comma-separated; unset: any tenant (the start-up log says so). */
    ALLOWED_TENANT_IDS: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((t) => t.trim())
          .filter((t) => t !== ''),
      ),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'required when MicrosoftAppId is set' });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'required when MicrosoftAppType is SingleTenant' });
    }
  })
  .transform((env) => ({ ...env, HOST: env.HOST ?? (env.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1') }));

export type Config = z.infer<typeof Env>;

/** The variables the bot reads, in the order of the README's table. */
export const CONFIG_VARIABLES = Object.keys(Env.in.shape) as Array<keyof Config>;

/** A good value for each variable, shown next to a bad one so the fix is obvious. */
const EXAMPLES: Record<keyof Config, string> = {
  PORT: '3978',
  HOST: '0.0.0.0',
  MicrosoftAppId: '2f5b4a7e-1d3c-4b8a-9e6f-0a1b2c3d4e5f',
  MicrosoftAppPassword: '(the client secret of the bot registration)',
  MicrosoftAppType: 'MultiTenant',
  MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  MONGODB_URI: 'mongodb://127.0.0.1:27017/',
  MONGODB_DB_NAME: 'voucherbot',
  EMBEDDED_DB: 'auto',
  FERRETDB_POSTGRESQL_URL: 'postgres://postgres@127.0.0.1:5432/voucherbot',
  DATA_DIR: '.data',
  LOG_LEVEL: 'info',
  MAX_BODY_BYTES: '4194304',
  SHUTDOWN_TIMEOUT_MS: '9000',
  EMAIL_REPLIES_PER_HOUR: '5',
  TURN_DEADLINE_MS: '4000',
  IDENTITY_CACHE_MS: '2000',
  ALLOWED_TENANT_IDS: '72f988bf-86f1-41af-91ab-2d7cd011db47,0b6d3c3e-5f1a-4c2d-9e8f-1a2b3c4d5e6f',
};

export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(`invalid configuration:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; on failure throws a ConfigError with one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(withoutEmptyValues(env));
  if (parsed.success) return parsed.data;
  const byVariable = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? 'environment');
    if (!byVariable.has(name)) byVariable.set(name, describeIssue(issue, env[name]));
  }
  throw new ConfigError(
    [...byVariable].map(([name, problem]) => {
      const example = EXAMPLES[name as keyof Config];
      return `${name}: ${problem}${example ? ` (example: ${name}=${example})` : ''}`;
    }),
  );
}

/** `PORT=` in a .env file means "not set", as for every other variable; it never means port 0. */
function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of CONFIG_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') kept[name] = value;
  }
  return kept;
}

const TYPE_NAMES: Record<string, string> = { number: 'a number', int: 'a whole number', string: 'text', boolean: 'true or false' };

function describeIssue(issue: z.core.$ZodIssue, raw: string | undefined): string {
  const shown = raw === undefined || raw.trim() === '' ? 'it is not set' : `got "${truncate(redactSecrets(raw))}"`;
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}; ${shown}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}; ${shown}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}; ${shown}`;
    case 'invalid_type':
      return `must be ${TYPE_NAMES[issue.expected] ?? `of type ${issue.expected}`}; ${shown}`;
    case 'invalid_format':
      return `${issue.format === 'regex' ? issue.message : `must be a valid ${issue.format}`}; ${shown}`;
    default:
      return issue.message;
  }
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}
