import { AdoptionSource, SolutionKind, SolutionStatus } from '@koop/domain';
import type { EntityManager } from 'typeorm';
import { Reuse, Solution, SolutionDeveloper } from '../solutions/index.js';
import type { DemoRows } from './demo-rows.js';
import { Random } from './random.js';

/**
 * The demo's reuse catalogue: solutions that came out of the demo projects, developed by the demo cities,
 * and the reuses of other cities with how it went. Every link points to the reserved `.example` domain, so
 * that no demo solution can be mistaken for a real download; the database as a whole is marked as demo
 * (appInfo), as for every other demo row.
 */
interface ReusePlan {
  readonly city: string;
  readonly experience: number;
  readonly notes: string;
}

interface SolutionPlan {
  readonly key: string;
  /** The project it came from: by LeiKa key or by title. */
  readonly project: { readonly leikaKey?: string; readonly title?: string };
  readonly title: string;
  readonly kind: SolutionKind;
  readonly status: SolutionStatus;
  readonly summary: string;
  readonly licence: string;
  readonly integrationNotes: string;
  readonly contact: string;
  readonly developedBy: readonly string[];
  readonly reuses: readonly ReusePlan[];
}

const EUPL = 'EUPL-1.2';
const CC_BY = 'CC-BY-4.0';

