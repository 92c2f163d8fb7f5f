// The demo's bulk load writes the entries the write path would have written, in the same shape.
import { auditEntryOf, type AuditEntry } from '../audit/index.js';
import type { DemoRows } from './demo-rows.js';
import type { DemoKnowledgeEntry } from './generate-knowledge.js';

/** The username column's length: a longer author text is cut, as a username could not be longer. */
const USERNAME_LENGTH = 60;

/** Who the demo says wrote a change: a role and office, never an account (demo history has none). */
function author(name: string | null): { accountId: null; username: string } {
  return { accountId: null, username: (name ?? 'Demo-Daten').slice(0, USERNAME_LENGTH) };
}

/**
 * The audit entries of the demo's generated history, dated when each change happened: what `createProject`,
 * `postStatusUpdate` and `recordAdoption` would have written had the history been recorded through them.
 * So the audit log, a project's and a city's history show the three years the demo's figures come from.
 * (Satisfaction months are monthly figures, not edits: they are not replayed into the log.)
 */
export function demoHistoryAudit(rows: DemoRows): Omit<AuditEntry, 'id'>[] {
  const entries: Omit<AuditEntry, 'id'>[] = [];
  const projects = new Map(rows.projects.map((project) => [project.id, project]));
  const cities = new Map(rows.cities.map((city) => [city.id, city]));

  const updates = [...rows.statusUpdates].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id,
  );
  const previous = new Map<number, { phase: string; health: string; progress: number }>();
  for (const update of updates) {
    const state = { phase: update.phase, health: update.health, progress: update.progress };
    const before = previous.get(update.projectId);
    const project = projects.get(update.projectId);
    if (!before && project) {
      const { version: _version, ...created } = project;
      entries.push(
        auditEntryOf(
          author(update.author),
          {
            operation: 'createProject',
            entity: 'Project',
            entityId: project.id,
            before: null,
            after: { ...created, ...state, version: 1 },
          },
          update.createdAt,
        ),
      );
    } else if (before) {
      entries.push(
        auditEntryOf(
          author(update.author),
          {
            operation: 'postStatusUpdate',
            entity: 'Project',
            entityId: update.projectId,
            before,
            after: { ...state, statusUpdateId: update.id },
          },
          update.createdAt,
        ),
      );
    }
    previous.set(update.projectId, state);
  }

  const changes = [...rows.adoptionChanges].sort(
    (a, b) => a.recordedAt.getTime() - b.recordedAt.getTime() || a.id - b.id,
  );
  const adoptionBefore = new Map<number, object>();
  for (const change of changes) {
    const state = {
      projectId: change.projectId,
      cityId: change.cityId,
      stage: change.stage,
      maturityModel: change.maturityModel,
      maturityLevel: change.maturityLevel,
      liveSince: change.liveSince,
      source: change.source,
      notes: change.notes,
      version: change.version,
    };
    const city = cities.get(change.cityId);
    entries.push(
      auditEntryOf(
        author(`Redaktion ${city?.name ?? change.cityId} (Demo)`),
        {
          operation: 'recordAdoption',
          entity: 'Adoption',
          entityId: change.adoptionId,
          before: adoptionBefore.get(change.adoptionId) ?? null,
          after: state,
        },
        change.recordedAt,
      ),
    );
    adoptionBefore.set(change.adoptionId, state);
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The audit entries of the demo's knowledge entries: each version as `createKnowledgeEntry` (the first) or
 * `updateKnowledgeEntry` would have written it, by its author on its day, so that an entry's history shows
 * how it came about.
 */
export function demoKnowledgeAudit(
  entries: readonly { readonly id: number; readonly entry: DemoKnowledgeEntry }[],
): Omit<AuditEntry, 'id'>[] {
  const audit: Omit<AuditEntry, 'id'>[] = [];
  for (const { id, entry } of entries) {
    let before: object | null = null;
    entry.versions.forEach((version, index) => {
      const after = {
        id,
        title: version.title,
        body: version.body,
        tags: version.tags,
        workingGroupId: entry.row.workingGroupId,
        projectId: entry.row.projectId,
        solutionId: entry.row.solutionId,
        createdAt: entry.row.createdAt,
        updatedAt: version.at,
        version: index + 1,
      };
      audit.push(
        auditEntryOf(
          author(version.author),
          {
            operation: index === 0 ? 'createKnowledgeEntry' : 'updateKnowledgeEntry',
            entity: 'KnowledgeEntry',
            entityId: id,
            before,
            after,
          },
          version.at,
        ),
      );
      before = after;
    });
  }
  return audit.sort((a, b) => a.at.getTime() - b.at.getTime());
}
