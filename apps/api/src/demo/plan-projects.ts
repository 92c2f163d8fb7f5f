import { ProjectKind } from '@koop/domain';

/**
 * How a project runs: on plan, late (its current phase overruns and it reports AMBER), in trouble
 * (late and RED at the end), or finished and retired.
 */
export type Course = 'steady' | 'delayed' | 'troubled' | 'retired';

export interface ProjectPlan {
  /** Stable name of the project's random stream. */
  key: string;
  workingGroup: string;
  kind: ProjectKind;
  /** Title; online services of services.csv take their German name from there. */
  title?: string;
  /** LeiKa key of a service of services.csv. */
  leikaKey?: string;
  /** OZG topic of an online service that is not in services.csv. */
  ozgTopic?: string;
  description: string;
  owner: string;
  isEfa?: boolean;
  /** Months between the start and today: the history is relative to the day of seeding. */
  startedMonthsAgo: number;
  course?: Course;
  risks?: string;
}

export const PROJECTS: readonly ProjectPlan[] = [
  // Onlinedienste nach dem OZG (EG)
  {
    key: 'residence',
    workingGroup: 'online-services',
    kind: ProjectKind.ONLINE_SERVICE,
    leikaKey: '99115005104000',
    description: 'Elektronische Wohnsitzanmeldung mit Anbindung an das Melderegister und die BayernID.',
    owner: 'Ingolstadt',
    isEfa: true,
    startedMonthsAgo: 46,
  },
  {
    key: 'business',
    workingGroup: 'online-services',
    kind: ProjectKind.ONLINE_SERVICE,
    leikaKey: '99050012104000',
    description: 'Gewerbeanmeldung mit Weiterleitung an Kammern und Finanzamt nach XGewerbeanzeige.',
    owner: 'Erlangen',
    isEfa: true,
    startedMonthsAgo: 42,
  },
  {
    key: 'birth-certificate',
    workingGroup: 'online-services',
    kind: ProjectKind.ONLINE_SERVICE,
    leikaKey: '99027002012000',
    description: 'Beantragung von Geburtsurkunden mit Online-Bezahlung und Versand.',
    owner: 'Bamberg',
    startedMonthsAgo: 38,
  },
  {
    key: 'certificate-of-conduct',
    workingGroup: 'online-services',
    kind: ProjectKind.ONLINE_SERVICE,
    leikaKey: '99049001001000',
    description:
      'Antrag auf ein Führungszeugnis über das Bürgerbüro mit elektronischer Weiterleitung an das Bundesamt für Justiz.',
    owner: 'Fürth',
    startedMonthsAgo: 30,
  },
  {
    key: 'housing-benefit',
    workingGroup: 'online-services',
    kind: ProjectKind.ONLINE_SERVICE,
    leikaKey: '99107023037000',
    description: 'Wohngeldantrag mit Nachweisupload und Übergabe an das Fachverfahren.',
    owner: 'Würzburg',
    isEfa: true,
    startedMonthsAgo: 18,
    // An online service in trouble, so that the demo shows what a RED project means for the cities waiting for it.
    course: 'troubled',
    risks:
      'Schnittstelle zum Wohngeld-Fachverfahren verzögert sich; Nachweisabruf hängt von der Registermodernisierung ab.',
  },
  {
    key: 'housing-entitlement',
    workingGroup: 'online-services',
    kind: ProjectKind.ONLINE_SERVICE,
    leikaKey: '99107022012000',
    description: 'Antrag auf einen Wohnberechtigungsschein, nachgenutzt aus dem Wohngeld-Antragsmodul.',
    owner: 'Landshut',
    startedMonthsAgo: 14,
  },
  {
    key: 'bulky-waste',
    workingGroup: 'online-services',
    kind: ProjectKind.ONLINE_SERVICE,
    title: 'Sperrmüll anmelden',
    ozgTopic: 'UMWELT',
    description:
      'Terminbuchung für die Sperrmüllabholung mit Anbindung an die Tourenplanung der Entsorgungsbetriebe.',
    owner: 'Kempten (Allgäu)',
    startedMonthsAgo: 10,
  },
  {
    key: 'reuse-guide',
    workingGroup: 'online-services',
    kind: ProjectKind.CONCEPT,
    title: 'Leitfaden zur Nachnutzung von EfA-Onlinediensten',
    description:
      'Vertragsmuster, Kostenverteilung und technische Schritte für Städte, die einen Dienst nachnutzen.',
    owner: 'Rosenheim',
    startedMonthsAgo: 9,
  },

  // Digitale Identität und Bezahlen (M-A-N)
  {
    key: 'identity-card',
    workingGroup: 'identity-payment',
    kind: ProjectKind.ONLINE_SERVICE,
    leikaKey: '99008001012000',
    description: 'Vorbereitung des Personalausweisantrags online mit Terminbuchung und Lichtbildupload.',
    owner: 'München',
    startedMonthsAgo: 40,
  },
  {
    key: 'dog-tax',
    workingGroup: 'identity-payment',
    kind: ProjectKind.ONLINE_SERVICE,
    leikaKey: '99102013104000',
    description: 'An- und Abmeldung zur Hundesteuer mit SEPA-Mandat und Bescheid ins Postfach.',
    owner: 'Augsburg',
    startedMonthsAgo: 44,
  },
  {
    key: 'bayernid',
    workingGroup: 'identity-payment',
    kind: ProjectKind.PLATFORM,
    title: 'Anbindung von BayernID und BundID',
    description:
      'Gemeinsamer Anschluss der drei Städte an die Nutzerkonten von Land und Bund, inklusive Postfach.',
    owner: 'Nürnberg',
    startedMonthsAgo: 50,
  },
  {
    key: 'epayment',
    workingGroup: 'identity-payment',
    kind: ProjectKind.PLATFORM,
    title: 'Gemeinsame ePayment-Plattform',
    description:
      'Ein Bezahldienst für alle Onlinedienste der drei Städte mit Anbindung an die Kassenverfahren.',
    owner: 'München',
    startedMonthsAgo: 22,
    course: 'delayed',
    risks:
      'Anbindung an drei unterschiedliche Kassenverfahren; Vergabe des Zahlungsdienstleisters verzögert.',
  },
  {
    key: 'xbezahldienste',
    workingGroup: 'identity-payment',
    kind: ProjectKind.STANDARD,
    title: 'Umsetzung von XBezahldienste',
    description: 'Gemeinsames Profil des Standards XBezahldienste für die Onlinedienste der Kooperation.',
    owner: 'Nürnberg',
    startedMonthsAgo: 12,
  },

  // Kommunales Datenmanagement (M-A-N)
  {
    key: 'urban-data-platform',
    workingGroup: 'data-management',
    kind: ProjectKind.PLATFORM,
    title: 'Urbane Datenplattform der M-A-N-Städte',
    description:
      'Gemeinsam betriebene Plattform für Sensor-, Verkehrs- und Umweltdaten auf Basis offener Standards.',
    owner: 'Nürnberg',
    startedMonthsAgo: 38,
  },
  {
    key: 'data-catalogue',
    workingGroup: 'data-management',
    kind: ProjectKind.STANDARD,
    title: 'Gemeinsames Datenkatalog-Schema',
    description: 'Einheitliche Beschreibung kommunaler Datensätze, kompatibel mit DCAT-AP.de.',
    owner: 'Augsburg',
    startedMonthsAgo: 13,
  },
  {
    key: 'data-governance',
    workingGroup: 'data-management',
    kind: ProjectKind.CONCEPT,
    title: 'Rahmen für Data Governance',
    description: 'Rollen, Verantwortlichkeiten und Qualitätsregeln für Daten der Stadtverwaltungen.',
    owner: 'München',
    startedMonthsAgo: 7,
  },
  {
    key: 'digital-twin',
    workingGroup: 'data-management',
    kind: ProjectKind.PLATFORM,
    title: 'Digitaler Zwilling – Pilot Verkehrsflächen',
    description: 'Pilot eines gemeinsamen digitalen Zwillings für Straßenraum und Verkehrsflächen.',
    owner: 'München',
    startedMonthsAgo: 22,
    course: 'troubled',
    risks: 'Datenlieferungen der Vermessungsämter unvollständig; Fördermittel laufen aus.',
  },

  // Ende-zu-Ende-Prozessintegration (M-A-N)
  {
    key: 'residents-parking',
    workingGroup: 'process-integration',
    kind: ProjectKind.ONLINE_SERVICE,
    leikaKey: '99108001001000',
    description:
      'Bewohnerparkausweis vollständig digital: Antrag, Bezahlung, Bescheid und Ausweis ohne Behördengang.',
    owner: 'Nürnberg',
    startedMonthsAgo: 36,
  },
  {
    key: 'daycare',
    workingGroup: 'process-integration',
    kind: ProjectKind.ONLINE_SERVICE,
    title: 'Kita-Platz vormerken',
    ozgTopic: 'FAMILIE',
    description: 'Vormerkung für Kita-Plätze mit Übergabe an die Platzvergabe der Träger.',
    owner: 'München',
    startedMonthsAgo: 20,
  },
  {
    key: 'fit-connect',
    workingGroup: 'process-integration',
    kind: ProjectKind.STANDARD,
    title: 'FIT-Connect-Anbindung der Fachverfahren',
    description:
      'Gemeinsames Vorgehen, um Onlineanträge über FIT-Connect direkt in die Fachverfahren zu übergeben.',
    owner: 'Augsburg',
    startedMonthsAgo: 30,
  },
  {
    key: 'appointments',
    workingGroup: 'process-integration',
    kind: ProjectKind.PLATFORM,
    title: 'Gemeinsame Online-Terminvereinbarung',
    description:
      'Übergangslösung für die Terminbuchung in den Bürgerbüros, abgelöst durch die Terminmodule der Onlinedienste.',
    owner: 'München',
    startedMonthsAgo: 50,
    course: 'retired',
  },
  {
    key: 'e-file',
    workingGroup: 'process-integration',
    kind: ProjectKind.CONCEPT,
    title: 'E-Akte-Integration der Onlinedienste',
    description: 'Wie Anträge und Bescheide ohne Medienbruch in die E-Akte der drei Städte gelangen.',
    owner: 'Augsburg',
    startedMonthsAgo: 4,
  },

  // Open Data (EG)
  {
    key: 'open-data-portal',
    workingGroup: 'open-data',
    kind: ProjectKind.PLATFORM,
    title: 'Gemeinsames Open-Data-Portal der Mittelstädte',
    description:
      'Ein Portal, in dem jede Mitgliedsstadt ihre offenen Daten veröffentlicht, angebunden an GovData.',
    owner: 'Bamberg',
    startedMonthsAgo: 40,
  },
  {
    key: 'dcat',
    workingGroup: 'open-data',
    kind: ProjectKind.STANDARD,
    title: 'Metadatenprofil nach DCAT-AP.de',
    description:
      'Gemeinsames Metadatenprofil, damit die Datensätze aller Städte gleich beschrieben und auffindbar sind.',
    owner: 'Erlangen',
    startedMonthsAgo: 30,
  },
  {
    key: 'open-data-guidelines',
    workingGroup: 'open-data',
    kind: ProjectKind.CONCEPT,
    title: 'Open-Data-Leitlinien für Mittelstädte',
    description:
      'Welche Daten veröffentlicht werden, unter welcher Lizenz und wer in der Verwaltung dafür zuständig ist.',
    owner: 'Kempten (Allgäu)',
    startedMonthsAgo: 8,
  },
  {
    key: 'traffic-data',
    workingGroup: 'open-data',
    kind: ProjectKind.PLATFORM,
    title: 'Parkraum- und Verkehrsdaten als Open Data',
    description: 'Echtzeitdaten zu Parkhäusern und Verkehrszählungen über eine gemeinsame Schnittstelle.',
    owner: 'Aschaffenburg',
    startedMonthsAgo: 12,
  },

  // Registermodernisierung (EG)
  {
    key: 'idnr',
    workingGroup: 'registers',
    kind: ProjectKind.CONCEPT,
    title: 'Einführung der Identifikationsnummer in den Fachverfahren',
    description: 'Fahrplan, wie die Mitgliedsstädte die IDNr in Melde-, Pass- und Sozialverfahren nutzen.',
    owner: 'Fürth',
    startedMonthsAgo: 14,
    course: 'delayed',
    risks: 'Fachverfahrenshersteller liefern die IDNr-Unterstützung später als angekündigt.',
  },
  {
    key: 'xmeld',
    workingGroup: 'registers',
    kind: ProjectKind.STANDARD,
    title: 'XMeld-Schnittstellen für den Datenabruf',
    description:
      'Einheitliche Nutzung der XMeld-Nachrichten für Abrufe anderer Behörden aus dem Melderegister.',
    owner: 'Landshut',
    startedMonthsAgo: 12,
  },
  {
    key: 'noots',
    workingGroup: 'registers',
    kind: ProjectKind.PLATFORM,
    title: 'Anbindung an das National-Once-Only-Technical-System',
    description: 'Technische Anbindung der kommunalen Register an das NOOTS für den Nachweisabruf.',
    owner: 'Ingolstadt',
    startedMonthsAgo: 19,
    course: 'troubled',
    risks: 'Spezifikation des NOOTS noch nicht stabil; Testumgebung des Bundes steht nicht zur Verfügung.',
  },
  {
    key: 'once-only-registration',
    workingGroup: 'registers',
    kind: ProjectKind.CONCEPT,
    title: 'Once-Only im Meldewesen',
    description: 'Welche Nachweise Bürgerinnen und Bürger bei der Anmeldung nicht mehr vorlegen müssen.',
    owner: 'Passau',
    startedMonthsAgo: 2,
  },

  // Strategie und Positionen (EG)
  {
    key: 'ozg-amendment',
    workingGroup: 'strategy',
    kind: ProjectKind.POSITION_PAPER,
    title: 'Positionspapier zur Umsetzung des OZG-Änderungsgesetzes',
    description: 'Was die Mittelstädte von Land und Bund bei der Umsetzung des OZG 2.0 erwarten.',
    owner: 'Ingolstadt',
    startedMonthsAgo: 30,
  },
  {
    key: 'funding',
    workingGroup: 'strategy',
    kind: ProjectKind.POSITION_PAPER,
    title: 'Stellungnahme zur Finanzierung kommunaler Digitalisierung',
    description:
      'Vorschläge für eine dauerhafte Finanzierung von Betrieb und Weiterentwicklung der Onlinedienste.',
    owner: 'Würzburg',
    startedMonthsAgo: 18,
  },
  {
    key: 'strategy-2030',
    workingGroup: 'strategy',
    kind: ProjectKind.CONCEPT,
    title: 'Digitalstrategie der Mittelstädte 2030',
    description: 'Gemeinsame Ziele, Handlungsfelder und Kennzahlen der Entwicklergemeinschaft bis 2030.',
    owner: 'Erlangen',
    startedMonthsAgo: 26,
  },
  {
    key: 'efa-position',
    workingGroup: 'strategy',
    kind: ProjectKind.POSITION_PAPER,
    title: 'Positionspapier Nachnutzung und Einer für Alle',
    description: 'Bedingungen, unter denen EfA-Dienste für Mittelstädte wirtschaftlich nachnutzbar sind.',
    owner: 'Bayreuth',
    startedMonthsAgo: 5,
  },

  // Marketing und Akzeptanz (EG)
  {
    key: 'campaign',
    workingGroup: 'marketing',
    kind: ProjectKind.MARKETING,
    title: 'Kampagne „Rathaus online“',
    description:
      'Plakate, Anzeigen und Aktionen in den Bürgerbüros, die auf die neuen Onlinedienste hinweisen.',
    owner: 'Rosenheim',
    startedMonthsAgo: 30,
    course: 'retired',
  },
  {
    key: 'videos',
    workingGroup: 'marketing',
    kind: ProjectKind.MARKETING,
    title: 'Erklärvideos zu den Onlinediensten',
    description:
      'Kurze barrierefreie Videos, die Schritt für Schritt durch die wichtigsten Onlinedienste führen.',
    owner: 'Schweinfurt',
    startedMonthsAgo: 20,
  },
  {
    key: 'survey',
    workingGroup: 'marketing',
    kind: ProjectKind.CONCEPT,
    title: 'Gemeinsame Befragung zur Nutzerzufriedenheit',
    description:
      'Einheitliche Auswertung der Bewertungen aus der Feedback-Komponente über alle Mitgliedsstädte.',
    owner: 'Coburg',
    startedMonthsAgo: 8,
  },
  {
    key: 'social-media',
    workingGroup: 'marketing',
    kind: ProjectKind.MARKETING,
    title: 'Social-Media-Baukasten für die Mitgliedsstädte',
    description:
      'Vorlagen und Redaktionsplan, mit denen jede Stadt ihre Onlinedienste in sozialen Medien bewirbt.',
    owner: 'Hof',
    startedMonthsAgo: 5,
  },
  {
    key: 'action-day',
    workingGroup: 'marketing',
    kind: ProjectKind.MARKETING,
    title: 'Aktionstag Digitale Verwaltung',
    description: 'Ein gemeinsamer Aktionstag in allen Mitgliedsstädten mit Vorführungen der Onlinedienste.',
    owner: 'Memmingen',
    startedMonthsAgo: 1,
  },
];

