import { AdoptionStage, ProjectKind, ProjectPhase } from '@koop/domain';

// Invented people: the demo names no real person.
const FIRST_NAMES = [
  ...'Anna Markus Sabine Florian Claudia Johannes Petra Matthias'.split(' '),
  ...'Susanne Andreas Monika Tobias Birgit Christian Eva Martin'.split(' '),
];
const LAST_NAMES = [
  ...'Huber Bauer Wagner Maier Schmid Fischer Weber Gruber'.split(' '),
  ...'Hofmann Berger Schneider Lang Winkler Ziegler Roth Seidl'.split(' '),
];

export function personName(pick: <T>(items: readonly T[]) => T): string {
  return `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
}

/** What a status update says when the project enters a phase. */
export const PHASE_ENTERED: Record<ProjectPhase, readonly string[]> = {
  [ProjectPhase.IDEA]: [
    'Idee im Arbeitszirkel vorgestellt; der Bedarf wird in den Mitgliedsstädten abgefragt.',
    'Vorschlag aufgenommen; erste Gespräche mit interessierten Städten laufen.',
  ],
  [ProjectPhase.PLANNED]: [
    'Projektauftrag beschlossen; Zeitplan und Beiträge der beteiligten Städte sind abgestimmt.',
    'Planung abgeschlossen: Arbeitspakete, Verantwortliche und Budget stehen fest.',
  ],
  [ProjectPhase.IN_DEVELOPMENT]: [
    'Umsetzung gestartet; das Projektteam arbeitet die ersten Arbeitspakete ab.',
    'Start der Umsetzung nach Abschluss der Konzeptphase.',
  ],
  [ProjectPhase.PILOT]: [
    'Pilotbetrieb in der federführenden Stadt gestartet; Rückmeldungen werden gesammelt.',
    'Erprobung mit ersten Anwenderinnen und Anwendern begonnen.',
  ],
  [ProjectPhase.LIVE]: [
    'Ergebnis freigegeben und in den Regelbetrieb übergeben; die Mitgliedsstädte können nachnutzen.',
    'Abschluss der Pilotphase; das Ergebnis steht allen Mitgliedsstädten zur Verfügung.',
  ],
  [ProjectPhase.RETIRED]: [
    'Projekt abgeschlossen und beendet; Erkenntnisse sind im Wiki der Kooperation dokumentiert.',
    'Betrieb eingestellt; die Nachfolgelösung ist in allen beteiligten Städten verfügbar.',
  ],
};

/** What a routine status update says while the project stays in a phase. */
export const PHASE_ONGOING: Record<ProjectPhase, readonly string[]> = {
  [ProjectPhase.IDEA]: ['Bedarfsabfrage läuft; bisher haben mehrere Städte Interesse gemeldet.'],
  [ProjectPhase.PLANNED]: [
    'Vergabeunterlagen in Abstimmung.',
    'Beteiligte Städte benennen ihre Ansprechpersonen; Auftakttermin vereinbart.',
  ],
  [ProjectPhase.IN_DEVELOPMENT]: [
    'Umsetzung läuft planmäßig; Sprint-Review mit den beteiligten Städten durchgeführt.',
    'Weitere Arbeitspakete abgeschlossen; Abstimmung mit Datenschutz und IT-Sicherheit läuft.',
    'Testversion steht in der Testumgebung bereit; Fachbereiche testen.',
    'Anforderungen aus den Fachbereichen eingearbeitet; nächste Iteration begonnen.',
  ],
  [ProjectPhase.PILOT]: [
    'Pilotbetrieb stabil; erste Verbesserungen aus den Rückmeldungen umgesetzt.',
    'Auswertung des Pilotbetriebs läuft; weitere Städte bereiten die Nachnutzung vor.',
  ],
  [ProjectPhase.LIVE]: [
    'Regelbetrieb stabil; Weiterentwicklung nach Rückmeldungen der Nutzenden.',
    'Im Betrieb; kleinere Verbesserungen ausgeliefert.',
    'Betrieb ohne Auffälligkeiten; weitere Städte haben Interesse an der Nachnutzung gemeldet.',
  ],
  [ProjectPhase.RETIRED]: ['Keine weiteren Aktivitäten.'],
};

export const BLOCKERS: readonly string[] = [
  'Schnittstelle zum Fachverfahren liefert noch nicht alle benötigten Daten.',
  'Personalengpass in der federführenden Stadt.',
  'Vergabeverfahren verzögert sich.',
  'Abhängigkeit von einem Landesbasisdienst; Termin der Bereitstellung offen.',
  'Datenschutzrechtliche Prüfung noch nicht abgeschlossen.',
  'Finanzierung für das kommende Haushaltsjahr noch nicht gesichert.',
  'Hersteller des Fachverfahrens hat die Auslieferung verschoben.',
];

/** Milestones by kind: the phase whose start reaches them (a half means halfway through the phase before). */
export const MILESTONES: Record<ProjectKind, readonly { title: string; at: number }[]> = {
  [ProjectKind.ONLINE_SERVICE]: [
    { title: 'Bedarfsanalyse abgeschlossen', at: 1 },
    { title: 'Fachkonzept und Prozessmodell abgestimmt', at: 2 },
    { title: 'Anbindung an BayernID und ePayment', at: 2.5 },
    { title: 'Pilotbetrieb in der federführenden Stadt', at: 3 },
    { title: 'Freigabe zur Nachnutzung', at: 4 },
  ],
  [ProjectKind.PLATFORM]: [
    { title: 'Vergabe abgeschlossen', at: 2 },
    { title: 'Technische Betriebsbereitschaft', at: 2.5 },
    { title: 'Pilotstädte angebunden', at: 3 },
    { title: 'Regelbetrieb', at: 4 },
  ],
  [ProjectKind.STANDARD]: [
    { title: 'Anforderungen gesammelt', at: 2 },
    { title: 'Entwurf zur Kommentierung veröffentlicht', at: 2.5 },
    { title: 'Erprobung in Pilotverfahren', at: 3 },
    { title: 'Version 1.0 verabschiedet', at: 4 },
  ],
  [ProjectKind.CONCEPT]: [
    { title: 'Bestandsaufnahme abgeschlossen', at: 2 },
    { title: 'Entwurf im Arbeitszirkel vorgestellt', at: 3 },
    { title: 'Beschluss der Kooperation', at: 4 },
  ],
  [ProjectKind.POSITION_PAPER]: [
    { title: 'Eckpunkte abgestimmt', at: 2 },
    { title: 'Entwurf an die Mitgliedsstädte', at: 3 },
    { title: 'Veröffentlichung', at: 4 },
  ],
  [ProjectKind.MARKETING]: [
    { title: 'Kampagnenkonzept abgestimmt', at: 2 },
    { title: 'Materialien produziert', at: 3 },
    { title: 'Start der Kampagne', at: 4 },
    { title: 'Abschlussbericht', at: 5 },
  ],
};

/** Notes a city editor might leave on an adoption, by stage. */
export const ADOPTION_NOTES: Partial<Record<AdoptionStage, readonly string[]>> = {
  [AdoptionStage.EVALUATING]: ['Prüfung im Fachbereich läuft.', 'Kosten-Nutzen-Betrachtung in Arbeit.'],
  [AdoptionStage.PLANNED]: ['Im Haushalt eingeplant.', 'Einführung gemeinsam mit dem Fachverfahrenswechsel.'],
  [AdoptionStage.IN_ROLLOUT]: [
    'Anbindung an das Fachverfahren läuft.',
    'Schulung der Sachbearbeitung terminiert.',
  ],
  [AdoptionStage.NOT_PLANNED]: ['Derzeit keine Ressourcen.', 'Eigene Lösung bereits im Betrieb.'],
  [AdoptionStage.DISCONTINUED]: ['Durch eine Landeslösung ersetzt.'],
};
