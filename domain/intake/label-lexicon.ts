import type { TemplateLanguage } from './types';

/**
 * The words that field labels of voucher notices are made of, per language, as data. A label is
 * read as a run of these words (see label-tokens.ts) and its meaning comes from the set of
 * concepts its words carry (see label-rules.ts), so "Voucher ID / Document ID", "Numéro du bon
 * client" and "Planungsgutschein-ID" need no entry of their own. Words are folded: lower case,
 * no accents. A phrase (words separated by one space) counts as one word.
 *
 * The source document (DOMAIN.md, seed) is a machine translation that calls a voucher a
 * "document" ("ID de document", "Échanger le document"); customers and their emails reuse that
 * vocabulary. "document" is a weak voucher word: a number labelled with it is a voucher number
 * only when the email speaks of Planning Services (see assemble.ts).
 */
export type Concept =
  | 'voucher'
  | 'document'
  | 'number'
  | 'program'
  | 'planning'
  | 'benefit'
  | 'type'
  | 'name'
  | 'days'
  | 'count'
  | 'duration'
  | 'value'
  | 'engagement'
  | 'customer'
  | 'agreement'
  | 'license'
  | 'admin'
  | 'contact'
  | 'email'
  | 'date'
  | 'assign'
  | 'expire'
  | 'valid'
  | 'until'
  | 'validity'
  | 'end'
  | 'redeem'
  | 'status'
  | 'partner'
  | 'filler'
  | 'other';

type Vocabulary = Partial<Record<Concept, string>>;

// 'other' words are known so that a label made with them ("bon de commande", "Kundennummer",
// "Rechnungsdatum") is recognised as something else instead of being cut short into a voucher field.
const VOCABULARY: Readonly<Record<TemplateLanguage, Vocabulary>> = {
  en: {
    voucher: 'voucher vouchers coupon',
    document: 'document documents',
    number: 'number no n° nº # id code key reference ref identifier num',
    program: 'program programs programme offering offer service services',
    planning: 'planning sa software assurance deployment planning services planning service deployment planning services dps',
    benefit: 'benefit benefits',
    type: 'type kind category',
    name: 'name title',
    days: 'days day',
    count: 'count total',
    duration: 'duration length size',
    value: 'value',
    engagement: 'engagement',
    customer: 'customer client organization organisation company licensee end customer',
    agreement: 'agreement contract enrollment enrolment',
    license: 'license licence licensing volume master enterprise',
    admin: 'administrator admin',
    contact: 'contact',
    email: 'email e mail mail address',
    date: 'date',
    assign: 'assigned created issued assignment creation issue issuance allocated allocation',
    expire: 'expires expire expiring expiry expiration deadline',
    valid: 'valid',
    until: 'until through thru till by before to',
    validity: 'validity',
    end: 'end',
    redeem: 'redeem redemption use',
    status: 'status state',
    partner: 'partner',
    filler: 'the of for your this on at to a an our its included incl',
    other:
      'order purchase po invoice phone telephone mobile fax tracking ticket case billing payment ' +
      'sender recipient from sent subject reservation remaining left used consumed',
  },
  fr: {
    voucher: 'bon bons coupon voucher',
    document: 'document documents',
    number: 'numero numeros n° nº no # id identifiant code reference ref cle',
    program: 'programme programmes offre prestation service services',
    planning: 'planification sa software assurance deploiement services de planification service de planification',
    benefit: 'avantage avantages',
    type: 'type categorie genre',
    name: 'nom intitule libelle designation',
    days: 'jours jour journees journee',
    count: 'nombre nb nbre total',
    duration: 'duree taille',
    value: 'valeur',
    engagement: 'engagement mission',
    customer: 'client cliente organisation societe entreprise titulaire raison sociale',
    agreement: 'contrat accord inscription adhesion',
    license: 'licence licences licensing volume',
    admin: 'administrateur administratrice gestionnaire responsable',
    contact: 'contact',
    email: 'courriel e mail email mail adresse electronique',
    date: 'date',
    assign:
      'creation cree creee attribue attribuee attribution affecte affectee affectation emis emise emission assigne assignee assignation',
    expire: 'expiration expire echeance limite',
    valid: 'valable valide utilisable',
    until: 'jusqu avant',
    validity: 'validite',
    end: 'fin',
    redeem: 'echanger echange utiliser utilisation',
    status: 'statut etat',
    partner: 'partenaire',
    filler: 'de du des d l la le les votre vos notre ce cette au a en pour inclus incluses compris',
    other:
      'commande achat facture telephone portable fax dossier ticket expediteur objet envoye reservation paiement restants restant restantes utilises consommes',
  },
  de: {
    voucher: 'gutschein gutscheins gutscheine voucher',
    document: 'dokument dokuments',
    number: 'nummer nr id code kennung schlussel referenz',
    program: 'programm programms angebot dienst dienste dienstleistung leistung',
    planning: 'planung planungs sa software assurance bereitstellung planungsdienst planungsdienste',
    benefit: 'vorteil',
    type: 'typ art kategorie',
    name: 'name bezeichnung',
    days: 'tage tag tagen',
    count: 'anzahl gesamt',
    duration: 'dauer umfang',
    value: 'wert',
    engagement: 'einsatz',
    customer: 'kunde kunden kundin organisation unternehmen firma firmen lizenznehmer',
    agreement: 'vertrag vertrags vereinbarung anmeldung anmelde registrierung',
    license: 'lizenz lizenzen volumen rahmen',
    admin: 'administrator administratorin verwalter verwalterin admin verantwortlicher verantwortliche',
    contact: 'kontakt ansprechpartner',
    email: 'e mail email mail adresse',
    date: 'datum',
    assign: 'erstellt erstellung zugewiesen zuweisung ausgestellt ausstellung zugeteilt zuteilung vergeben vergabe',
    expire: 'ablauf ablaufs lauft ab verfall verfalls verfallt frist',
    valid: 'gultig einlosbar',
    until: 'bis vor',
    validity: 'gultigkeit',
    end: 'ende',
    redeem: 'einlosen einzulosen einlosung',
    status: 'status zustand',
    partner: 'partner',
    filler: 'der die das des dem den ihr ihre ihres ihrer von fur am zum zur im unsere enthalten inbegriffen enthaltene',
    other:
      'bestellung bestell rechnung rechnungs telefon handy fax auftrag auftrags bestellnummer absender betreff zahlung verbleibend verbleibende ubrig verbraucht genutzt',
  },
  es: {
    voucher: 'vale vales cupon cupones bono bonos voucher',
    document: 'documento documentos',
    number: 'numero n° nº no nro # id codigo identificador referencia clave',
    program: 'programa oferta servicio servicios',
    planning: 'planificacion planeacion sa software assurance implementacion servicios de planificacion',
    benefit: 'beneficio beneficios',
    type: 'tipo categoria',
    name: 'nombre denominacion',
    days: 'dias dia jornadas',
    count: 'numero cantidad total',
    duration: 'duracion',
    value: 'valor',
    engagement: 'compromiso',
    customer: 'cliente organizacion empresa razon social licenciatario',
    agreement: 'contrato acuerdo inscripcion',
    license: 'licencia licencias volumen',
    admin: 'administrador administradora responsable',
    contact: 'contacto',
    email: 'correo electronico correo electronico e mail email direccion',
    date: 'fecha',
    assign: 'creacion creado creada asignado asignada asignacion emitido emitida emision',
    expire: 'vencimiento vence caducidad caduca expira expiracion limite',
    valid: 'valido valida',
    until: 'hasta antes',
    validity: 'validez',
    end: 'fin',
    redeem: 'canjear canje usar utilizar',
    status: 'estado',
    partner: 'socio',
    filler: 'de del el la los las su sus tu en a para al incluidos incluidas incluido',
    other: 'pedido compra factura telefono movil fax remitente asunto enviado pago reserva restantes restante utilizados consumidos',
  },
};

