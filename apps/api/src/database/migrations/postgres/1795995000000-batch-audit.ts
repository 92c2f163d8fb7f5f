import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BatchAudit1795995000000 implements MigrationInterface {
  name = 'BatchAudit1795995000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_row_change" ("entryId" integer NOT NULL, "position" integer NOT NULL, "entityId" integer NOT NULL, "cityId" integer, "projectId" integer, "key" character varying(40), "before" text, "after" text NOT NULL, CONSTRAINT "PK_0b03ac8f586c972d5f69f7c4972" PRIMARY KEY ("entryId", "position"))',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_entry_scope" ("entryId" integer NOT NULL, "position" integer NOT NULL, "cityId" integer, "projectId" integer, "rows" integer NOT NULL, CONSTRAINT "PK_6ed96698395ceb21304515815cb" PRIMARY KEY ("entryId", "position"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_audit_scope_city" ON "audit_entry_scope"  ("cityId") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_scope_project" ON "audit_entry_scope"  ("projectId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_audit_scope_project"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_scope_city"');
    await queryRunner.query('DROP TABLE "audit_entry_scope"');
    await queryRunner.query('DROP TABLE "audit_row_change"');
  }
}
