import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Meetings1795948576731 implements MigrationInterface {
  name = 'Meetings1795948576731';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "meeting" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(30) NOT NULL, "title" varchar(200) NOT NULL, "startsAt" datetime NOT NULL, "durationMinutes" integer, "state" varchar(20) NOT NULL, "location" varchar(200), "hostCityId" integer, "cooperationId" integer NOT NULL, "workingGroupId" integer, "createdAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1))',
    );
    await queryRunner.query('CREATE INDEX "IDX_meeting_working_group" ON "meeting" ("workingGroupId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_meeting_cooperation_starts" ON "meeting" ("cooperationId", "startsAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "action_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "cooperationId" integer NOT NULL, "title" varchar(200) NOT NULL, "status" varchar(10) NOT NULL, "dueOn" date NOT NULL, "ownerCityId" integer, "ownerWorkingGroupId" integer, "projectId" integer, "createdAt" datetime NOT NULL, "closedAt" datetime, "version" integer NOT NULL DEFAULT (1))',
    );
    await queryRunner.query('CREATE INDEX "IDX_action_item_meeting" ON "action_item" ("meetingId") ');
    await queryRunner.query('CREATE INDEX "IDX_action_item_owner_city" ON "action_item" ("ownerCityId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_action_item_owner_working_group" ON "action_item" ("ownerWorkingGroupId") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_action_item_project" ON "action_item" ("projectId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_action_item_cooperation_status_due" ON "action_item" ("cooperationId", "status", "dueOn") ',
    );
    await queryRunner.query(
      'CREATE TABLE "agenda_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "cooperationId" integer NOT NULL, "position" integer NOT NULL, "title" varchar(200) NOT NULL, "presenter" varchar(200), "durationMinutes" integer, "projectId" integer)',
    );
    await queryRunner.query('CREATE INDEX "IDX_agenda_item_project" ON "agenda_item" ("projectId") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_agenda_item_meeting_position" ON "agenda_item" ("meetingId", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "decision" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "cooperationId" integer NOT NULL, "text" text NOT NULL, "recordedAt" datetime NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_decision_meeting" ON "decision" ("meetingId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_decision_cooperation_recorded" ON "decision" ("cooperationId", "recordedAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "decision_project" ("decisionId" integer NOT NULL, "projectId" integer NOT NULL, PRIMARY KEY ("decisionId", "projectId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_decision_project_project" ON "decision_project" ("projectId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "meeting_attendee" ("meetingId" integer NOT NULL, "cityId" integer NOT NULL, "role" varchar(100), PRIMARY KEY ("meetingId", "cityId"))',
    );
    await queryRunner.query('DROP INDEX "IDX_meeting_working_group"');
    await queryRunner.query('DROP INDEX "IDX_meeting_cooperation_starts"');
    await queryRunner.query(
      'CREATE TABLE "temporary_meeting" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(30) NOT NULL, "title" varchar(200) NOT NULL, "startsAt" datetime NOT NULL, "durationMinutes" integer, "state" varchar(20) NOT NULL, "location" varchar(200), "hostCityId" integer, "cooperationId" integer NOT NULL, "workingGroupId" integer, "createdAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_fa40d2960661b7b89ec56a13a47" FOREIGN KEY ("hostCityId") REFERENCES "city" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_db700fb6ecce78518e5623f2601" FOREIGN KEY ("cooperationId") REFERENCES "cooperation" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_677feea827d334ab08243f97486" FOREIGN KEY ("workingGroupId") REFERENCES "working_group" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_meeting"("id", "kind", "title", "startsAt", "durationMinutes", "state", "location", "hostCityId", "cooperationId", "workingGroupId", "createdAt", "version") SELECT "id", "kind", "title", "startsAt", "durationMinutes", "state", "location", "hostCityId", "cooperationId", "workingGroupId", "createdAt", "version" FROM "meeting"',
    );
    await queryRunner.query('DROP TABLE "meeting"');
    await queryRunner.query('ALTER TABLE "temporary_meeting" RENAME TO "meeting"');
    await queryRunner.query('CREATE INDEX "IDX_meeting_working_group" ON "meeting" ("workingGroupId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_meeting_cooperation_starts" ON "meeting" ("cooperationId", "startsAt") ',
    );
    await queryRunner.query('DROP INDEX "IDX_action_item_meeting"');
    await queryRunner.query('DROP INDEX "IDX_action_item_owner_city"');
    await queryRunner.query('DROP INDEX "IDX_action_item_owner_working_group"');
    await queryRunner.query('DROP INDEX "IDX_action_item_project"');
    await queryRunner.query('DROP INDEX "IDX_action_item_cooperation_status_due"');
    await queryRunner.query(
      'CREATE TABLE "temporary_action_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "cooperationId" integer NOT NULL, "title" varchar(200) NOT NULL, "status" varchar(10) NOT NULL, "dueOn" date NOT NULL, "ownerCityId" integer, "ownerWorkingGroupId" integer, "projectId" integer, "createdAt" datetime NOT NULL, "closedAt" datetime, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_a94b3fbaa007e806a7e6de18ede" FOREIGN KEY ("meetingId") REFERENCES "meeting" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_a7ac99bfcad8231a10944843c86" FOREIGN KEY ("cooperationId") REFERENCES "cooperation" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_fde2bf2dcea049bd6d2c31ed773" FOREIGN KEY ("ownerCityId") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_40838ab2aa7eb31cbc129a017c6" FOREIGN KEY ("ownerWorkingGroupId") REFERENCES "working_group" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_a1a3df672cf8ba0c749f6098ab5" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_action_item"("id", "meetingId", "cooperationId", "title", "status", "dueOn", "ownerCityId", "ownerWorkingGroupId", "projectId", "createdAt", "closedAt", "version") SELECT "id", "meetingId", "cooperationId", "title", "status", "dueOn", "ownerCityId", "ownerWorkingGroupId", "projectId", "createdAt", "closedAt", "version" FROM "action_item"',
    );
    await queryRunner.query('DROP TABLE "action_item"');
    await queryRunner.query('ALTER TABLE "temporary_action_item" RENAME TO "action_item"');
    await queryRunner.query('CREATE INDEX "IDX_action_item_meeting" ON "action_item" ("meetingId") ');
    await queryRunner.query('CREATE INDEX "IDX_action_item_owner_city" ON "action_item" ("ownerCityId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_action_item_owner_working_group" ON "action_item" ("ownerWorkingGroupId") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_action_item_project" ON "action_item" ("projectId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_action_item_cooperation_status_due" ON "action_item" ("cooperationId", "status", "dueOn") ',
    );
    await queryRunner.query('DROP INDEX "IDX_agenda_item_project"');
    await queryRunner.query('DROP INDEX "IDX_agenda_item_meeting_position"');
    await queryRunner.query(
      'CREATE TABLE "temporary_agenda_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "cooperationId" integer NOT NULL, "position" integer NOT NULL, "title" varchar(200) NOT NULL, "presenter" varchar(200), "durationMinutes" integer, "projectId" integer, CONSTRAINT "FK_28bc9d0411e9396fd1a0eb9e497" FOREIGN KEY ("meetingId") REFERENCES "meeting" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_8cc9e89c89f7055cf11a599a0bc" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_agenda_item"("id", "meetingId", "cooperationId", "position", "title", "presenter", "durationMinutes", "projectId") SELECT "id", "meetingId", "cooperationId", "position", "title", "presenter", "durationMinutes", "projectId" FROM "agenda_item"',
    );
    await queryRunner.query('DROP TABLE "agenda_item"');
    await queryRunner.query('ALTER TABLE "temporary_agenda_item" RENAME TO "agenda_item"');
    await queryRunner.query('CREATE INDEX "IDX_agenda_item_project" ON "agenda_item" ("projectId") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_agenda_item_meeting_position" ON "agenda_item" ("meetingId", "position") ',
    );
    await queryRunner.query('DROP INDEX "IDX_decision_meeting"');
    await queryRunner.query('DROP INDEX "IDX_decision_cooperation_recorded"');
    await queryRunner.query(
      'CREATE TABLE "temporary_decision" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "cooperationId" integer NOT NULL, "text" text NOT NULL, "recordedAt" datetime NOT NULL, CONSTRAINT "FK_6f7696c0c1efee8fc3d0b17617f" FOREIGN KEY ("meetingId") REFERENCES "meeting" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_fb30ec047211036fdf0d182cac0" FOREIGN KEY ("cooperationId") REFERENCES "cooperation" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_decision"("id", "meetingId", "cooperationId", "text", "recordedAt") SELECT "id", "meetingId", "cooperationId", "text", "recordedAt" FROM "decision"',
    );
    await queryRunner.query('DROP TABLE "decision"');
    await queryRunner.query('ALTER TABLE "temporary_decision" RENAME TO "decision"');
    await queryRunner.query('CREATE INDEX "IDX_decision_meeting" ON "decision" ("meetingId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_decision_cooperation_recorded" ON "decision" ("cooperationId", "recordedAt") ',
    );
    await queryRunner.query('DROP INDEX "IDX_decision_project_project"');
    await queryRunner.query(
      'CREATE TABLE "temporary_decision_project" ("decisionId" integer NOT NULL, "projectId" integer NOT NULL, CONSTRAINT "FK_20814f05789955e610402255c8f" FOREIGN KEY ("decisionId") REFERENCES "decision" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_22ce8aa951658ea07a41c3d4f4d" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("decisionId", "projectId"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_decision_project"("decisionId", "projectId") SELECT "decisionId", "projectId" FROM "decision_project"',
    );
    await queryRunner.query('DROP TABLE "decision_project"');
    await queryRunner.query('ALTER TABLE "temporary_decision_project" RENAME TO "decision_project"');
    await queryRunner.query(
      'CREATE INDEX "IDX_decision_project_project" ON "decision_project" ("projectId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "temporary_meeting_attendee" ("meetingId" integer NOT NULL, "cityId" integer NOT NULL, "role" varchar(100), CONSTRAINT "FK_627c1a17372cdaa4e13cb9bc68b" FOREIGN KEY ("meetingId") REFERENCES "meeting" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_61d392e98f3dab0020173112d59" FOREIGN KEY ("cityId") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("meetingId", "cityId"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_meeting_attendee"("meetingId", "cityId", "role") SELECT "meetingId", "cityId", "role" FROM "meeting_attendee"',
    );
    await queryRunner.query('DROP TABLE "meeting_attendee"');
    await queryRunner.query('ALTER TABLE "temporary_meeting_attendee" RENAME TO "meeting_attendee"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "meeting_attendee" RENAME TO "temporary_meeting_attendee"');
    await queryRunner.query(
      'CREATE TABLE "meeting_attendee" ("meetingId" integer NOT NULL, "cityId" integer NOT NULL, "role" varchar(100), PRIMARY KEY ("meetingId", "cityId"))',
    );
    await queryRunner.query(
      'INSERT INTO "meeting_attendee"("meetingId", "cityId", "role") SELECT "meetingId", "cityId", "role" FROM "temporary_meeting_attendee"',
    );
    await queryRunner.query('DROP TABLE "temporary_meeting_attendee"');
    await queryRunner.query('DROP INDEX "IDX_decision_project_project"');
    await queryRunner.query('ALTER TABLE "decision_project" RENAME TO "temporary_decision_project"');
    await queryRunner.query(
      'CREATE TABLE "decision_project" ("decisionId" integer NOT NULL, "projectId" integer NOT NULL, PRIMARY KEY ("decisionId", "projectId"))',
    );
    await queryRunner.query(
      'INSERT INTO "decision_project"("decisionId", "projectId") SELECT "decisionId", "projectId" FROM "temporary_decision_project"',
    );
    await queryRunner.query('DROP TABLE "temporary_decision_project"');
    await queryRunner.query(
      'CREATE INDEX "IDX_decision_project_project" ON "decision_project" ("projectId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_decision_cooperation_recorded"');
    await queryRunner.query('DROP INDEX "IDX_decision_meeting"');
    await queryRunner.query('ALTER TABLE "decision" RENAME TO "temporary_decision"');
    await queryRunner.query(
      'CREATE TABLE "decision" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "cooperationId" integer NOT NULL, "text" text NOT NULL, "recordedAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "decision"("id", "meetingId", "cooperationId", "text", "recordedAt") SELECT "id", "meetingId", "cooperationId", "text", "recordedAt" FROM "temporary_decision"',
    );
    await queryRunner.query('DROP TABLE "temporary_decision"');
    await queryRunner.query(
      'CREATE INDEX "IDX_decision_cooperation_recorded" ON "decision" ("cooperationId", "recordedAt") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_decision_meeting" ON "decision" ("meetingId") ');
    await queryRunner.query('DROP INDEX "IDX_agenda_item_meeting_position"');
    await queryRunner.query('DROP INDEX "IDX_agenda_item_project"');
    await queryRunner.query('ALTER TABLE "agenda_item" RENAME TO "temporary_agenda_item"');
    await queryRunner.query(
      'CREATE TABLE "agenda_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "cooperationId" integer NOT NULL, "position" integer NOT NULL, "title" varchar(200) NOT NULL, "presenter" varchar(200), "durationMinutes" integer, "projectId" integer)',
    );
    await queryRunner.query(
      'INSERT INTO "agenda_item"("id", "meetingId", "cooperationId", "position", "title", "presenter", "durationMinutes", "projectId") SELECT "id", "meetingId", "cooperationId", "position", "title", "presenter", "durationMinutes", "projectId" FROM "temporary_agenda_item"',
    );
    await queryRunner.query('DROP TABLE "temporary_agenda_item"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_agenda_item_meeting_position" ON "agenda_item" ("meetingId", "position") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_agenda_item_project" ON "agenda_item" ("projectId") ');
    await queryRunner.query('DROP INDEX "IDX_action_item_cooperation_status_due"');
    await queryRunner.query('DROP INDEX "IDX_action_item_project"');
    await queryRunner.query('DROP INDEX "IDX_action_item_owner_working_group"');
    await queryRunner.query('DROP INDEX "IDX_action_item_owner_city"');
    await queryRunner.query('DROP INDEX "IDX_action_item_meeting"');
    await queryRunner.query('ALTER TABLE "action_item" RENAME TO "temporary_action_item"');
    await queryRunner.query(
      'CREATE TABLE "action_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "cooperationId" integer NOT NULL, "title" varchar(200) NOT NULL, "status" varchar(10) NOT NULL, "dueOn" date NOT NULL, "ownerCityId" integer, "ownerWorkingGroupId" integer, "projectId" integer, "createdAt" datetime NOT NULL, "closedAt" datetime, "version" integer NOT NULL DEFAULT (1))',
    );
    await queryRunner.query(
      'INSERT INTO "action_item"("id", "meetingId", "cooperationId", "title", "status", "dueOn", "ownerCityId", "ownerWorkingGroupId", "projectId", "createdAt", "closedAt", "version") SELECT "id", "meetingId", "cooperationId", "title", "status", "dueOn", "ownerCityId", "ownerWorkingGroupId", "projectId", "createdAt", "closedAt", "version" FROM "temporary_action_item"',
    );
    await queryRunner.query('DROP TABLE "temporary_action_item"');
    await queryRunner.query(
      'CREATE INDEX "IDX_action_item_cooperation_status_due" ON "action_item" ("cooperationId", "status", "dueOn") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_action_item_project" ON "action_item" ("projectId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_action_item_owner_working_group" ON "action_item" ("ownerWorkingGroupId") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_action_item_owner_city" ON "action_item" ("ownerCityId") ');
    await queryRunner.query('CREATE INDEX "IDX_action_item_meeting" ON "action_item" ("meetingId") ');
    await queryRunner.query('DROP INDEX "IDX_meeting_cooperation_starts"');
    await queryRunner.query('DROP INDEX "IDX_meeting_working_group"');
    await queryRunner.query('ALTER TABLE "meeting" RENAME TO "temporary_meeting"');
    await queryRunner.query(
      'CREATE TABLE "meeting" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(30) NOT NULL, "title" varchar(200) NOT NULL, "startsAt" datetime NOT NULL, "durationMinutes" integer, "state" varchar(20) NOT NULL, "location" varchar(200), "hostCityId" integer, "cooperationId" integer NOT NULL, "workingGroupId" integer, "createdAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1))',
    );
    await queryRunner.query(
      'INSERT INTO "meeting"("id", "kind", "title", "startsAt", "durationMinutes", "state", "location", "hostCityId", "cooperationId", "workingGroupId", "createdAt", "version") SELECT "id", "kind", "title", "startsAt", "durationMinutes", "state", "location", "hostCityId", "cooperationId", "workingGroupId", "createdAt", "version" FROM "temporary_meeting"',
    );
    await queryRunner.query('DROP TABLE "temporary_meeting"');
    await queryRunner.query(
      'CREATE INDEX "IDX_meeting_cooperation_starts" ON "meeting" ("cooperationId", "startsAt") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_meeting_working_group" ON "meeting" ("workingGroupId") ');
    await queryRunner.query('DROP TABLE "meeting_attendee"');
    await queryRunner.query('DROP INDEX "IDX_decision_project_project"');
    await queryRunner.query('DROP TABLE "decision_project"');
    await queryRunner.query('DROP INDEX "IDX_decision_cooperation_recorded"');
    await queryRunner.query('DROP INDEX "IDX_decision_meeting"');
    await queryRunner.query('DROP TABLE "decision"');
    await queryRunner.query('DROP INDEX "IDX_agenda_item_meeting_position"');
    await queryRunner.query('DROP INDEX "IDX_agenda_item_project"');
    await queryRunner.query('DROP TABLE "agenda_item"');
    await queryRunner.query('DROP INDEX "IDX_action_item_cooperation_status_due"');
    await queryRunner.query('DROP INDEX "IDX_action_item_project"');
    await queryRunner.query('DROP INDEX "IDX_action_item_owner_working_group"');
    await queryRunner.query('DROP INDEX "IDX_action_item_owner_city"');
    await queryRunner.query('DROP INDEX "IDX_action_item_meeting"');
    await queryRunner.query('DROP TABLE "action_item"');
    await queryRunner.query('DROP INDEX "IDX_meeting_cooperation_starts"');
    await queryRunner.query('DROP INDEX "IDX_meeting_working_group"');
    await queryRunner.query('DROP TABLE "meeting"');
  }
}