export interface LexiconEntry {
  concepts: ReadonlySet<Concept>;
  langs: readonly TemplateLanguage[];
  /** A German noun that can end a compound ("Gutschein-nummer", "Ablauf-datum"). */
  compoundHead: boolean;
}

function addWord(
  map: Map<string, { concepts: Set<Concept>; langs: TemplateLanguage[]; compoundHead: boolean }>,
  word: string,
  concept: Concept,
  lang: TemplateLanguage,
): void {
  const entry = map.get(word) ?? { concepts: new Set<Concept>(), langs: [], compoundHead: false };
  entry.concepts.add(concept);
  if (!entry.langs.includes(lang)) entry.langs.push(lang);
  if (
    lang === 'de' &&
    concept !== 'filler' &&
    concept !== 'until' &&
    (word.length >= 3 || word === 'id' || word === 'nr') &&
    !word.includes(' ')
  ) {
    entry.compoundHead = true;
  }
  map.set(word, entry);
}

// Multi-word entries are listed whole in the vocabulary strings above; these are the ones.
const PHRASES: readonly string[] = [
  'software assurance',
  'planning services',
  'planning service',
  'deployment planning services',
  'end customer',
  'e mail',
  'services de planification',
  'service de planification',
  'raison sociale',
  'lauft ab',
  'servicios de planificacion',
  'razon social',
  'correo electronico',
];

function buildLexicon(): Map<string, LexiconEntry> {
  const map = new Map<string, { concepts: Set<Concept>; langs: TemplateLanguage[]; compoundHead: boolean }>();
  for (const [lang, vocabulary] of Object.entries(VOCABULARY) as Array<[TemplateLanguage, Vocabulary]>) {
    for (const [concept, words] of Object.entries(vocabulary) as Array<[Concept, string]>) {
      let rest = ` ${words} `;
      for (const phrase of PHRASES) {
        if (!rest.includes(` ${phrase} `)) continue;
        addWord(map, phrase, concept, lang);
        rest = rest.split(` ${phrase} `).join(' ');
      }
      for (const word of rest.split(' ')) if (word !== '') addWord(map, word, concept, lang);
    }
  }
  return map;
}

export const LEXICON: ReadonlyMap<string, LexiconEntry> = buildLexicon();

/** The longest phrase, in words, so the tokenizer knows how far to look ahead. */
export const MAX_PHRASE_WORDS = Math.max(...PHRASES.map((p) => p.split(' ').length));

/** Words that occur in phrases, which the tokenizer must read on even when they mean nothing alone ("software"). */
export const PHRASE_WORDS: ReadonlySet<string> = new Set(PHRASES.flatMap((p) => p.split(' ')));

/** German nouns that can close a compound, longest first. */
export const COMPOUND_HEADS: readonly string[] = [...LEXICON.entries()]
  .filter(([, e]) => e.compoundHead)
  .map(([w]) => w)
  .sort((a, b) => b.length - a.length);
