import pino, { type Logger } from 'pino';

export type { Logger };

/** user:password@ inside any URL (MongoDB, PostgreSQL, HTTP). */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^\s:/@]+):([^\s/@]+)@/gi;
/** Bearer tokens and JWT-shaped strings. */
const BEARER = /\b(bearer\s+)[A-Za-z0-9\-_.~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
/** key=value or "key": "value" pairs whose key names a secret. */
const SECRET_PAIR = /((?:password|passwd|pwd|secret|token|apikey|api_key|client_secret)["']?\s*[:=]\s*["']?)([^\s"'&,;]+)/gi;

export const REDACTED = '[redacted]';

/** What every pattern above needs to match: a URL scheme, "bearer", a JWT's start, or a secret's key word. */
const MAYBE_SECRET = /:\/\/|bearer|eyJ|password|passwd|pwd|secret|token|apikey|api_key/i;

/** Removes credentials and tokens from free text (log messages, error messages, URIs). */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  // Most strings (ids, names, durations) hold none of what the patterns look for: one test instead of four replacements.
  if (!MAYBE_SECRET.test(text) && !knownSecrets.some((s) => s.length >= 4 && text.includes(s))) return text;
  let out = text
    .replace(URL_CREDENTIALS, `$1$2:${REDACTED}@`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(SECRET_PAIR, `$1${REDACTED}`);
  for (const secret of knownSecrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** Keys whose values are never logged, wherever they appear. */
const SECRET_KEYS =
  /^(password|passwd|pwd|secret|token|accesstoken|access_token|authorization|cookie|microsoftapppassword|client_secret|apikey)$/i;

function scrub(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return { type: value.name, message: redactSecrets(value.message, secrets), stack: redactSecrets(value.stack ?? '', secrets) };
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEYS.test(key) ? REDACTED : scrub(item, secrets, depth + 1);
  }
  return out;
}

export interface LogOptions {
  level?: string;
  /** Secret values from the configuration (app password, connection strings) to mask verbatim too. */
  secrets?: readonly string[];
  /** Where JSON lines go; stdout by default. */
  destination?: pino.DestinationStream;
}

/** The pino JSON logger, with every field and message scrubbed of secrets (README, Logging). */
export function createLogger(options: LogOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'voucher-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrub(object, secrets, 0) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg, secrets) : arg)) as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}
