import { z } from 'zod';
import { catalog, PROGRAM_CODES, type ProgramCode } from '../../domain/program/program.catalog';
import type { Role } from '../../domain/domain';
import { fold } from '../routing/normalise';

/**
 * Words of the partner administration commands (issue 9): the program named (code or a catalog
 * alias, any case), role words in English and French, and the text with @mentions taken out (a
 * mention is a person, read from the activity's entities, never from the typed name).
 */
export function programNamed(word: string | undefined): ProgramCode | null {
  if (!word) return null;
  const w = fold(word);
  const byCode = PROGRAM_CODES.find((c) => fold(c) === w);
  if (byCode) return byCode;
  const byAlias = catalog.programs.find((p) => p.aliases.some((a) => fold(a) === w));
  return byAlias ? (PROGRAM_CODES.find((c) => c === byAlias.code) ?? null) : null;
}

const ROLE_WORDS: Record<string, Role> = {
  admin: 'admin',
  admins: 'admin',
  administrateur: 'admin',
  staff: 'staff',
  personnel: 'staff',
  manager: 'manager',
  responsable: 'manager',
  gestionnaire: 'manager',
};
export const roleNamed = (word: string): Role | null => ROLE_WORDS[fold(word)] ?? null;

/** The words typed after the keyword, without the `<at>…</at>` of mentions. */
export function wordsWithoutMentions(tokens: readonly string[]): string[] {
  return tokens
    .join(' ')
    .replace(/<at>[\s\S]*?<\/at>/gi, ' ')
    .split(/\s+/u)
    .filter((w) => w !== '' && !w.startsWith('@'));
}

/** Any words: the handler reads them (so that a wrong program gets its own message, not the usage). */
export const anyWords = () => z.array(z.string()).max(40);
export const programList = (): string => PROGRAM_CODES.join(', ');