export const CATALOGUE: readonly SolutionPlan[] = [
  {
    key: 'residence',
    project: { leikaKey: '99115005104000' },
    title: 'Onlinedienst Wohnsitzanmeldung',
    kind: SolutionKind.ONLINE_SERVICE,
    status: SolutionStatus.AVAILABLE,
    summary:
      'Elektronische Wohnsitzanmeldung mit BayernID, Anbindung an das Melderegister über XMeld und Gebührenzahlung.',
    licence: EUPL,
    integrationNotes:
      'Bereitstellung als Container; Konfiguration der Meldebehörde über eine Mandantendatei. Voraussetzung: XMeld-Schnittstelle des Fachverfahrens und ein BayernID-Zugang.',
    contact:
      'Team Onlinedienste, Amt für Digitalisierung, Stadt Ingolstadt (onlinedienste@ingolstadt.example)',
    developedBy: ['Ingolstadt'],
    reuses: [
      {
        city: 'Rosenheim',
        experience: 5,
        notes: 'In sechs Wochen produktiv; die Mandantendatei war gut dokumentiert.',
      },
      {
        city: 'Landshut',
        experience: 4,
        notes: 'Anpassung der Texte an unsere Bürgerbüros nötig, sonst reibungslos.',
      },
      {
        city: 'Bamberg',
        experience: 3,
        notes: 'Die XMeld-Version unseres Fachverfahrens musste erst aktualisiert werden.',
      },
    ],
  },
  {
    key: 'business',
    project: { leikaKey: '99050012104000' },
    title: 'Gewerbeanmeldung nach XGewerbeanzeige',
    kind: SolutionKind.ONLINE_SERVICE,
    status: SolutionStatus.AVAILABLE,
    summary:
      'Gewerbean-, -um- und -abmeldung mit Weiterleitung an Kammern und Finanzamt im Standard XGewerbeanzeige.',
    licence: EUPL,
    integrationNotes:
      'Empfänger (Kammern, Finanzamt) werden über FIT-Connect adressiert; Zustellpunkte je Stadt eintragen.',
    contact: 'Sachgebiet E-Government, Stadt Erlangen',
    developedBy: ['Erlangen'],
    reuses: [
      { city: 'Fürth', experience: 4, notes: 'Gemeinsamer Testlauf mit Erlangen hat viel Zeit gespart.' },
      {
        city: 'Würzburg',
        experience: 3,
        notes: 'Die Anbindung an die IHK brauchte eine zweite Abstimmungsrunde.',
      },
      { city: 'Bayreuth', experience: 5, notes: 'Ohne eigene Entwicklung in Betrieb genommen.' },
    ],
  },
  {
    key: 'bulky-waste',
    project: { title: 'Sperrmüll anmelden' },
    title: 'Formular Sperrmüll anmelden',
    kind: SolutionKind.ONLINE_SERVICE,
    status: SolutionStatus.AVAILABLE,
    summary:
      'Terminbuchung für die Sperrmüllabholung mit Anbindung an die Tourenplanung der Entsorgungsbetriebe.',
    licence: 'MIT',
    integrationNotes:
      'REST-Schnittstelle zur Tourenplanung; für andere Planungssysteme ist ein Adapter zu schreiben.',
    contact: 'Digitalisierung und IT, Stadt Kempten (Allgäu)',
    developedBy: ['Kempten (Allgäu)'],
    reuses: [
      {
        city: 'Memmingen',
        experience: 5,
        notes: 'Unser Entsorger nutzt dasselbe Planungssystem: sofort einsetzbar.',
      },
    ],
  },
  {
    key: 'reuse-guide',
    project: { title: 'Leitfaden zur Nachnutzung von EfA-Onlinediensten' },
    title: 'Leitfaden Nachnutzung von EfA-Onlinediensten',
    kind: SolutionKind.CONCEPT,
    status: SolutionStatus.AVAILABLE,
    summary:
      'Schritt für Schritt von der Auswahl eines EfA-Dienstes bis zum Betrieb: Verträge, Datenschutz, Test, Einführung.',
    licence: CC_BY,
    integrationNotes:
      'Als PDF und als bearbeitbare Vorlage; die Checklisten lassen sich in das eigene Projektmanagement übernehmen.',
    contact: 'Stabsstelle Digitalisierung, Stadt Rosenheim',
    developedBy: ['Rosenheim'],
    reuses: [
      {
        city: 'Hof',
        experience: 5,
        notes: 'Die Checkliste zum Datenschutz haben wir unverändert übernommen.',
      },
      {
        city: 'Coburg',
        experience: 4,
        notes: 'Hilfreich; die Vertragsmuster mussten an unser Vergaberecht angepasst werden.',
      },
    ],
  },
  {
    key: 'bayernid',
    project: { title: 'Anbindung von BayernID und BundID' },
    title: 'Anmeldemodul BayernID und BundID',
    kind: SolutionKind.COMPONENT,
    status: SolutionStatus.AVAILABLE,
    summary:
      'Wiederverwendbares Anmeldemodul (SAML und OpenID Connect) für BayernID und BundID mit Vertrauensniveaus.',
    licence: 'Apache-2.0',
    integrationNotes:
      'Als Bibliothek oder als vorgeschalteter Dienst; Metadaten des Identitätsanbieters je Stadt hinterlegen.',
    contact: 'Referat Digitale Identität, Amt für Digitalisierung, Stadt Nürnberg',
    developedBy: ['Nürnberg', 'München'],
    reuses: [
      { city: 'Augsburg', experience: 4, notes: 'Zertifikatswechsel vorher testen; danach stabil.' },
      {
        city: 'Erlangen',
        experience: 3,
        notes: 'Die Vertrauensniveaus mussten wir für zwei Dienste anders abbilden.',
      },
      { city: 'Fürth', experience: 4, notes: 'Gemeinsam mit Erlangen eingeführt.' },
    ],
  },
  {
    key: 'xbezahldienste',
    project: { title: 'Umsetzung von XBezahldienste' },
    title: 'XBezahldienste-Schnittstelle',
    kind: SolutionKind.INTERFACE,
    status: SolutionStatus.AVAILABLE,
    summary:
      'Umsetzung der Schnittstelle XBezahldienste zwischen Onlinediensten und den Zahlungsverkehrsplattformen.',
    licence: EUPL,
    integrationNotes:
      'Konfiguration der Haushaltsstellen je Dienst; Testumgebung des Zahlungsanbieters nötig.',
    contact: 'Kämmerei, Sachgebiet Zahlungsverkehr, Stadt Nürnberg',
    developedBy: ['Nürnberg'],
    reuses: [
      {
        city: 'Augsburg',
        experience: 3,
        notes: 'Abgleich der Buchungsdaten mit dem Finanzverfahren war aufwendig.',
      },
      { city: 'Würzburg', experience: 4, notes: 'Gut dokumentiert, Einführung in drei Monaten.' },
    ],
  },
  {
    key: 'epayment',
    project: { title: 'Gemeinsame ePayment-Plattform' },
    title: 'ePayment-Plattform im Mandantenbetrieb',
    kind: SolutionKind.COMPONENT,
    status: SolutionStatus.IN_DEVELOPMENT,
    summary: 'Gemeinsam betriebene Bezahlplattform, an die jede Stadt als Mandant angeschlossen wird.',
    licence: 'proprietary',
    integrationNotes: 'Anschluss nach Abschluss des Pilotbetriebs; Mandantenvertrag mit dem Betreiber nötig.',
    contact: 'IT-Referat, Landeshauptstadt München',
    developedBy: ['München'],
    reuses: [],
  },
  {
    key: 'data-catalogue',
    project: { title: 'Gemeinsames Datenkatalog-Schema' },
    title: 'Datenkatalog-Schema der M-A-N-Städte',
    kind: SolutionKind.STANDARD,
    status: SolutionStatus.AVAILABLE,
    summary: 'Gemeinsames Schema zur Beschreibung städtischer Datensätze, abbildbar auf DCAT-AP.de.',
    licence: 'CC0-1.0',
    integrationNotes: 'JSON-Schema und Beispiel-Datensätze; Abbildung auf DCAT-AP.de ist enthalten.',
    contact: 'Geschäftsstelle Datenmanagement, Stadt Augsburg',
    developedBy: ['Augsburg'],
    reuses: [
      { city: 'Nürnberg', experience: 4, notes: 'Für die urbane Datenplattform übernommen.' },
      { city: 'München', experience: 5, notes: 'Passte ohne Änderungen zu unserem Katalog.' },
    ],
  },
  {
    key: 'fit-connect',
    project: { title: 'FIT-Connect-Anbindung der Fachverfahren' },
    title: 'FIT-Connect-Adapter für Fachverfahren',
    kind: SolutionKind.INTERFACE,
    status: SolutionStatus.AVAILABLE,
    summary:
      'Adapter, der Anträge aus FIT-Connect entgegennimmt und an die Fachverfahren der Stadt übergibt.',
    licence: EUPL,
    integrationNotes:
      'Zustellpunkte bei FIT-Connect registrieren; je Fachverfahren eine Abbildung der Antragsdaten.',
    contact: 'Team Prozessintegration, Amt für Digitalisierung, Stadt Augsburg',
    developedBy: ['Augsburg'],
    reuses: [
      { city: 'Ingolstadt', experience: 4, notes: 'Zwei Fachverfahren angebunden, das dritte folgt.' },
      {
        city: 'Passau',
        experience: 2,
        notes: 'Unser Fachverfahrenshersteller liefert die Importschnittstelle erst später.',
      },
    ],
  },
  {
    key: 'appointments',
    project: { title: 'Gemeinsame Online-Terminvereinbarung' },
    title: 'Online-Terminvereinbarung',
    kind: SolutionKind.COMPONENT,
    status: SolutionStatus.AVAILABLE,
    summary: 'Terminbuchung für Bürgerbüros und Fachdienststellen mit Erinnerungen und Aufrufsystem.',
    licence: 'proprietary',
    integrationNotes: 'Lizenz über den Rahmenvertrag der Landeshauptstadt; Einrichtung durch den Hersteller.',
    contact: 'Kundenservice Digitalisierung, Landeshauptstadt München',
    developedBy: ['München'],
    reuses: [
      {
        city: 'Augsburg',
        experience: 3,
        notes: 'Der Rahmenvertrag sparte die Ausschreibung, die Einrichtung dauerte.',
      },
      {
        city: 'Nürnberg',
        experience: 3,
        notes: 'Aufrufsystem musste an unsere Anzeigetafeln angepasst werden.',
      },
    ],
  },
  {
    key: 'dcat',
    project: { title: 'Metadatenprofil nach DCAT-AP.de' },
    title: 'Metadatenprofil DCAT-AP.de für Kommunen',
    kind: SolutionKind.STANDARD,
    status: SolutionStatus.AVAILABLE,
    summary: 'Kommunales Anwendungsprofil von DCAT-AP.de mit Pflichtfeldern, Vokabularen und Prüfregeln.',
    licence: CC_BY,
    integrationNotes:
      'SHACL-Prüfregeln für das eigene Portal; Abbildung der gängigen Portalsoftware liegt bei.',
    contact: 'Open-Data-Stelle, Stadt Erlangen',
    developedBy: ['Erlangen', 'Bamberg'],
    reuses: [
      {
        city: 'Kempten (Allgäu)',
        experience: 5,
        notes: 'Die Prüfregeln haben die Qualität unserer Metadaten spürbar verbessert.',
      },
      { city: 'Aschaffenburg', experience: 4, notes: 'Für die Verkehrsdaten übernommen.' },
    ],
  },
  {
    key: 'open-data-guidelines',
    project: { title: 'Open-Data-Leitlinien für Mittelstädte' },
    title: 'Open-Data-Leitlinien für Mittelstädte',
    kind: SolutionKind.CONCEPT,
    status: SolutionStatus.AVAILABLE,
    summary: 'Muster-Leitlinien mit Beschlussvorlage für den Stadtrat, Rollen und Veröffentlichungsprozess.',
    licence: CC_BY,
    integrationNotes: 'Beschlussvorlage anpassen; der Veröffentlichungsprozess passt zu DCAT-AP.de.',
    contact: 'Digitalisierung und IT, Stadt Kempten (Allgäu)',
    developedBy: ['Kempten (Allgäu)'],
    reuses: [
      { city: 'Memmingen', experience: 4, notes: 'Im Stadtrat ohne Änderungen beschlossen.' },
      { city: 'Hof', experience: 3, notes: 'Die Rollen mussten wir an eine kleinere Verwaltung anpassen.' },
    ],
  },
  {
    key: 'efa-position',
    project: { title: 'Positionspapier Nachnutzung und Einer für Alle' },
    title: 'Positionspapier Nachnutzung und Einer für Alle',
    kind: SolutionKind.POSITION_PAPER,
    status: SolutionStatus.AVAILABLE,
    summary:
      'Gemeinsame Position der Mittelstädte zu Finanzierung, Betrieb und Weiterentwicklung von EfA-Diensten.',
    licence: CC_BY,
    integrationNotes: 'Zur Übernahme in eigene Stellungnahmen; bitte die Quelle nennen.',
    contact: 'Büro des Oberbürgermeisters, Stabsstelle Digitales, Stadt Bayreuth',
    developedBy: ['Bayreuth'],
    reuses: [
      { city: 'Würzburg', experience: 4, notes: 'Als Grundlage unserer Stellungnahme an den Landtag.' },
    ],
  },
  {
    key: 'campaign',
    project: { title: 'Kampagne „Rathaus online“' },
    title: 'Kampagnenpaket „Rathaus online“',
    kind: SolutionKind.MARKETING_MATERIAL,
    status: SolutionStatus.AVAILABLE,
    summary:
      'Plakate, Anzeigen und Texte, die auf die Onlinedienste der Stadt aufmerksam machen, mit offenen Druckvorlagen.',
    licence: 'CC-BY-SA-4.0',
    integrationNotes: 'Stadtlogo und Dienste in den Vorlagen austauschen; Schriften sind frei lizenziert.',
    contact: 'Presse- und Öffentlichkeitsarbeit, Stadt Rosenheim',
    developedBy: ['Rosenheim'],
    reuses: [
      { city: 'Schweinfurt', experience: 5, notes: 'Mit eigenem Logo in zwei Tagen druckfertig.' },
      {
        city: 'Coburg',
        experience: 4,
        notes: 'Die Anzeigenformate passten nicht ganz zu unserer Lokalzeitung.',
      },
    ],
  },
  {
    key: 'videos',
    project: { title: 'Erklärvideos zu den Onlinediensten' },
    title: 'Erklärvideos zu den Onlinediensten',
    kind: SolutionKind.MARKETING_MATERIAL,
    status: SolutionStatus.AVAILABLE,
    summary: 'Kurze Videos mit Untertiteln, die Schritt für Schritt durch häufige Onlinedienste führen.',
    licence: CC_BY,
    integrationNotes:
      'Videos mit Untertiteldateien (WebVTT); Abspann mit dem eigenen Stadtlogo austauschbar.',
    contact: 'Bürgerservice, Sachgebiet Digitale Dienste, Stadt Schweinfurt',
    developedBy: ['Schweinfurt'],
    reuses: [
      {
        city: 'Hof',
        experience: 5,
        notes: 'Auf der Startseite eingebunden; die Zugriffe auf die Dienste stiegen.',
      },
    ],
  },
  {
    key: 'xmeld',
    project: { title: 'XMeld-Schnittstellen für den Datenabruf' },
    title: 'XMeld-Abrufmodul',
    kind: SolutionKind.INTERFACE,
    status: SolutionStatus.IN_DEVELOPMENT,
    summary: 'Modul für den automatisierten Abruf von Meldedaten nach XMeld durch andere Behörden.',
    licence: EUPL,
    integrationNotes: 'Im Pilotbetrieb in Landshut; Schnittstellenbeschreibung liegt vor.',
    contact: 'Bürgerbüro, Sachgebiet Meldewesen, Stadt Landshut',
    developedBy: ['Landshut'],
    reuses: [],
  },
];

