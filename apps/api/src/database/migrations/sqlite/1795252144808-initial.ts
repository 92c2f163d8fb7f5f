import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795252144808 implements MigrationInterface {
  name = 'Initial1795252144808';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "city" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "ags" varchar(8) NOT NULL, "population" integer NOT NULL, "district" varchar(40) NOT NULL, "kind" varchar(40) NOT NULL, CONSTRAINT "UQ_9397f83284f5234f6acfe0084da" UNIQUE ("ags"))',
    );
    await queryRunner.query(
      'CREATE TABLE "cooperation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "shortName" varchar(40) NOT NULL, "description" text, CONSTRAINT "UQ_3024e22963a170c08a40508560e" UNIQUE ("name"), CONSTRAINT "UQ_77dce5ed0ce032404bcec9a1d99" UNIQUE ("shortName"))',
    );
    await queryRunner.query(
      'CREATE TABLE "working_group" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "cooperationId" integer NOT NULL, "name" varchar(200) NOT NULL, "focus" varchar(20) NOT NULL, "description" text, "leadCityId" integer, "leadPerson" varchar(200), "version" integer NOT NULL DEFAULT (1))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_working_group_cooperation" ON "working_group" ("cooperationId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "project" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "workingGroupId" integer NOT NULL, "ownerCityId" integer, "title" varchar(200) NOT NULL, "description" text, "kind" varchar(20) NOT NULL, "phase" varchar(20) NOT NULL, "health" varchar(10) NOT NULL, "progress" integer NOT NULL, "startDate" date, "targetDate" date, "leikaKey" varchar(14), "ozgTopic" varchar(40), "isEfa" boolean NOT NULL DEFAULT (0), "risks" text, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1))',
    );
    await queryRunner.query('CREATE INDEX "IDX_project_working_group" ON "project" ("workingGroupId") ');
    await queryRunner.query('CREATE INDEX "IDX_project_owner_city" ON "project" ("ownerCityId") ');
    await queryRunner.query('CREATE INDEX "IDX_project_kind_phase" ON "project" ("kind", "phase") ');
    await queryRunner.query(
      'CREATE TABLE "adoption" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "cityId" integer NOT NULL, "stage" varchar(20) NOT NULL, "maturityModel" varchar(3) NOT NULL, "maturityLevel" integer, "liveSince" date, "source" varchar(20), "notes" text, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_adoption_project_city" UNIQUE ("projectId", "cityId"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_adoption_city" ON "adoption" ("cityId") ');
    await queryRunner.query(
      'CREATE TABLE "adoption_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "adoptionId" integer NOT NULL, "projectId" integer NOT NULL, "cityId" integer NOT NULL, "recordedAt" datetime NOT NULL, "stage" varchar(20) NOT NULL, "maturityModel" varchar(3) NOT NULL, "maturityLevel" integer, "liveSince" date, "source" varchar(20), "notes" text, "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_adoption_change_adoption" ON "adoption_change" ("adoptionId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_adoption_change_project_city_recorded" ON "adoption_change" ("projectId", "cityId", "recordedAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "membership" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "cooperationId" integer NOT NULL, "cityId" integer NOT NULL, "joinedOn" date, "role" varchar(100), CONSTRAINT "UQ_membership_cooperation_city" UNIQUE ("cooperationId", "cityId"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_membership_city" ON "membership" ("cityId") ');
    await queryRunner.query(
      'CREATE TABLE "milestone" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "title" varchar(200) NOT NULL, "dueOn" date NOT NULL, "doneOn" date)',
    );
    await queryRunner.query('CREATE INDEX "IDX_milestone_project" ON "milestone" ("projectId") ');
    await queryRunner.query(
      'CREATE TABLE "status_update" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "createdAt" datetime NOT NULL, "author" varchar(200), "phase" varchar(20) NOT NULL, "health" varchar(10) NOT NULL, "progress" integer NOT NULL, "summary" text NOT NULL, "blockers" text)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_status_update_project_created" ON "status_update" ("projectId", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "working_group_member" ("workingGroupId" integer NOT NULL, "cityId" integer NOT NULL, PRIMARY KEY ("workingGroupId", "cityId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "app_setting" ("key" varchar(60) PRIMARY KEY NOT NULL, "value" text NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "ozg_topic" ("key" varchar(40) PRIMARY KEY NOT NULL, "nameDe" varchar(200) NOT NULL, "nameEn" varchar(200) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "satisfaction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "cityId" integer NOT NULL, "month" varchar(7) NOT NULL, "ratingsCount" integer NOT NULL, "averageRating" double precision, "nps" double precision, "transactionsStarted" integer, "transactionsCompleted" integer, "visits" integer, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_satisfaction_project_city_month" UNIQUE ("projectId", "cityId", "month"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_satisfaction_city" ON "satisfaction" ("cityId") ');
    await queryRunner.query('CREATE INDEX "IDX_satisfaction_month" ON "satisfaction" ("month") ');
    await queryRunner.query('DROP INDEX "IDX_working_group_cooperation"');
    await queryRunner.query(
      'CREATE TABLE "temporary_working_group" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "cooperationId" integer NOT NULL, "name" varchar(200) NOT NULL, "focus" varchar(20) NOT NULL, "description" text, "leadCityId" integer, "leadPerson" varchar(200), "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_8ff78d60e9e6509d594ac278807" FOREIGN KEY ("cooperationId") REFERENCES "cooperation" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_0d284ecfed43c09461589755249" FOREIGN KEY ("leadCityId") REFERENCES "city" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_working_group"("id", "cooperationId", "name", "focus", "description", "leadCityId", "leadPerson", "version") SELECT "id", "cooperationId", "name", "focus", "description", "leadCityId", "leadPerson", "version" FROM "working_group"',
    );
    await queryRunner.query('DROP TABLE "working_group"');
    await queryRunner.query('ALTER TABLE "temporary_working_group" RENAME TO "working_group"');
    await queryRunner.query(
      'CREATE INDEX "IDX_working_group_cooperation" ON "working_group" ("cooperationId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_project_working_group"');
    await queryRunner.query('DROP INDEX "IDX_project_owner_city"');
    await queryRunner.query('DROP INDEX "IDX_project_kind_phase"');
    await queryRunner.query(
      'CREATE TABLE "temporary_project" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "workingGroupId" integer NOT NULL, "ownerCityId" integer, "title" varchar(200) NOT NULL, "description" text, "kind" varchar(20) NOT NULL, "phase" varchar(20) NOT NULL, "health" varchar(10) NOT NULL, "progress" integer NOT NULL, "startDate" date, "targetDate" date, "leikaKey" varchar(14), "ozgTopic" varchar(40), "isEfa" boolean NOT NULL DEFAULT (0), "risks" text, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_05b4db1716a8fefcaf4a6a20a47" FOREIGN KEY ("workingGroupId") REFERENCES "working_group" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_3ff2cd5b56b872c55f298a5b069" FOREIGN KEY ("ownerCityId") REFERENCES "city" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_project"("id", "workingGroupId", "ownerCityId", "title", "description", "kind", "phase", "health", "progress", "startDate", "targetDate", "leikaKey", "ozgTopic", "isEfa", "risks", "updatedAt", "version") SELECT "id", "workingGroupId", "ownerCityId", "title", "description", "kind", "phase", "health", "progress", "startDate", "targetDate", "leikaKey", "ozgTopic", "isEfa", "risks", "updatedAt", "version" FROM "project"',
    );
    await queryRunner.query('DROP TABLE "project"');
    await queryRunner.query('ALTER TABLE "temporary_project" RENAME TO "project"');
    await queryRunner.query('CREATE INDEX "IDX_project_working_group" ON "project" ("workingGroupId") ');
    await queryRunner.query('CREATE INDEX "IDX_project_owner_city" ON "project" ("ownerCityId") ');
    await queryRunner.query('CREATE INDEX "IDX_project_kind_phase" ON "project" ("kind", "phase") ');
    await queryRunner.query('DROP INDEX "IDX_adoption_city"');
    await queryRunner.query(
      'CREATE TABLE "temporary_adoption" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "cityId" integer NOT NULL, "stage" varchar(20) NOT NULL, "maturityModel" varchar(3) NOT NULL, "maturityLevel" integer, "liveSince" date, "source" varchar(20), "notes" text, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_adoption_project_city" UNIQUE ("projectId", "cityId"), CONSTRAINT "FK_d8ea628b8a9e11adb0b88cc5498" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_bc9a048d9e8053dc7ea2b43f868" FOREIGN KEY ("cityId") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_adoption"("id", "projectId", "cityId", "stage", "maturityModel", "maturityLevel", "liveSince", "source", "notes", "updatedAt", "version") SELECT "id", "projectId", "cityId", "stage", "maturityModel", "maturityLevel", "liveSince", "source", "notes", "updatedAt", "version" FROM "adoption"',
    );
    await queryRunner.query('DROP TABLE "adoption"');
    await queryRunner.query('ALTER TABLE "temporary_adoption" RENAME TO "adoption"');
    await queryRunner.query('CREATE INDEX "IDX_adoption_city" ON "adoption" ("cityId") ');
    await queryRunner.query('DROP INDEX "IDX_adoption_change_adoption"');
    await queryRunner.query('DROP INDEX "IDX_adoption_change_project_city_recorded"');
    await queryRunner.query(
      'CREATE TABLE "temporary_adoption_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "adoptionId" integer NOT NULL, "projectId" integer NOT NULL, "cityId" integer NOT NULL, "recordedAt" datetime NOT NULL, "stage" varchar(20) NOT NULL, "maturityModel" varchar(3) NOT NULL, "maturityLevel" integer, "liveSince" date, "source" varchar(20), "notes" text, "version" integer NOT NULL, CONSTRAINT "FK_9d1efdb9f350605104bfbc72926" FOREIGN KEY ("adoptionId") REFERENCES "adoption" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_adoption_change"("id", "adoptionId", "projectId", "cityId", "recordedAt", "stage", "maturityModel", "maturityLevel", "liveSince", "source", "notes", "version") SELECT "id", "adoptionId", "projectId", "cityId", "recordedAt", "stage", "maturityModel", "maturityLevel", "liveSince", "source", "notes", "version" FROM "adoption_change"',
    );
    await queryRunner.query('DROP TABLE "adoption_change"');
    await queryRunner.query('ALTER TABLE "temporary_adoption_change" RENAME TO "adoption_change"');
    await queryRunner.query(
      'CREATE INDEX "IDX_adoption_change_adoption" ON "adoption_change" ("adoptionId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_adoption_change_project_city_recorded" ON "adoption_change" ("projectId", "cityId", "recordedAt") ',
    );
    await queryRunner.query('DROP INDEX "IDX_membership_city"');
    await queryRunner.query(
      'CREATE TABLE "temporary_membership" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "cooperationId" integer NOT NULL, "cityId" integer NOT NULL, "joinedOn" date, "role" varchar(100), CONSTRAINT "UQ_membership_cooperation_city" UNIQUE ("cooperationId", "cityId"), CONSTRAINT "FK_2060db7d67fe5d7d39ae6dccde6" FOREIGN KEY ("cooperationId") REFERENCES "cooperation" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_51624d02217110280542128dc65" FOREIGN KEY ("cityId") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_membership"("id", "cooperationId", "cityId", "joinedOn", "role") SELECT "id", "cooperationId", "cityId", "joinedOn", "role" FROM "membership"',
    );
    await queryRunner.query('DROP TABLE "membership"');
    await queryRunner.query('ALTER TABLE "temporary_membership" RENAME TO "membership"');
    await queryRunner.query('CREATE INDEX "IDX_membership_city" ON "membership" ("cityId") ');
    await queryRunner.query('DROP INDEX "IDX_milestone_project"');
    await queryRunner.query(
      'CREATE TABLE "temporary_milestone" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "title" varchar(200) NOT NULL, "dueOn" date NOT NULL, "doneOn" date, CONSTRAINT "FK_edc28a2e0442554afe5eef2bdcb" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_milestone"("id", "projectId", "title", "dueOn", "doneOn") SELECT "id", "projectId", "title", "dueOn", "doneOn" FROM "milestone"',
    );
    await queryRunner.query('DROP TABLE "milestone"');
    await queryRunner.query('ALTER TABLE "temporary_milestone" RENAME TO "milestone"');
    await queryRunner.query('CREATE INDEX "IDX_milestone_project" ON "milestone" ("projectId") ');
    await queryRunner.query('DROP INDEX "IDX_status_update_project_created"');
    await queryRunner.query(
      'CREATE TABLE "temporary_status_update" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "createdAt" datetime NOT NULL, "author" varchar(200), "phase" varchar(20) NOT NULL, "health" varchar(10) NOT NULL, "progress" integer NOT NULL, "summary" text NOT NULL, "blockers" text, CONSTRAINT "FK_9d68af6609a76972b0e5b59b45a" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_status_update"("id", "projectId", "createdAt", "author", "phase", "health", "progress", "summary", "blockers") SELECT "id", "projectId", "createdAt", "author", "phase", "health", "progress", "summary", "blockers" FROM "status_update"',
    );
    await queryRunner.query('DROP TABLE "status_update"');
    await queryRunner.query('ALTER TABLE "temporary_status_update" RENAME TO "status_update"');
    await queryRunner.query(
      'CREATE INDEX "IDX_status_update_project_created" ON "status_update" ("projectId", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "temporary_working_group_member" ("workingGroupId" integer NOT NULL, "cityId" integer NOT NULL, CONSTRAINT "FK_350f849796e1b92be263ac5e692" FOREIGN KEY ("workingGroupId") REFERENCES "working_group" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_3cf7e5cf2f15e1761729a5c3035" FOREIGN KEY ("cityId") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("workingGroupId", "cityId"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_working_group_member"("workingGroupId", "cityId") SELECT "workingGroupId", "cityId" FROM "working_group_member"',
    );
    await queryRunner.query('DROP TABLE "working_group_member"');
    await queryRunner.query('ALTER TABLE "temporary_working_group_member" RENAME TO "working_group_member"');
    await queryRunner.query('DROP INDEX "IDX_satisfaction_city"');
    await queryRunner.query('DROP INDEX "IDX_satisfaction_month"');
    await queryRunner.query(
      'CREATE TABLE "temporary_satisfaction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "cityId" integer NOT NULL, "month" varchar(7) NOT NULL, "ratingsCount" integer NOT NULL, "averageRating" double precision, "nps" double precision, "transactionsStarted" integer, "transactionsCompleted" integer, "visits" integer, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_satisfaction_project_city_month" UNIQUE ("projectId", "cityId", "month"), CONSTRAINT "FK_f49a1287b793e4f9777644ff1a4" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_48448ad473aa17c178008b155e1" FOREIGN KEY ("cityId") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_satisfaction"("id", "projectId", "cityId", "month", "ratingsCount", "averageRating", "nps", "transactionsStarted", "transactionsCompleted", "visits", "updatedAt", "version") SELECT "id", "projectId", "cityId", "month", "ratingsCount", "averageRating", "nps", "transactionsStarted", "transactionsCompleted", "visits", "updatedAt", "version" FROM "satisfaction"',
    );
    await queryRunner.query('DROP TABLE "satisfaction"');
    await queryRunner.query('ALTER TABLE "temporary_satisfaction" RENAME TO "satisfaction"');
    await queryRunner.query('CREATE INDEX "IDX_satisfaction_city" ON "satisfaction" ("cityId") ');
    await queryRunner.query('CREATE INDEX "IDX_satisfaction_month" ON "satisfaction" ("month") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_satisfaction_month"');
    await queryRunner.query('DROP INDEX "IDX_satisfaction_city"');
    await queryRunner.query('ALTER TABLE "satisfaction" RENAME TO "temporary_satisfaction"');
    await queryRunner.query(
      'CREATE TABLE "satisfaction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "cityId" integer NOT NULL, "month" varchar(7) NOT NULL, "ratingsCount" integer NOT NULL, "averageRating" double precision, "nps" double precision, "transactionsStarted" integer, "transactionsCompleted" integer, "visits" integer, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_satisfaction_project_city_month" UNIQUE ("projectId", "cityId", "month"))',
    );
    await queryRunner.query(
      'INSERT INTO "satisfaction"("id", "projectId", "cityId", "month", "ratingsCount", "averageRating", "nps", "transactionsStarted", "transactionsCompleted", "visits", "updatedAt", "version") SELECT "id", "projectId", "cityId", "month", "ratingsCount", "averageRating", "nps", "transactionsStarted", "transactionsCompleted", "visits", "updatedAt", "version" FROM "temporary_satisfaction"',
    );
    await queryRunner.query('DROP TABLE "temporary_satisfaction"');
    await queryRunner.query('CREATE INDEX "IDX_satisfaction_month" ON "satisfaction" ("month") ');
    await queryRunner.query('CREATE INDEX "IDX_satisfaction_city" ON "satisfaction" ("cityId") ');
    await queryRunner.query('ALTER TABLE "working_group_member" RENAME TO "temporary_working_group_member"');
    await queryRunner.query(
      'CREATE TABLE "working_group_member" ("workingGroupId" integer NOT NULL, "cityId" integer NOT NULL, PRIMARY KEY ("workingGroupId", "cityId"))',
    );
    await queryRunner.query(
      'INSERT INTO "working_group_member"("workingGroupId", "cityId") SELECT "workingGroupId", "cityId" FROM "temporary_working_group_member"',
    );
    await queryRunner.query('DROP TABLE "temporary_working_group_member"');
    await queryRunner.query('DROP INDEX "IDX_status_update_project_created"');
    await queryRunner.query('ALTER TABLE "status_update" RENAME TO "temporary_status_update"');
    await queryRunner.query(
      'CREATE TABLE "status_update" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "createdAt" datetime NOT NULL, "author" varchar(200), "phase" varchar(20) NOT NULL, "health" varchar(10) NOT NULL, "progress" integer NOT NULL, "summary" text NOT NULL, "blockers" text)',
    );
    await queryRunner.query(
      'INSERT INTO "status_update"("id", "projectId", "createdAt", "author", "phase", "health", "progress", "summary", "blockers") SELECT "id", "projectId", "createdAt", "author", "phase", "health", "progress", "summary", "blockers" FROM "temporary_status_update"',
    );
    await queryRunner.query('DROP TABLE "temporary_status_update"');
    await queryRunner.query(
      'CREATE INDEX "IDX_status_update_project_created" ON "status_update" ("projectId", "createdAt") ',
    );
    await queryRunner.query('DROP INDEX "IDX_milestone_project"');
    await queryRunner.query('ALTER TABLE "milestone" RENAME TO "temporary_milestone"');
    await queryRunner.query(
      'CREATE TABLE "milestone" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "title" varchar(200) NOT NULL, "dueOn" date NOT NULL, "doneOn" date)',
    );
    await queryRunner.query(
      'INSERT INTO "milestone"("id", "projectId", "title", "dueOn", "doneOn") SELECT "id", "projectId", "title", "dueOn", "doneOn" FROM "temporary_milestone"',
    );
    await queryRunner.query('DROP TABLE "temporary_milestone"');
    await queryRunner.query('CREATE INDEX "IDX_milestone_project" ON "milestone" ("projectId") ');
    await queryRunner.query('DROP INDEX "IDX_membership_city"');
    await queryRunner.query('ALTER TABLE "membership" RENAME TO "temporary_membership"');
    await queryRunner.query(
      'CREATE TABLE "membership" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "cooperationId" integer NOT NULL, "cityId" integer NOT NULL, "joinedOn" date, "role" varchar(100), CONSTRAINT "UQ_membership_cooperation_city" UNIQUE ("cooperationId", "cityId"))',
    );
    await queryRunner.query(
      'INSERT INTO "membership"("id", "cooperationId", "cityId", "joinedOn", "role") SELECT "id", "cooperationId", "cityId", "joinedOn", "role" FROM "temporary_membership"',
    );
    await queryRunner.query('DROP TABLE "temporary_membership"');
    await queryRunner.query('CREATE INDEX "IDX_membership_city" ON "membership" ("cityId") ');
    await queryRunner.query('DROP INDEX "IDX_adoption_change_project_city_recorded"');
    await queryRunner.query('DROP INDEX "IDX_adoption_change_adoption"');
    await queryRunner.query('ALTER TABLE "adoption_change" RENAME TO "temporary_adoption_change"');
    await queryRunner.query(
      'CREATE TABLE "adoption_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "adoptionId" integer NOT NULL, "projectId" integer NOT NULL, "cityId" integer NOT NULL, "recordedAt" datetime NOT NULL, "stage" varchar(20) NOT NULL, "maturityModel" varchar(3) NOT NULL, "maturityLevel" integer, "liveSince" date, "source" varchar(20), "notes" text, "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "adoption_change"("id", "adoptionId", "projectId", "cityId", "recordedAt", "stage", "maturityModel", "maturityLevel", "liveSince", "source", "notes", "version") SELECT "id", "adoptionId", "projectId", "cityId", "recordedAt", "stage", "maturityModel", "maturityLevel", "liveSince", "source", "notes", "version" FROM "temporary_adoption_change"',
    );
    await queryRunner.query('DROP TABLE "temporary_adoption_change"');
    await queryRunner.query(
      'CREATE INDEX "IDX_adoption_change_project_city_recorded" ON "adoption_change" ("projectId", "cityId", "recordedAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_adoption_change_adoption" ON "adoption_change" ("adoptionId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_adoption_city"');
    await queryRunner.query('ALTER TABLE "adoption" RENAME TO "temporary_adoption"');
    await queryRunner.query(
      'CREATE TABLE "adoption" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "projectId" integer NOT NULL, "cityId" integer NOT NULL, "stage" varchar(20) NOT NULL, "maturityModel" varchar(3) NOT NULL, "maturityLevel" integer, "liveSince" date, "source" varchar(20), "notes" text, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_adoption_project_city" UNIQUE ("projectId", "cityId"))',
    );
    await queryRunner.query(
      'INSERT INTO "adoption"("id", "projectId", "cityId", "stage", "maturityModel", "maturityLevel", "liveSince", "source", "notes", "updatedAt", "version") SELECT "id", "projectId", "cityId", "stage", "maturityModel", "maturityLevel", "liveSince", "source", "notes", "updatedAt", "version" FROM "temporary_adoption"',
    );
    await queryRunner.query('DROP TABLE "temporary_adoption"');
    await queryRunner.query('CREATE INDEX "IDX_adoption_city" ON "adoption" ("cityId") ');
    await queryRunner.query('DROP INDEX "IDX_project_kind_phase"');
    await queryRunner.query('DROP INDEX "IDX_project_owner_city"');
    await queryRunner.query('DROP INDEX "IDX_project_working_group"');
    await queryRunner.query('ALTER TABLE "project" RENAME TO "temporary_project"');
    await queryRunner.query(
      'CREATE TABLE "project" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "workingGroupId" integer NOT NULL, "ownerCityId" integer, "title" varchar(200) NOT NULL, "description" text, "kind" varchar(20) NOT NULL, "phase" varchar(20) NOT NULL, "health" varchar(10) NOT NULL, "progress" integer NOT NULL, "startDate" date, "targetDate" date, "leikaKey" varchar(14), "ozgTopic" varchar(40), "isEfa" boolean NOT NULL DEFAULT (0), "risks" text, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1))',
    );
    await queryRunner.query(
      'INSERT INTO "project"("id", "workingGroupId", "ownerCityId", "title", "description", "kind", "phase", "health", "progress", "startDate", "targetDate", "leikaKey", "ozgTopic", "isEfa", "risks", "updatedAt", "version") SELECT "id", "workingGroupId", "ownerCityId", "title", "description", "kind", "phase", "health", "progress", "startDate", "targetDate", "leikaKey", "ozgTopic", "isEfa", "risks", "updatedAt", "version" FROM "temporary_project"',
    );
    await queryRunner.query('DROP TABLE "temporary_project"');
    await queryRunner.query('CREATE INDEX "IDX_project_kind_phase" ON "project" ("kind", "phase") ');
    await queryRunner.query('CREATE INDEX "IDX_project_owner_city" ON "project" ("ownerCityId") ');
    await queryRunner.query('CREATE INDEX "IDX_project_working_group" ON "project" ("workingGroupId") ');
    await queryRunner.query('DROP INDEX "IDX_working_group_cooperation"');
    await queryRunner.query('ALTER TABLE "working_group" RENAME TO "temporary_working_group"');
    await queryRunner.query(
      'CREATE TABLE "working_group" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "cooperationId" integer NOT NULL, "name" varchar(200) NOT NULL, "focus" varchar(20) NOT NULL, "description" text, "leadCityId" integer, "leadPerson" varchar(200), "version" integer NOT NULL DEFAULT (1))',
    );
    await queryRunner.query(
      'INSERT INTO "working_group"("id", "cooperationId", "name", "focus", "description", "leadCityId", "leadPerson", "version") SELECT "id", "cooperationId", "name", "focus", "description", "leadCityId", "leadPerson", "version" FROM "temporary_working_group"',
    );
    await queryRunner.query('DROP TABLE "temporary_working_group"');
    await queryRunner.query(
      'CREATE INDEX "IDX_working_group_cooperation" ON "working_group" ("cooperationId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_satisfaction_month"');
    await queryRunner.query('DROP INDEX "IDX_satisfaction_city"');
    await queryRunner.query('DROP TABLE "satisfaction"');
    await queryRunner.query('DROP TABLE "ozg_topic"');
    await queryRunner.query('DROP TABLE "app_setting"');
    await queryRunner.query('DROP TABLE "working_group_member"');
    await queryRunner.query('DROP INDEX "IDX_status_update_project_created"');
    await queryRunner.query('DROP TABLE "status_update"');
    await queryRunner.query('DROP INDEX "IDX_milestone_project"');
    await queryRunner.query('DROP TABLE "milestone"');
    await queryRunner.query('DROP INDEX "IDX_membership_city"');
    await queryRunner.query('DROP TABLE "membership"');
    await queryRunner.query('DROP INDEX "IDX_adoption_change_project_city_recorded"');
    await queryRunner.query('DROP INDEX "IDX_adoption_change_adoption"');
    await queryRunner.query('DROP TABLE "adoption_change"');
    await queryRunner.query('DROP INDEX "IDX_adoption_city"');
    await queryRunner.query('DROP TABLE "adoption"');
    await queryRunner.query('DROP INDEX "IDX_project_kind_phase"');
    await queryRunner.query('DROP INDEX "IDX_project_owner_city"');
    await queryRunner.query('DROP INDEX "IDX_project_working_group"');
    await queryRunner.query('DROP TABLE "project"');
    await queryRunner.query('DROP INDEX "IDX_working_group_cooperation"');
    await queryRunner.query('DROP TABLE "working_group"');
    await queryRunner.query('DROP TABLE "cooperation"');
    await queryRunner.query('DROP TABLE "city"');
  }
}
