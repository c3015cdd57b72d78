import type { FieldName, TemplateLanguage } from './types';
import { foldKeepLength } from './text';

/**
 * Field labels of voucher notices, per language, as data. Each pattern is a regular-expression
 * source over folded text (lower case, no accents): a space stands for any run of spaces,
 * hyphens or underscores, and an apostrophe for an optional straight or curly one. A leading
 * "!" marks a bare word ("Voucher", "Type") that counts as a label only when a colon, a table
 * cell or the end of the line follows it, so prose such as "Voucher ABC was cancelled" or
 * "Agreement end date" is not read as a label.
 */
export type LabelField = FieldName | 'status' | 'email';

interface LabelGroup {
  field: LabelField;
  lang: TemplateLanguage;
  patterns: readonly string[];
}

const NO = "(number|no\\.?|nr\\.?|n°|#|id|code|key|reference)";
const ADMIN = 'admin(istrator)?';
const EMAIL = 'e-?mail( address)?';

const GROUPS: readonly LabelGroup[] = [
  { field: 'voucherNumber', lang: 'en', patterns: [`(sa |planning services? |planning )?voucher ${NO}`, '!voucher'] },
  { field: 'voucherNumber', lang: 'fr', patterns: ["(numero|n°|no\\.?|id|identifiant|code|reference) (de|du) (bon|voucher|coupon)(?! de commande)", 'bon (n°|no\\.?|numero)', '!bon', '!voucher'] },
  { field: 'voucherNumber', lang: 'de', patterns: ['(gutschein|voucher) ?(nummer|nr\\.?|id|code|schlussel|kennung)', 'nummer des gutscheins', '!gutschein'] },
  { field: 'voucherNumber', lang: 'es', patterns: ['(numero|n\\.?°|n\\.?º|no\\.?|id|codigo|identificador) (de|del) (cupon|vale|bono|voucher)', '(cupon|vale|bono) (n\\.?°|n\\.?º|no\\.?|numero|id|codigo)', '!(cupon|vale|bono)'] },

  { field: 'program', lang: 'en', patterns: ['program(me)?( name)?', 'offering', 'voucher (type|program(me)?|offering)', 'type of voucher', '(planning )?service( type| name)?', 'benefit( type)?', 'planning services?( program(me)?| offering| type)?', '!type'] },
  { field: 'program', lang: 'fr', patterns: ['(nom du )?programme', 'offre', 'type (de|du) (bon|voucher)', 'prestation', 'service( de planification)?', 'avantage', '!type'] },
  { field: 'program', lang: 'de', patterns: ['programm(name)?', 'angebot', 'gutschein ?(typ|art)', 'art des gutscheins', '(dienst)?leistung', 'planungsdienst(e|leistung)?', '!typ'] },
  { field: 'program', lang: 'es', patterns: ['(nombre del )?programa', 'oferta', 'tipo (de|del) (vale|cupon|bono|voucher)', 'servicio( de planificacion)?', 'beneficio', '!tipo'] },

  { field: 'days', lang: 'en', patterns: ['(number of |no\\.? of |total )?(planning |voucher |engagement )?days', 'duration( in days)?', 'voucher (value|length|size)', '(value|length)( in days)?'] },
  { field: 'days', lang: 'fr', patterns: ['nombre (de|des) jours( de planification)?', '(nb|nbre) (de )?jours', 'jours( de planification)?', 'duree( en jours)?', 'valeur( du bon)?'] },
  { field: 'days', lang: 'de', patterns: ['anzahl (der )?(planungs)?tage', '(planungs)?tage', 'dauer( in tagen)?', 'gutschein ?wert', 'wert', 'umfang'] },
  { field: 'days', lang: 'es', patterns: ['(numero|n\\.?º|cantidad) de dias( de planificacion)?', 'dias( de planificacion)?', 'duracion( en dias)?', 'valor( (del|de) (vale|cupon|bono))?'] },

  { field: 'customerName', lang: 'en', patterns: ['customer( organi[sz]ation)?( name)?', 'organi[sz]ation( name)?', 'company( name)?', 'licensee( name)?', 'client( name)?', 'end customer'] },
  { field: 'customerName', lang: 'fr', patterns: ["(nom (du|de l') )?client", "nom de l'(organisation|entreprise)", 'organisation', 'societe', 'entreprise', 'raison sociale', 'titulaire( de la licence)?'] },
  { field: 'customerName', lang: 'de', patterns: ['kunde(nname)?', 'name des kunden', 'organisation', 'unternehmen', 'firma', 'firmenname', 'lizenznehmer'] },
  { field: 'customerName', lang: 'es', patterns: ['(nombre del )?cliente', 'nombre de la (organizacion|empresa)', 'organizacion', 'empresa', 'razon social', 'licenciatario'] },

  { field: 'agreementNumber', lang: 'en', patterns: [`(license |licence |volume licensing |master |enterprise )?agreement ${NO}`, `contract ${NO}`, `(enrollment|enrolment)( ?/ ?(license |licence )?(agreement|contract))? ${NO}`, `(agreement|contract) ?/ ?(enrollment|enrolment) ${NO}`, '!agreement', '!contract'] },
  { field: 'agreementNumber', lang: 'fr', patterns: ["(numero|n°|no\\.?|reference) (de|du|d') ?(contrat|accord)", "(numero|n°|no\\.?) (d'|de l') ?(inscription|adhesion)", '!contrat', '!accord'] },
  { field: 'agreementNumber', lang: 'de', patterns: ['(lizenz|rahmen)?vertrags ?(nummer|nr\\.?|id)', '(vereinbarungs|lizenzvereinbarungs|anmelde|registrierungs)nummer', 'nummer des vertrags', '!vertrag'] },
  { field: 'agreementNumber', lang: 'es', patterns: ['(numero|n\\.?°|n\\.?º|no\\.?|id) (de|del) (contrato|acuerdo|inscripcion)', '!contrato', '!acuerdo'] },

  { field: 'voucherAdminEmail', lang: 'en', patterns: [`(voucher |benefits? |sa benefits? |software assurance )${ADMIN}( ${EMAIL}| contact)?`, `${EMAIL} (of )?(the )?(voucher |benefits? )?${ADMIN}`, `${ADMIN} ${EMAIL}`, 'voucher contact', '!administrator'] },
  { field: 'voucherAdminEmail', lang: 'fr', patterns: ["administrat(eur|rice) (des|du|de) (bons?|vouchers?|avantages)", "(e-?mail|courriel|adresse (e-?mail|electronique)) de l'administrat(eur|rice)( (des|du) (bons?|vouchers?))?", 'gestionnaire (des|du) bons?', '!administrat(eur|rice)'] },
  { field: 'voucherAdminEmail', lang: 'de', patterns: ['gutschein ?(administrator|verwalter)(in)?( e-?mail(-adresse)?)?', 'e-?mail(-adresse)? (des|der) gutschein ?(administrators?|verwalters?|administratorin)', '!administrator'] },
  { field: 'voucherAdminEmail', lang: 'es', patterns: ['administrador(a)? (de|del) (vales?|cupon(es)?|bonos?|beneficios)', '(correo( electronico)?|e-?mail) del administrador(a)?( (de|del) (vales?|cupon(es)?|bonos?))?', '!administrador(a)?'] },

  { field: 'assignedOn', lang: 'en', patterns: ['(date |voucher )?(assigned|created|issued)( to (the )?partner)?( on| date)?', '(voucher )?(assignment|creation|issue|issuance) date', 'date of (assignment|creation|issue)', '!date (assigned|created|issued)'] },
  { field: 'assignedOn', lang: 'fr', patterns: ["date (de |d')(creation|attribution|affectation|emission|assignation)", '(cree|attribue|affecte|emis|assigne)e? le', '!(cree|attribue|affecte)e?'] },
  { field: 'assignedOn', lang: 'de', patterns: ['(erstellt|zugewiesen|ausgestellt|zugeteilt|vergeben) am', '(erstellungs|zuweisungs|ausstellungs|zuteilungs)datum', 'datum der (erstellung|zuweisung|ausstellung|zuteilung)', '!(erstellt|zugewiesen)'] },
  { field: 'assignedOn', lang: 'es', patterns: ['fecha de (creacion|asignacion|emision)', '(creado|asignado|emitido)a? (el|en)', '!(creado|asignado)a?'] },

  { field: 'expiresOn', lang: 'en', patterns: ['(voucher )?(expires|expiring|expiry|expiration)( on| date)?', '(expiration|expiry) date', 'valid (until|through|thru|to)', '(use|redeem) (by|before)'] },
  { field: 'expiresOn', lang: 'fr', patterns: ["date d'(expiration|echeance)", 'expire le', "(valable|valide|utilisable) jusqu'(au|a)", '(date de )?fin de validite', '!(expiration|echeance)'] },
  { field: 'expiresOn', lang: 'de', patterns: ['ablaufdatum', 'lauft ab am', '(gultig|einlosbar) bis( zum)?', 'verfallsdatum', 'verfallt am', 'ende der gultigkeit', '!ablauf'] },
  { field: 'expiresOn', lang: 'es', patterns: ['fecha de (vencimiento|caducidad|expiracion)', '(vence|caduca|expira) el', 'valido hasta( el)?', '!(vencimiento|caducidad)'] },

  { field: 'status', lang: 'en', patterns: ['(voucher )?status'] },
  { field: 'status', lang: 'fr', patterns: ['statut( du bon)?', 'etat( du bon)?'] },
  { field: 'status', lang: 'de', patterns: ['(gutschein)?status'] },
  { field: 'status', lang: 'es', patterns: ['estado( del (vale|cupon|bono))?'] },

  { field: 'email', lang: 'en', patterns: [EMAIL] },
  { field: 'email', lang: 'fr', patterns: ['courriel', 'adresse (e-?mail|electronique)'] },
  { field: 'email', lang: 'de', patterns: ['e-?mail(-adresse)?'] },
  { field: 'email', lang: 'es', patterns: ['correo( electronico)?'] },
];

