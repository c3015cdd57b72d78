import catalog from '../program/programs.json';
import { PROGRAM_CODES, type ProgramCode } from './types';
import { foldWords } from './text';

/**
 * Program matching (DOMAIN.md, Program catalog): by code, by full name in English, French,
 * German or Spanish, by alias, or by a close variant made of the program's distinctive words.
 * Anything that points at two programs, or at Dynamics, stays unknown: staff pick it on the card.
 */
export type ProgramMatchKind = 'exact' | 'variant' | 'mention';

export interface ProgramMatch {
  code: ProgramCode | null;
  kind: ProgramMatchKind | null;
  /** The value names a training voucher (SATV), which is not a Planning Services voucher. */
  training: boolean;
}

// The catalog has en/fr/de names; the Spanish ones are the intake's own (Microsoft's es-ES wording).
const SPANISH: Readonly<Record<ProgramCode, string>> = {
  AZDPS: 'Servicios de planificación de la implementación de Azure',
  DDPS: 'Servicios de planificación de la implementación de escritorio',
  DTDPS: 'Servicios de planificación de la implementación de herramientas de desarrollo',
  SEDPS: 'Servicios de planificación de la implementación de Skype Empresarial y Exchange',
  PVDPS: 'Servicios de planificación de la implementación de nube privada y virtualización',
  SDPS: 'Servicios de planificación de la implementación de SharePoint',
  SSDPS: 'Servicios de planificación de la implementación de SQL Server',
};

const KEYWORDS: Readonly<Record<ProgramCode, readonly string[]>> = {
  AZDPS: ['azure', 'public cloud', 'cloud public', 'nube publica', 'offentliche cloud'],
  DDPS: [
    'desktop',
    'office 365',
    'office',
    'proplus',
    'microsoft 365 apps',
    'windows',
    'postes de travail',
    'poste de travail',
    'desktopbereitstellung',
    'escritorio',
  ],
  DTDPS: [
    'dev tools',
    'developer tools',
    'visual studio',
    'team foundation',
    'tfs',
    'alm',
    'outils de developpement',
    'entwicklungstools',
    'herramientas de desarrollo',
  ],
  SEDPS: ['skype', 'lync', 'exchange', 'unified communications'],
  PVDPS: [
    'private cloud',
    'cloud prive',
    'nube privada',
    'virtualization',
    'virtualisation',
    'virtualisierung',
    'virtualizacion',
    'hyper v',
    'system center',
    'windows server',
  ],
  SDPS: ['sharepoint'],
  SSDPS: ['sql server', 'sql', 'business intelligence', 'data platform', 'plateforme de donnees', 'datenplattform', 'plataforma de datos'],
};

const CODE_RE = /(?<![A-Za-z0-9&])(AZDPS|DDPS|DTDPS|SEDPS|S&EDPS|L&EDPS|PVDPS|SDPS|SSDPS)(?![A-Za-z0-9])/gi;
const DYNAMICS = /(?<![a-z])(dynamics|crm|navision|axapta)(?![a-z])/;
const TRAINING = /(?<![a-z])(training|trainings|satv|formation|schulung|schulungs|formacion|capacitacion|e learning)(?![a-z])/;

interface NamedProgram {
  code: ProgramCode;
  phrase: string;
}

function isProgramCode(code: string): code is ProgramCode {
  return (PROGRAM_CODES as readonly string[]).includes(code);
}

/** Every printed name and alias, folded, with and without its parenthesis, longest first. */
function buildNames(): NamedProgram[] {
  const out: NamedProgram[] = [];
  for (const program of catalog.programs) {
    if (!isProgramCode(program.code)) continue;
    const code = program.code;
    const names = [...Object.values(program.names), ...program.aliases, SPANISH[code]];
    for (const name of names) {
      out.push({ code, phrase: foldWords(name) });
      const short = foldWords(name.replace(/\([^)]*\)/g, ' '));
      if (short !== '') out.push({ code, phrase: short });
    }
  }
  return out.sort((a, b) => b.phrase.length - a.phrase.length);
}

