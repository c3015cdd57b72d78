import { createLogger, type Logger } from '../../bot/log';

/** A real pino logger whose JSON lines are kept in memory for assertions. */
export function capturedLogger(secrets: string[] = []): { log: Logger; lines: () => Array<Record<string, unknown>>; raw: () => string } {
  const chunks: string[] = [];
  const log = createLogger({ level: 'debug', secrets, destination: { write: (chunk: string) => void chunks.push(chunk) } });
  return {
    log,
    raw: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