// A possessive or article in front of a label: "Your voucher number:", "Votre numéro de bon".
const FILLER = "(?:(?:your|the|this|votre|vos|le|la|les|ce|cette|ihre?|der|die|das|su|sus|el|tu)\\s+|l['’]\\s*)?";

interface CompiledLabel {
  field: LabelField;
  lang: TemplateLanguage;
  re: RegExp;
  strongOnly: boolean;
}

function compile(pattern: string): string {
  return pattern.replace(/ /g, '[\\s_-]*').replace(/'/g, "['’]?\\s*");
}

const COMPILED: readonly CompiledLabel[] = GROUPS.flatMap((group) =>
  group.patterns.map((raw) => {
    const strongOnly = raw.startsWith('!');
    const source = compile(strongOnly ? raw.slice(1) : raw);
    return { field: group.field, lang: group.lang, strongOnly, re: new RegExp(`^${FILLER}(?:${source})(?![a-z0-9])`) };
  }),
);

// One anchored alternation rejects the (vast majority of) lines that start with no label at all.
const ANY_LABEL = new RegExp(
  `^${FILLER}(?:${GROUPS.flatMap((g) => g.patterns.map((p) => compile(p.replace(/^!/, '')))).join('|')})(?![a-z0-9])`,
);

export type Separator = 'colon' | 'end' | 'space';

