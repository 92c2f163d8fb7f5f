import type { EntityManager } from 'typeorm';
import type { AuditEntry } from '../audit/index.js';
import { KnowledgeEntry } from '../knowledge/index.js';
import { rebuildSearchIndex } from '../search/index.js';
import { Solution } from '../solutions/index.js';
import { demoKnowledgeAudit } from './demo-history-audit.js';
import type { DemoRows } from './demo-rows.js';
import { WORKING_GROUPS, type CooperationKey } from './plan-organisation.js';
import { Random } from './random.js';

/*
 * The demo's knowledge entries: a dozen per cooperation — lessons learned, standards, positions and FAQ of
 * its working groups — written in German, fixed (every demo has the same texts), and tagged `demo` so that a
 * reader can tell them from real entries. How each came about (a draft, revised by the working group's lead)
 * is drawn from the demo's seeded streams, so it too is the same in every demo of a day.
 */

interface EntryPlan {
  readonly workingGroup: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly body: string;
  /** Days before the demo's "now" that the entry was last changed. */
  readonly daysAgo: number;
  /** The title of the catalogue's solution the entry is about; the entry is then about its project, too. */
  readonly solution?: string;
}

const ENTRIES: Readonly<Record<CooperationKey, readonly EntryPlan[]>> = {
  EG: [
    {
      workingGroup: 'online-services',
      title: 'Lessons Learned: Nachnutzung des Onlinedienstes Wohnsitzanmeldung',
      solution: 'Onlinedienst Wohnsitzanmeldung',
      tags: ['lessons-learned', 'nachnutzung', 'ozg'],
      daysAgo: 12,
      body: `## Was gut lief

- Die Anträge kamen von Anfang an vollständig im Fachverfahren an, weil die Schnittstelle vorher mit der
  entwickelnden Stadt getestet wurde.
- Eine gemeinsame Testwoche mit drei Städten hat die meisten Fehler gefunden.

## Was wir anders machen würden

1. Früher mit dem Datenschutz sprechen: die Prüfung dauerte sechs Wochen.
2. Die Texte für Bürgerinnen und Bürger vor dem Start mit dem Bürgerbüro abstimmen.

Weitere Informationen: [Portal der Entwicklergemeinschaft](https://example.org/eg/wohnsitz).`,
    },
    {
      workingGroup: 'online-services',
      title: 'FAQ: Wie übernehme ich einen Onlinedienst einer Partnerstadt?',
      solution: 'Leitfaden Nachnutzung von EfA-Onlinediensten',
      tags: ['faq', 'nachnutzung'],
      daysAgo: 30,
      body: `**Wer entscheidet über die Übernahme?** Die CDO der Stadt, nach Rücksprache mit dem Fachamt.

**Was kostet die Nachnutzung?** Nur den Betrieb: die Entwicklung trägt die Gemeinschaft.

**Wie lange dauert die Einführung?** Meist zwei bis vier Monate, je nach Anbindung des Fachverfahrens.

**Wen frage ich?** Die Geschäftsstelle der Entwicklergemeinschaft, Referat Digitalisierung.`,
    },
    {
      workingGroup: 'online-services',
      title: 'Standard: Mindestinhalte eines Antragsformulars',
      tags: ['standard', 'formulare', 'barrierefreiheit'],
      daysAgo: 45,
      body: `Jeder Onlineantrag der Gemeinschaft enthält:

| Inhalt | Pflicht |
| --- | --- |
| Hinweis zum Datenschutz | ja |
| Zusammenfassung vor dem Absenden | ja |
| Eingangsbestätigung als PDF | ja |
| Bewertung mit dem Feedback-Modul | ja |

Formulare erfüllen die BITV 2.0; Fehlermeldungen nennen das Feld und den Grund.`,
    },
    {
      workingGroup: 'open-data',
      title: 'Leitlinie: Offene Daten veröffentlichen',
      solution: 'Metadatenprofil DCAT-AP.de für Kommunen',
      tags: ['standard', 'open-data', 'dcat-ap'],
      daysAgo: 20,
      body: `Daten werden mit Metadaten nach **DCAT-AP.de** veröffentlicht, unter der Lizenz
„Datenlizenz Deutschland – Namensnennung 2.0“.

- Personenbezogene Daten werden nie veröffentlicht.
- Jede Datei hat eine verantwortliche Stelle und ein Aktualisierungsintervall.
- Straßennamen werden in der amtlichen Schreibweise geführt (Straße, nicht Strasse).`,
    },
    {
      workingGroup: 'open-data',
      title: 'Lessons Learned: Das gemeinsame Open-Data-Portal im ersten Jahr',
      tags: ['lessons-learned', 'open-data'],
      daysAgo: 60,
      body: `Am meisten abgerufen wurden Haltestellen, Parkplätze und die Termine der Wertstoffhöfe.

Ein Datensatz ohne Aktualisierung wird nach drei Monaten kaum noch genutzt: wir erinnern die
verantwortlichen Stellen jetzt automatisch.`,
    },
    {
      workingGroup: 'registers',
      title: 'Position: Once-Only nur mit verlässlichen Registern',
      tags: ['position', 'registermodernisierung', 'once-only'],
      daysAgo: 75,
      body: `Die Mittelstädte unterstützen das Once-Only-Prinzip. Voraussetzung ist, dass die Register
gepflegt und über das NOOTS erreichbar sind.

Wir fordern vom Land eine Förderung der Anbindung kommunaler Register, damit Anträge ohne erneute
Nachweise gestellt werden können.`,
    },
    {
      workingGroup: 'registers',
      title: 'FAQ: Identifikationsnummer im Meldewesen',
      tags: ['faq', 'registermodernisierung'],
      daysAgo: 90,
      body: `**Wann wird die Identifikationsnummer gespeichert?** Mit der nächsten Änderung des Melderegisters.

**Müssen Bürgerinnen und Bürger etwas tun?** Nein, die Übernahme geschieht automatisch.`,
    },
    {
      workingGroup: 'strategy',
      title: 'Position: Gemeinsame Digitalstrategie der Mittelstädte',
      tags: ['position', 'strategie'],
      daysAgo: 100,
      body: `Die Mittelstädte entwickeln gemeinsam, was jede Stadt braucht, und teilen die Ergebnisse.

1. Einer für Alle vor Eigenentwicklung.
2. Offene Standards und offene Lizenzen (bevorzugt EUPL-1.2).
3. Messbare Ziele: Nutzung, Abschlussquote, Zufriedenheit.`,
    },
    {
      workingGroup: 'strategy',
      title: 'Lessons Learned: Jahrestagung der CDOs',
      tags: ['lessons-learned', 'jahrestagung'],
      daysAgo: 150,
      body: `Die Tagung ist am wirksamsten, wenn die Arbeitszirkel vorher ihren Stand im Cockpit pflegen: die
Diskussion beginnt dann bei den Entscheidungen, nicht bei der Frage nach dem Stand.`,
    },
    {
      workingGroup: 'marketing',
      title: 'Leitfaden: Onlinedienste in der Stadt bekannt machen',
      solution: 'Kampagnenpaket „Rathaus online“',
      tags: ['marketing', 'akzeptanz'],
      daysAgo: 25,
      body: `- Plakate im Bürgerbüro mit QR-Code zum Onlinedienst
- Hinweis in der Terminbestätigung: „Das geht auch online.“
- Meldung im Amtsblatt zum Start

Die Zahl der Onlineanträge stieg in Rosenheim nach dem Aushang um ein Drittel.`,
    },
    {
      workingGroup: 'marketing',
      title: 'FAQ: Zufriedenheit messen mit dem Feedback-Modul',
      tags: ['faq', 'zufriedenheit'],
      daysAgo: 40,
      body: `Die Bewertung erfolgt mit ein bis fünf Sternen am Ende jedes Antrags. Die Städte melden die Zahlen
monatlich im Cockpit; der Durchschnitt wird nach der Zahl der Bewertungen gewichtet.`,
    },
    {
      workingGroup: 'online-services',
      title: 'Lessons Learned: Bezahlen im Onlineantrag',
      tags: ['lessons-learned', 'epayment'],
      daysAgo: 8,
      body: `Anträge mit Bezahlung wurden häufiger abgebrochen, wenn die Gebühr erst am Ende genannt wurde.
Seit die Gebühr auf der ersten Seite steht, ist die Abschlussquote deutlich gestiegen.`,
    },
  ],
  MAN: [
    {
      workingGroup: 'identity-payment',
      title: 'Standard: Anbindung von BayernID und BundID',
      solution: 'Anmeldemodul BayernID und BundID',
      tags: ['standard', 'bayernid', 'bundid'],
      daysAgo: 15,
      body: `Onlinedienste der Kooperation melden Nutzerinnen und Nutzer über **BayernID** an; die BundID wird
über dieselbe Schnittstelle angebunden.

Vertrauensniveau „substanziell“ genügt für die meisten Anträge; „hoch“ nur, wo das Fachrecht es verlangt.`,
    },
    {
      workingGroup: 'identity-payment',
      title: 'Lessons Learned: ePayment in drei Großstädten',
      solution: 'ePayment-Plattform im Mandantenbetrieb',
      tags: ['lessons-learned', 'epayment'],
      daysAgo: 35,
      body: `Ein gemeinsamer Zahlungsanbieter spart Verträge, aber jede Stadt braucht eigene Buchungskonten.
Klären Sie die Zuordnung zur Kasse vor dem Start.`,
    },
    {
      workingGroup: 'identity-payment',
      title: 'FAQ: Postfach und Bescheide',
      tags: ['faq', 'postfach'],
      daysAgo: 70,
      body: `**Wohin gehen Bescheide?** In das Postfach der BundID, wenn die Antragstellerin es erlaubt hat.

**Was, wenn nicht?** Dann per Post an die Anschrift aus dem Antrag.`,
    },
    {
      workingGroup: 'data-management',
      title: 'Standard: Datenkatalog der urbanen Datenplattform',
      solution: 'Datenkatalog-Schema der M-A-N-Städte',
      tags: ['standard', 'datenplattform', 'data-governance'],
      daysAgo: 22,
      body: `Jeder Datensatz im Katalog hat eine Eigentümerin (Amt), eine Schutzklasse und eine Beschreibung
in einfacher Sprache. Sensorwerte werden mit Zeitstempel in UTC gespeichert.`,
    },
    {
      workingGroup: 'data-management',
      title: 'Position: Data Governance in den Großstädten',
      tags: ['position', 'data-governance'],
      daysAgo: 80,
      body: `München, Augsburg und Nürnberg vereinbaren gemeinsame Regeln für den Umgang mit Daten:
Daten gehören der Stadt, nicht dem Dienstleister; Verträge sichern den Zugriff und den Export.`,
    },
    {
      workingGroup: 'data-management',
      title: 'Lessons Learned: Verkehrsdaten in Echtzeit',
      tags: ['lessons-learned', 'verkehr', 'datenplattform'],
      daysAgo: 55,
      body: `Die Auslastung der Parkhäuser und die Baustellen auf Straßen wurden am häufigsten abgefragt.
Ausfälle der Sensoren müssen sichtbar sein, sonst verlieren die Daten das Vertrauen der Nutzer.`,
    },
    {
      workingGroup: 'process-integration',
      title: 'Standard: Anträge über FIT-Connect an die Fachverfahren',
      solution: 'FIT-Connect-Adapter für Fachverfahren',
      tags: ['standard', 'fit-connect', 'e-akte'],
      daysAgo: 18,
      body: `Anträge werden über **FIT-Connect** zugestellt, nicht per E-Mail. Jeder Antrag kommt mit den
Anlagen in die E-Akte; das Fachverfahren bestätigt den Eingang.

\`\`\`
Onlinedienst → FIT-Connect → Fachverfahren → E-Akte
\`\`\``,
    },
    {
      workingGroup: 'process-integration',
      title: 'Lessons Learned: Medienbrüche im Gewerbeamt',
      tags: ['lessons-learned', 'gewerbe', 'e-akte'],
      daysAgo: 42,
      body: `Solange Anträge ausgedruckt und abgetippt wurden, war der Onlinedienst langsamer als der Schalter.
Erst die Anbindung an das Fachverfahren hat die Bearbeitungszeit halbiert.`,
    },
    {
      workingGroup: 'process-integration',
      title: 'FAQ: Was heißt Ende-zu-Ende-Digitalisierung?',
      tags: ['faq', 'e-akte'],
      daysAgo: 110,
      body: `Vom Antrag bis zum Bescheid ohne Papier: der Antrag kommt digital an, wird digital bearbeitet,
und der Bescheid geht digital zurück.`,
    },
    {
      workingGroup: 'identity-payment',
      title: 'Position: Einheitliche Gebührenanzeige',
      tags: ['position', 'epayment'],
      daysAgo: 130,
      body: `Die Kooperation zeigt Gebühren in allen Onlinediensten gleich an: Betrag, Grund und Zahlungsweg
auf der ersten Seite des Antrags.`,
    },
    {
      workingGroup: 'data-management',
      title: 'FAQ: Offene Daten der Großstädte',
      tags: ['faq', 'open-data'],
      daysAgo: 65,
      body: `**Welche Lizenz?** Datenlizenz Deutschland – Namensnennung 2.0.

**Wo finde ich die Daten?** Im Datenkatalog jeder Stadt und gebündelt auf GovData.`,
    },
    {
      workingGroup: 'process-integration',
      title: 'Lessons Learned: Schulungen für Sachbearbeitung',
      tags: ['lessons-learned', 'schulung'],
      daysAgo: 95,
      body: `Die E-Akte wurde erst angenommen, als Kolleginnen aus dem eigenen Amt geschult haben. Kurze
Lernvideos (drei Minuten) wurden öfter angesehen als lange Handbücher.`,
    },
  ],
};

