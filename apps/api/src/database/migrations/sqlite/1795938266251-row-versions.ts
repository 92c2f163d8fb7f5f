import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gives cities, cooperations, memberships and milestones a version, as every other editable row has, so
 * that the write path can refuse a change based on a stale one. Existing rows start at 1.
 */
export class RowVersions1795938266251 implements MigrationInterface {
  name = 'RowVersions1795938266251';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "temporary_city" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "ags" varchar(8) NOT NULL, "population" integer NOT NULL, "district" varchar(40) NOT NULL, "kind" varchar(40) NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_9397f83284f5234f6acfe0084da" UNIQUE ("ags"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_city"("id", "name", "ags", "population", "district", "kind") SELECT "id", "name", "ags", "population", "district", "kind" FROM "city"',
    );
    await queryRunner.query('DROP TABLE "city"');
    await queryRunner.query('ALTER TABLE "temporary_city" RENAME TO "city"');
    await queryRunner.query(
      'CREATE TABLE "temporary_cooperation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "shortName" varchar(40) NOT NULL, "description" text, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_77dce5ed0ce032404bcec9a1d99" UNIQUE ("shortName"), CONSTRAINT "UQ_3024e22963a170c08a40508560e" UNIQUE ("name"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_cooperation"("id", "name", "shortName", "description") SELECT "id", "name", "shortName", "description" FROM "cooperation"',
    );
    await queryRunner.query('DROP TABLE "cooperation"');
    await queryRunner.query('ALTER TABLE "temporary_cooperation" RENAME TO "cooperation"');
    await queryRunner.query('DROP INDEX "IDX_membership_city"');
    await queryRunner.query(
      'CREATE TABLE "temporary_membership" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "cooperationId" integer NOT NULL, "cityId" integer NOT NULL, "joinedOn" date, "role" varchar(100), "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_membership_cooperation_city" UNIQUE ("cooperationId", "cityId"), CONSTRAINT "FK_51624d02217110280542128dc65" FOREIGN KEY ("cityId") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_2060db7d67fe5d7d39ae6dccde6" FOREIGN KEY ("cooperationId") REFERENCES "cooperation" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_membership"("id", "cooperationId", "cityId", "joinedOn", "role") SELECT "id", "cooperationId", "cityId", "joinedOn", "role" FROM "membership"',
    );
    await queryRunner.query('DROP TABLE "membership"');
    await queryRunner.query('ALTER TABLE "temporary_membership" RENAME TO "membership"');
    await queryRunner.query('CREATE INDEX "IDX_membership_city" ON "membership" ("cityId") ');
    await queryRunner.query('DROP INDEX "IDX_milestone_project"');
    await queryRunner.query(
      'CREATE TABLE "temporary_milestone" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "title" varchar(200) NOT NULL, "dueOn" date NOT NULL, "doneOn" date, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_edc28a2e0442554afe5eef2bdcb" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_milestone"("id", "projectId", "title", "dueOn", "doneOn") SELECT "id", "projectId", "title", "dueOn", "doneOn" FROM "milestone"',
    );
    await queryRunner.query('DROP TABLE "milestone"');
    await queryRunner.query('ALTER TABLE "temporary_milestone" RENAME TO "milestone"');
    await queryRunner.query('CREATE INDEX "IDX_milestone_project" ON "milestone" ("projectId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_milestone_project"');
    await queryRunner.query('ALTER TABLE "milestone" RENAME TO "temporary_milestone"');
    await queryRunner.query(
      'CREATE TABLE "milestone" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "title" varchar(200) NOT NULL, "dueOn" date NOT NULL, "doneOn" date, CONSTRAINT "FK_edc28a2e0442554afe5eef2bdcb" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "milestone"("id", "projectId", "title", "dueOn", "doneOn") SELECT "id", "projectId", "title", "dueOn", "doneOn" FROM "temporary_milestone"',
    );
    await queryRunner.query('DROP TABLE "temporary_milestone"');
    await queryRunner.query('CREATE INDEX "IDX_milestone_project" ON "milestone" ("projectId") ');
    await queryRunner.query('DROP INDEX "IDX_membership_city"');
    await queryRunner.query('ALTER TABLE "membership" RENAME TO "temporary_membership"');
    await queryRunner.query(
      'CREATE TABLE "membership" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "cooperationId" integer NOT NULL, "cityId" integer NOT NULL, "joinedOn" date, "role" varchar(100), CONSTRAINT "UQ_membership_cooperation_city" UNIQUE ("cooperationId", "cityId"), CONSTRAINT "FK_51624d02217110280542128dc65" FOREIGN KEY ("cityId") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_2060db7d67fe5d7d39ae6dccde6" FOREIGN KEY ("cooperationId") REFERENCES "cooperation" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "membership"("id", "cooperationId", "cityId", "joinedOn", "role") SELECT "id", "cooperationId", "cityId", "joinedOn", "role" FROM "temporary_membership"',
    );
    await queryRunner.query('DROP TABLE "temporary_membership"');
    await queryRunner.query('CREATE INDEX "IDX_membership_city" ON "membership" ("cityId") ');
    await queryRunner.query('ALTER TABLE "cooperation" RENAME TO "temporary_cooperation"');
    await queryRunner.query(
      'CREATE TABLE "cooperation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "shortName" varchar(40) NOT NULL, "description" text, CONSTRAINT "UQ_77dce5ed0ce032404bcec9a1d99" UNIQUE ("shortName"), CONSTRAINT "UQ_3024e22963a170c08a40508560e" UNIQUE ("name"))',
    );
    await queryRunner.query(
      'INSERT INTO "cooperation"("id", "name", "shortName", "description") SELECT "id", "name", "shortName", "description" FROM "temporary_cooperation"',
    );
    await queryRunner.query('DROP TABLE "temporary_cooperation"');
    await queryRunner.query('ALTER TABLE "city" RENAME TO "temporary_city"');
    await queryRunner.query(
      'CREATE TABLE "city" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "ags" varchar(8) NOT NULL, "population" integer NOT NULL, "district" varchar(40) NOT NULL, "kind" varchar(40) NOT NULL, CONSTRAINT "UQ_9397f83284f5234f6acfe0084da" UNIQUE ("ags"))',
    );
    await queryRunner.query(
      'INSERT INTO "city"("id", "name", "ags", "population", "district", "kind") SELECT "id", "name", "ags", "population", "district", "kind" FROM "temporary_city"',
    );
    await queryRunner.query('DROP TABLE "temporary_city"');
  }
}
