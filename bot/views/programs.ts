import type { ProgramName } from '../../cards/voucher-facts';
import { catalog } from '../../domain/program/program.catalog';

/** The program catalog's names in both languages, as the cards show them. */
export const programNames = (): ProgramName[] => catalog.programs.map((p) => ({ code: p.code, names: { en: p.names.en, fr: p.names.fr } }));