/** One state of a demo entry, as its history shows it: when, by whom, and what it said. */
export interface KnowledgeVersion {
  readonly at: Date;
  readonly author: string;
  readonly title: string;
  readonly body: string;
  readonly tags: readonly string[];
}

/** A demo entry: its row as it stands now, and every version it went through, oldest first. */
export interface DemoKnowledgeEntry {
  readonly row: Omit<KnowledgeEntry, 'id' | 'workingGroup' | 'project' | 'solution'>;
  readonly versions: readonly KnowledgeVersion[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The Markdown blocks of a text (paragraphs, lists, tables), separated by blank lines. */
function blocksOf(body: string): string[] {
  return body.split(/\n\s*\n/);
}

/**
 * The versions of an entry, oldest first, ending with its plan. Most entries were revised by their working
 * group's lead after they were first written: a draft titled "Entwurf: …" lost that prefix, a text grew by
 * its last section, or a tag was added. Which and when is drawn per entry from its own stream.
 */
function versionsOf(plan: EntryPlan, tags: readonly string[], author: string, at: Date): KnowledgeVersion[] {
  const random = new Random('knowledge', plan.title);
  const revisions = random.pick([0, 1, 1, 2, 2]);
  const versions: KnowledgeVersion[] = [{ at, author, title: plan.title, body: plan.body, tags }];
  if (revisions >= 1) {
    const blocks = blocksOf(plan.body);
    const later = versions[0];
    const earlier =
      blocks.length > 1
        ? { ...later, body: blocks.slice(0, -1).join('\n\n') }
        : { ...later, tags: tags.filter((tag) => tag !== plan.tags.at(-1)) };
    versions.unshift({ ...earlier, at: new Date(later.at.getTime() - random.int(9, 75) * DAY_MS) });
  }
  if (revisions >= 2) {
    const later = versions[0];
    versions.unshift({
      ...later,
      title: `Entwurf: ${plan.title}`,
      at: new Date(later.at.getTime() - random.int(5, 40) * DAY_MS),
    });
  }
  return versions;
}

/** A solution of the demo's catalogue, as an entry about it needs it. */
export interface CatalogueSolution {
  readonly id: number;
  readonly title: string;
  readonly projectId: number | null;
}

/**
 * Every demo knowledge entry, tied to the demo's working groups (by the key its plan gives them) and, where
 * its plan says so, to a solution of the catalogue and that solution's project. A plan that names a solution
 * the catalogue lacks, or one of another working group's project, stops the seeding: entry and catalogue must
 * not drift apart silently.
 */
export function knowledgeEntriesOf(
  rows: DemoRows,
  now: Date,
  solutions: readonly CatalogueSolution[],
): DemoKnowledgeEntry[] {
  return (Object.keys(ENTRIES) as CooperationKey[]).flatMap((cooperation) =>
    ENTRIES[cooperation].map((plan) => {
      const groupPlan = WORKING_GROUPS.find((group) => group.key === plan.workingGroup);
      const group = rows.workingGroups.find((candidate) => candidate.name === groupPlan?.name);
      if (!groupPlan || !group) {
        throw new Error(`The demo has no working group "${plan.workingGroup}".`);
      }
      // On a calendar day, not an instant: a demo loaded twice on one day has the same rows.
      const at = new Date(
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - plan.daysAgo, 9, 0, 0),
      );
      const solution = plan.solution
        ? solutions.find((candidate) => candidate.title === plan.solution)
        : null;
      if (solution === undefined) {
        throw new Error(`Demo knowledge: "${plan.title}" names the unknown solution "${plan.solution}".`);
      }
      const project = solution?.projectId ? rows.projects.find((p) => p.id === solution.projectId) : null;
      if (project && project.workingGroupId !== group.id) {
        throw new Error(`Demo knowledge: "${plan.title}" is about a project of another working group.`);
      }
      const versions = versionsOf(plan, [...plan.tags, 'demo'], groupPlan.leadPerson, at);
      const [first] = versions;
      return {
        row: {
          title: plan.title,
          body: plan.body,
          tags: [...plan.tags, 'demo'],
          workingGroupId: group.id,
          projectId: project?.id ?? null,
          solutionId: solution?.id ?? null,
          createdAt: first?.at ?? at,
          updatedAt: at,
          version: versions.length,
        },
        versions,
      };
    }),
  );
}

/**
 * Loads the demo's knowledge entries, then indexes every demo row for the search: bulk-loaded rows pass no
 * write path, so the index is built from them in one go (as the summary figures are). Returns the entries'
 * history as `createKnowledgeEntry` and `updateKnowledgeEntry` would have audited it, for the seeder to write
 * with the rest of the demo's history, in the order it happened.
 */
export async function insertDemoKnowledge(
  manager: EntityManager,
  rows: DemoRows,
  now: Date,
): Promise<Omit<AuditEntry, 'id'>[]> {
  const solutions = await manager.find(Solution, { select: { id: true, title: true, projectId: true } });
  const entries: { id: number; entry: DemoKnowledgeEntry }[] = [];
  for (const entry of knowledgeEntriesOf(rows, now, solutions)) {
    const inserted = await manager.insert(KnowledgeEntry, entry.row);
    entries.push({ id: Number(inserted.identifiers[0]?.['id']), entry });
  }
  await rebuildSearchIndex(manager);
  return demoKnowledgeAudit(entries);
}
