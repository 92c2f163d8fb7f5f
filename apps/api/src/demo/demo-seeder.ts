import type { DataSource, EntityManager } from 'typeorm';
import { Adoption, AdoptionChange } from '../adoptions/index.js';
import { AuditEntry } from '../audit/index.js';
import { City } from '../cities/index.js';
import { Cooperation, Membership } from '../cooperations/index.js';
import { Milestone, Project, StatusUpdate } from '../projects/index.js';
import { AppSetting, DEMO_SETTING, OzgTopic } from '../reference/index.js';
import { rebuildFigures } from '../figures/index.js';
import { Satisfaction } from '../satisfaction/index.js';
import { WorkingGroup, WorkingGroupMember } from '../working-groups/index.js';
import { advanceIdSequences, bulkInsert } from './bulk-insert.js';
import { demoPasswordHash, insertDemoAccounts } from './demo-accounts.js';
import { demoHistoryAudit } from './demo-history-audit.js';
import { seedDemoMeetings } from './demo-meetings.js';
import { insertDemoCatalogue } from './demo-catalogue.js';
import { Ids, NUMBERED_TABLES, type NumberedTable } from './demo-rows.js';
import { generateDemo } from './generate-demo.js';
import { insertDemoKnowledge } from './generate-knowledge.js';
import { loadReferenceData } from './reference-data.js';

/** Loads the demo (reference data plus three generated years of history) into an empty database. */
export class DemoSeeder {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Loads the demo when the database holds no city yet and returns true; otherwise leaves it alone
   * and returns false. Everything is written in one transaction: all of the demo or nothing.
   */
  async seedIfEmpty(now: Date = new Date()): Promise<boolean> {
    const passwordHash = await demoPasswordHash();
    // A bulk load at the first start, before the server answers anyone: no mutation, nothing to audit.
    // eslint-disable-next-line no-restricted-syntax
    return this.dataSource.transaction(async (manager) => {
      if ((await manager.count(City)) > 0) {
        return false;
      }
      const rows = generateDemo(loadReferenceData(), now, new Ids(await highestIds(manager)));
      const existingTopics = new Set((await manager.find(OzgTopic)).map((topic) => topic.key));
      await bulkInsert(
        manager,
        OzgTopic,
        rows.topics.filter((topic) => !existingTopics.has(topic.key)),
      );
      await bulkInsert(manager, City, rows.cities);
      await bulkInsert(manager, Cooperation, rows.cooperations);
      await bulkInsert(manager, Membership, rows.memberships);
      await bulkInsert(manager, WorkingGroup, rows.workingGroups);
      await bulkInsert(manager, WorkingGroupMember, rows.workingGroupMembers);
      await bulkInsert(manager, Project, rows.projects);
      await bulkInsert(manager, Milestone, rows.milestones);
      await bulkInsert(manager, StatusUpdate, rows.statusUpdates);
      await bulkInsert(manager, Adoption, rows.adoptions);
      await bulkInsert(manager, AdoptionChange, rows.adoptionChanges);
      await bulkInsert(manager, Satisfaction, rows.satisfaction);
      await advanceIdSequences(manager, NUMBERED_TABLES);
      // Bulk-loaded history passes no write path: the summary figures are computed from it in one go.
      await rebuildFigures(manager);
      await insertDemoCatalogue(manager, rows, now);
      await insertDemoAccounts(manager, passwordHash, now);
      await seedDemoMeetings(manager, now);
      // Last: it indexes every row loaded before it for the search.
      const knowledgeHistory = await insertDemoKnowledge(manager, rows, now);
      // The history reads in the audit log as if it had been recorded through the mutations, on its dates
      // and in their order (the log lists the newest written first).
      const history = [...demoHistoryAudit(rows), ...knowledgeHistory].sort(
        (a, b) => a.at.getTime() - b.at.getTime(),
      );
      await bulkInsert(manager, AuditEntry, history as AuditEntry[]);
      await manager.upsert(AppSetting, { key: DEMO_SETTING, value: now.toISOString() }, ['key']);
      return true;
    });
  }
}

/** The highest id of each table, so that the demo's ids follow whatever rows exist. */
async function highestIds(manager: EntityManager): Promise<Partial<Record<NumberedTable, number>>> {
  const result: Partial<Record<NumberedTable, number>> = {};
  for (const table of NUMBERED_TABLES) {
    const [row] = await manager.query<{ highest: number | string | null }[]>(
      `SELECT MAX(id) AS highest FROM "${table}"`,
    );
    result[table] = Number(row?.highest ?? 0);
  }
  return result;
}