export interface LabelMatch {
  field: LabelField;
  lang: TemplateLanguage;
  /** The text after the label and its separator, from the original (unfolded) cell. */
  value: string;
  separator: Separator;
}

const CONNECTOR = /^\s+(?:is|are|est|sont|lautet|lauten|ist|es|son)(?![a-z0-9])/;
const PAREN = /^\s*\([^)\n]{0,40}\)/;
// "Label:", "Label -", "Label =", and dotted leaders "Label.......:".
const COLON = /^\s*(?:\.{2,}\s*:?|[:：=|>\-–—]+)\s*/;

/** Reads the separator after a label: "Label: v", "Label (email) - v", "Label is v", "Label". */
function readSeparator(folded: string, at: number): { sep: Separator; start: number } | null {
  let pos = at;
  pos += PAREN.exec(folded.slice(pos))?.[0].length ?? 0;
  pos += CONNECTOR.exec(folded.slice(pos))?.[0].length ?? 0;
  const rest = folded.slice(pos);
  const colon = COLON.exec(rest);
  if (colon) return { sep: 'colon', start: pos + colon[0].length };
  if (rest.trim() === '') return { sep: 'end', start: folded.length };
  if (/^\s/.test(rest)) return { sep: 'space', start: pos + (rest.length - rest.trimStart().length) };
  return null;
}

/** The label a cell starts with, the longest that fits, with the value that follows it. */
export function matchLabel(cell: string): LabelMatch | null {
  const folded = foldKeepLength(cell.slice(0, 160));
  if (!ANY_LABEL.test(folded)) return null;
  let best: { label: CompiledLabel; end: number } | null = null;
  for (const label of COMPILED) {
    const m = label.re.exec(folded);
    if (m && (!best || m[0].length > best.end)) best = { label, end: m[0].length };
  }
  if (!best) return null;
  const sep = readSeparator(folded, best.end);
  if (!sep || (best.label.strongOnly && sep.sep === 'space')) return null;
  return { field: best.label.field, lang: best.label.lang, value: cell.slice(sep.start).trim(), separator: sep.sep };
}
