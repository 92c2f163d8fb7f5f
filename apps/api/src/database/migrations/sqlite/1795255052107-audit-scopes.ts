import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The integer at `path` of a JSON column, or null (no JSON, no such field, not an integer). */
function jsonKey(column: string, path: string): string {
  // Nested, not AND: only CASE promises not to read the JSON of a text that is none.
  return `CASE WHEN json_valid("${column}") THEN CASE WHEN json_type("${column}", '${path}') = 'integer' THEN json_extract("${column}", '${path}') END END`;
}

/**
 * Gives every audit entry the city and project its row belongs to, so that a city's or a project's history
 * is found by an index. Entries written before get them from their JSON, as `AuditService` does now.
 */
export class AuditScopes1795255052107 implements MigrationInterface {
  name = 'AuditScopes1795255052107';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_audit_entity"');
    await queryRunner.query('DROP INDEX "IDX_audit_at"');
    await queryRunner.query('DROP INDEX "IDX_audit_account"');
    await queryRunner.query(
      'CREATE TABLE "temporary_audit_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL, "accountId" integer, "username" varchar(60) NOT NULL, "operation" varchar(60) NOT NULL, "entity" varchar(40) NOT NULL, "entityId" varchar(40) NOT NULL, "before" text, "after" text, "cityId" integer, "projectId" integer)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_audit_entry"("id", "at", "accountId", "username", "operation", "entity", "entityId", "before", "after") SELECT "id", "at", "accountId", "username", "operation", "entity", "entityId", "before", "after" FROM "audit_entry"',
    );
    await queryRunner.query('DROP TABLE "audit_entry"');
    await queryRunner.query('ALTER TABLE "temporary_audit_entry" RENAME TO "audit_entry"');
    await queryRunner.query(
      `UPDATE "audit_entry" SET
         "cityId" = CASE WHEN "entity" = 'City' THEN CAST("entityId" AS integer)
                         ELSE COALESCE(${jsonKey('after', '$.cityId')}, ${jsonKey('before', '$.cityId')}) END,
         "projectId" = CASE WHEN "entity" = 'Project' THEN CAST("entityId" AS integer)
                            ELSE COALESCE(${jsonKey('after', '$.projectId')}, ${jsonKey('before', '$.projectId')}) END`,
    );
    await queryRunner.query('CREATE INDEX "IDX_audit_entity" ON "audit_entry" ("entity", "entityId") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_at" ON "audit_entry" ("at") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_account" ON "audit_entry" ("accountId") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_project" ON "audit_entry" ("projectId") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_city" ON "audit_entry" ("cityId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_audit_city"');
    await queryRunner.query('DROP INDEX "IDX_audit_project"');
    await queryRunner.query('DROP INDEX "IDX_audit_account"');
    await queryRunner.query('DROP INDEX "IDX_audit_at"');
    await queryRunner.query('DROP INDEX "IDX_audit_entity"');
    await queryRunner.query('ALTER TABLE "audit_entry" RENAME TO "temporary_audit_entry"');
    await queryRunner.query(
      'CREATE TABLE "audit_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL, "accountId" integer, "username" varchar(60) NOT NULL, "operation" varchar(60) NOT NULL, "entity" varchar(40) NOT NULL, "entityId" varchar(40) NOT NULL, "before" text, "after" text)',
    );
    await queryRunner.query(
      'INSERT INTO "audit_entry"("id", "at", "accountId", "username", "operation", "entity", "entityId", "before", "after") SELECT "id", "at", "accountId", "username", "operation", "entity", "entityId", "before", "after" FROM "temporary_audit_entry"',
    );
    await queryRunner.query('DROP TABLE "temporary_audit_entry"');
    await queryRunner.query('CREATE INDEX "IDX_audit_account" ON "audit_entry" ("accountId") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_at" ON "audit_entry" ("at") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_entity" ON "audit_entry" ("entity", "entityId") ');
  }
}