/** A service of services.csv that no plan above names gets one of these in the OZG working group. */
export const DEFAULT_SERVICE_PLAN = {
  workingGroup: 'online-services',
  owner: 'Erlangen',
  startedMonthsAgo: 18,
} as const;

/** Usage of an online service: what drives its monthly figures. */
export interface ServiceProfile {
  /** Cases per 1,000 inhabitants and month, online and offline together. */
  demandPer1000: number;
  /** Share of cases handled online once the service is well established. */
  onlineShare: number;
  /** Share of started online transactions that are completed. */
  completion: number;
  /** Average star rating the service tends to get. */
  rating: number;
}

const DEFAULT_PROFILE: ServiceProfile = { demandPer1000: 1, onlineShare: 0.4, completion: 0.75, rating: 3.7 };

const PROFILES: Record<string, ServiceProfile> = {
  residence: { demandPer1000: 8, onlineShare: 0.45, completion: 0.72, rating: 3.6 },
  business: { demandPer1000: 0.9, onlineShare: 0.6, completion: 0.8, rating: 3.9 },
  'birth-certificate': { demandPer1000: 1.2, onlineShare: 0.5, completion: 0.86, rating: 4.1 },
  'certificate-of-conduct': { demandPer1000: 1.8, onlineShare: 0.4, completion: 0.82, rating: 3.8 },
  'housing-benefit': { demandPer1000: 0.6, onlineShare: 0.35, completion: 0.6, rating: 3.2 },
  'housing-entitlement': { demandPer1000: 0.25, onlineShare: 0.4, completion: 0.7, rating: 3.5 },
  'bulky-waste': { demandPer1000: 3, onlineShare: 0.6, completion: 0.88, rating: 4.2 },
  'identity-card': { demandPer1000: 6, onlineShare: 0.15, completion: 0.78, rating: 3.4 },
  'dog-tax': { demandPer1000: 0.35, onlineShare: 0.7, completion: 0.85, rating: 4.0 },
  'residents-parking': { demandPer1000: 1.5, onlineShare: 0.75, completion: 0.83, rating: 3.8 },
  daycare: { demandPer1000: 0.9, onlineShare: 0.8, completion: 0.76, rating: 3.5 },
};

export function serviceProfile(projectKey: string): ServiceProfile {
  return PROFILES[projectKey] ?? DEFAULT_PROFILE;
}