/** A date `monthsAgo` months and a few days before `now`, as `YYYY-MM-DD`. */
function monthsBefore(now: Date, monthsAgo: number, day: number): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, day));
  return date.toISOString().slice(0, 10);
}

/**
 * Writes the catalogue beneath the demo's rows, inside the demo's transaction. A plan that names a project
 * or city the demo lacks stops the seeding: the catalogue and the demo must not drift apart silently.
 */
export async function insertDemoCatalogue(manager: EntityManager, rows: DemoRows, now: Date): Promise<void> {
  const cityIds = new Map(rows.cities.map((city) => [city.name, city.id]));
  const cityId = (name: string, plan: string): number => {
    const id = cityIds.get(name);
    if (id === undefined) throw new Error(`Demo catalogue: ${plan} names the unknown city ${name}`);
    return id;
  };
  const reusingAdoptions = new Map(
    rows.adoptions
      .filter(
        (a) =>
          a.source === AdoptionSource.REUSED_FROM_PARTNER || a.source === AdoptionSource.EFA_SUBSCRIPTION,
      )
      .map((a) => [`${a.projectId}/${a.cityId}`, a.id]),
  );
  for (const plan of CATALOGUE) {
    const project = rows.projects.find((p) =>
      plan.project.leikaKey ? p.leikaKey === plan.project.leikaKey : p.title === plan.project.title,
    );
    if (!project) throw new Error(`Demo catalogue: ${plan.key} names a project the demo lacks`);
    const random = new Random('solution', plan.key);
    // Offered some months after the project started, and taken over afterwards: spread over three years.
    const offeredMonthsAgo = random.int(20, 34);
    const createdAt = new Date(`${monthsBefore(now, offeredMonthsAgo, 1)}T09:00:00Z`);
    const inserted = await manager.insert(Solution, {
      title: plan.title,
      kind: plan.kind,
      status: plan.status,
      summary: plan.summary,
      licence: plan.licence,
      url: `https://code.demo.example/${plan.developedBy[0].toLowerCase().replace(/[^a-z]+/g, '-')}/${plan.key}`,
      integrationNotes: plan.integrationNotes,
      contact: plan.contact,
      projectId: project.id,
      createdAt,
      updatedAt: createdAt,
      version: 1,
    });
    const solutionId = Number(inserted.identifiers[0]?.['id']);
    await manager.insert(
      SolutionDeveloper,
      plan.developedBy.map((name) => ({ solutionId, cityId: cityId(name, plan.key) })),
    );
    for (const reuse of plan.reuses) {
      const reuseRandom = new Random('reuse', plan.key, reuse.city);
      const since = monthsBefore(now, reuseRandom.int(1, offeredMonthsAgo - 1), reuseRandom.int(1, 28));
      const reusingCityId = cityId(reuse.city, plan.key);
      const recordedAt = new Date(`${since}T10:00:00Z`);
      await manager.insert(Reuse, {
        solutionId,
        cityId: reusingCityId,
        since,
        experience: reuse.experience,
        notes: reuse.notes,
        adoptionId: reusingAdoptions.get(`${project.id}/${reusingCityId}`) ?? null,
        recordedAt,
        updatedAt: recordedAt,
        version: 1,
      });
    }
  }
}