const NAMES: readonly NamedProgram[] = buildNames();
const KEYWORD_LIST: readonly NamedProgram[] = Object.entries(KEYWORDS)
  .flatMap(([code, words]) => (isProgramCode(code) ? words.map((phrase) => ({ code, phrase })) : []))
  .sort((a, b) => b.phrase.length - a.phrase.length);

function codesInText(raw: string): Set<ProgramCode> {
  const codes = new Set<ProgramCode>();
  for (const m of raw.matchAll(CODE_RE)) {
    const code = (m[1] ?? '').toUpperCase();
    codes.add(code === 'S&EDPS' || code === 'L&EDPS' ? 'SEDPS' : isProgramCode(code) ? code : 'SEDPS');
  }
  return codes;
}

/** Codes whose phrases occur in the folded words; each match is consumed so "windows server" hides "windows". */
function phraseCodes(folded: string, phrases: readonly NamedProgram[]): Set<ProgramCode> {
  let text = ` ${folded} `;
  const codes = new Set<ProgramCode>();
  for (const { code, phrase } of phrases) {
    if (text.includes(` ${phrase} `)) {
      codes.add(code);
      text = text.split(` ${phrase} `).join(' | ');
    }
  }
  return codes;
}

/** Optimal string alignment distance, stopped early: only "is it at most 1" matters. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return restA === restB || a.slice(i) === restB || a.slice(i + 1) === b.slice(i) || swapped;
}

function fuzzyCodes(folded: string): Set<ProgramCode> {
  const codes = new Set<ProgramCode>();
  const tokens = folded.split(' ').filter((t) => t.length >= 6);
  for (const { code, phrase } of KEYWORD_LIST) {
    if (phrase.length < 6 || phrase.includes(' ')) continue;
    if (tokens.some((t) => withinOneEdit(t, phrase))) codes.add(code);
  }
  return codes;
}

function single(codes: Set<ProgramCode>): ProgramCode | null {
  return codes.size === 1 ? ([...codes][0] ?? null) : null;
}

/** Reads the value of a labelled program field ("Program: Lync DPS"). */
export function matchProgramValue(value: string): ProgramMatch {
  const folded = foldWords(value.slice(0, 300));
  const training = TRAINING.test(folded);
  if (DYNAMICS.test(folded) || training) return { code: null, kind: null, training };
  const byCode = codesInText(value.slice(0, 300));
  if (byCode.size > 0) return { code: single(byCode), kind: byCode.size === 1 ? 'exact' : null, training };
  const byName = single(phraseCodes(folded, NAMES));
  if (byName) return { code: byName, kind: 'exact', training };
  const byKeyword = phraseCodes(folded, KEYWORD_LIST);
  const variant = single(byKeyword.size > 0 ? byKeyword : fuzzyCodes(folded));
  return { code: variant, kind: variant ? 'variant' : null, training };
}

/**
 * Finds a program named in running text when no field is labelled ("your SharePoint Deployment
 * Planning Services voucher"): only codes and full names or aliases count, never a lone keyword.
 */
export function findProgramMention(text: string, folded: string = foldWords(text)): ProgramCode | null {
  if (DYNAMICS.test(folded)) return null;
  const codes = codesInText(text);
  for (const code of phraseCodes(folded, NAMES)) codes.add(code);
  return single(codes);
}

// A cell that speaks of planning services; only such a cell may name the program without a label.
const PLANNING_MARK =
  /(?<![a-z])(dps|planning|planification|planungsdienst[a-z]*|planificacion|deployment|deploiement|bereitstellung|implementacion)(?![a-z])/;

/**
 * The program named in the cells of a table row with no program label ("3HQ7-K2LM  SQL Server DPS  5 days"):
 * only cells that speak of planning count, and they must agree on one program.
 */
export function findProgramInCells(cells: readonly string[]): ProgramCode | null {
  const codes = new Set<ProgramCode>();
  for (const cell of cells) {
    const folded = foldWords(cell.slice(0, 300));
    if (!PLANNING_MARK.test(folded)) continue;
    const m = matchProgramValue(cell);
    if (m.training) return null;
    if (m.code) codes.add(m.code);
  }
  return single(codes);
}
