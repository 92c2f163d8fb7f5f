import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KnowledgeEntries1795948966490 implements MigrationInterface {
  name = 'KnowledgeEntries1795948966490';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "knowledge_entry" ("id" SERIAL NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "tags" text NOT NULL, "workingGroupId" integer, "projectId" integer, "solutionId" integer, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "PK_c529c8cc41453dba0c5b7dfda49" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_knowledge_entry_working_group" ON "knowledge_entry"  ("workingGroupId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_knowledge_entry_project" ON "knowledge_entry"  ("projectId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_knowledge_entry_solution" ON "knowledge_entry"  ("solutionId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_knowledge_entry_updated" ON "knowledge_entry"  ("updatedAt") ',
    );
    await queryRunner.query(
      'ALTER TABLE "knowledge_entry" ADD CONSTRAINT "FK_22c009ad47750d1ea7ab2ca1d33" FOREIGN KEY ("workingGroupId") REFERENCES "working_group"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "knowledge_entry" ADD CONSTRAINT "FK_12bd1e53bc7f8df45834c87d968" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "knowledge_entry" ADD CONSTRAINT "FK_4695b537207f48a5a4878dd7ec5" FOREIGN KEY ("solutionId") REFERENCES "solution"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "knowledge_entry" DROP CONSTRAINT "FK_4695b537207f48a5a4878dd7ec5"');
    await queryRunner.query('ALTER TABLE "knowledge_entry" DROP CONSTRAINT "FK_12bd1e53bc7f8df45834c87d968"');
    await queryRunner.query('ALTER TABLE "knowledge_entry" DROP CONSTRAINT "FK_22c009ad47750d1ea7ab2ca1d33"');
    await queryRunner.query('DROP INDEX "public"."IDX_knowledge_entry_updated"');
    await queryRunner.query('DROP INDEX "public"."IDX_knowledge_entry_solution"');
    await queryRunner.query('DROP INDEX "public"."IDX_knowledge_entry_project"');
    await queryRunner.query('DROP INDEX "public"."IDX_knowledge_entry_working_group"');
    await queryRunner.query('DROP TABLE "knowledge_entry"');
  }
}
