import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KnowledgeEntries1795948946616 implements MigrationInterface {
  name = 'KnowledgeEntries1795948946616';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "knowledge_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "tags" text NOT NULL, "workingGroupId" integer, "projectId" integer, "solutionId" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_knowledge_entry_working_group" ON "knowledge_entry" ("workingGroupId") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_knowledge_entry_project" ON "knowledge_entry" ("projectId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_knowledge_entry_solution" ON "knowledge_entry" ("solutionId") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_knowledge_entry_updated" ON "knowledge_entry" ("updatedAt") ');
    await queryRunner.query('DROP INDEX "IDX_knowledge_entry_working_group"');
    await queryRunner.query('DROP INDEX "IDX_knowledge_entry_project"');
    await queryRunner.query('DROP INDEX "IDX_knowledge_entry_solution"');
    await queryRunner.query('DROP INDEX "IDX_knowledge_entry_updated"');
    await queryRunner.query(
      'CREATE TABLE "temporary_knowledge_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "tags" text NOT NULL, "workingGroupId" integer, "projectId" integer, "solutionId" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_22c009ad47750d1ea7ab2ca1d33" FOREIGN KEY ("workingGroupId") REFERENCES "working_group" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_12bd1e53bc7f8df45834c87d968" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_4695b537207f48a5a4878dd7ec5" FOREIGN KEY ("solutionId") REFERENCES "solution" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_knowledge_entry"("id", "title", "body", "tags", "workingGroupId", "projectId", "solutionId", "createdAt", "updatedAt", "version") SELECT "id", "title", "body", "tags", "workingGroupId", "projectId", "solutionId", "createdAt", "updatedAt", "version" FROM "knowledge_entry"',
    );
    await queryRunner.query('DROP TABLE "knowledge_entry"');
    await queryRunner.query('ALTER TABLE "temporary_knowledge_entry" RENAME TO "knowledge_entry"');
    await queryRunner.query(
      'CREATE INDEX "IDX_knowledge_entry_working_group" ON "knowledge_entry" ("workingGroupId") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_knowledge_entry_project" ON "knowledge_entry" ("projectId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_knowledge_entry_solution" ON "knowledge_entry" ("solutionId") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_knowledge_entry_updated" ON "knowledge_entry" ("updatedAt") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_knowledge_entry_updated"');
    await queryRunner.query('DROP INDEX "IDX_knowledge_entry_solution"');
    await queryRunner.query('DROP INDEX "IDX_knowledge_entry_project"');
    await queryRunner.query('DROP INDEX "IDX_knowledge_entry_working_group"');
    await queryRunner.query('ALTER TABLE "knowledge_entry" RENAME TO "temporary_knowledge_entry"');
    await queryRunner.query(
      'CREATE TABLE "knowledge_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "tags" text NOT NULL, "workingGroupId" integer, "projectId" integer, "solutionId" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1))',
    );
    await queryRunner.query(
      'INSERT INTO "knowledge_entry"("id", "title", "body", "tags", "workingGroupId", "projectId", "solutionId", "createdAt", "updatedAt", "version") SELECT "id", "title", "body", "tags", "workingGroupId", "projectId", "solutionId", "createdAt", "updatedAt", "version" FROM "temporary_knowledge_entry"',
    );
    await queryRunner.query('DROP TABLE "temporary_knowledge_entry"');
    await queryRunner.query('CREATE INDEX "IDX_knowledge_entry_updated" ON "knowledge_entry" ("updatedAt") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_knowledge_entry_solution" ON "knowledge_entry" ("solutionId") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_knowledge_entry_project" ON "knowledge_entry" ("projectId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_knowledge_entry_working_group" ON "knowledge_entry" ("workingGroupId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_knowledge_entry_updated"');
    await queryRunner.query('DROP INDEX "IDX_knowledge_entry_solution"');
    await queryRunner.query('DROP INDEX "IDX_knowledge_entry_project"');
    await queryRunner.query('DROP INDEX "IDX_knowledge_entry_working_group"');
    await queryRunner.query('DROP TABLE "knowledge_entry"');
  }
}
