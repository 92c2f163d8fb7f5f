import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Meetings1795948586885 implements MigrationInterface {
  name = 'Meetings1795948586885';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "meeting" ("id" SERIAL NOT NULL, "kind" character varying(30) NOT NULL, "title" character varying(200) NOT NULL, "startsAt" TIMESTAMP WITH TIME ZONE NOT NULL, "durationMinutes" integer, "state" character varying(20) NOT NULL, "location" character varying(200), "hostCityId" integer, "cooperationId" integer NOT NULL, "workingGroupId" integer, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_meeting_working_group" ON "meeting"  ("workingGroupId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_meeting_cooperation_starts" ON "meeting"  ("cooperationId", "startsAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "action_item" ("id" SERIAL NOT NULL, "meetingId" integer NOT NULL, "cooperationId" integer NOT NULL, "title" character varying(200) NOT NULL, "status" character varying(10) NOT NULL, "dueOn" date NOT NULL, "ownerCityId" integer, "ownerWorkingGroupId" integer, "projectId" integer, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "closedAt" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "PK_1214f6f4d832c402751617361c0" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_action_item_meeting" ON "action_item"  ("meetingId") ');
    await queryRunner.query('CREATE INDEX "IDX_action_item_owner_city" ON "action_item"  ("ownerCityId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_action_item_owner_working_group" ON "action_item"  ("ownerWorkingGroupId") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_action_item_project" ON "action_item"  ("projectId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_action_item_cooperation_status_due" ON "action_item"  ("cooperationId", "status", "dueOn") ',
    );
    await queryRunner.query(
      'CREATE TABLE "agenda_item" ("id" SERIAL NOT NULL, "meetingId" integer NOT NULL, "cooperationId" integer NOT NULL, "position" integer NOT NULL, "title" character varying(200) NOT NULL, "presenter" character varying(200), "durationMinutes" integer, "projectId" integer, CONSTRAINT "PK_413623e61232799619c2e0a1d42" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_agenda_item_project" ON "agenda_item"  ("projectId") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_agenda_item_meeting_position" ON "agenda_item"  ("meetingId", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "decision" ("id" SERIAL NOT NULL, "meetingId" integer NOT NULL, "cooperationId" integer NOT NULL, "text" text NOT NULL, "recordedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fa4cbd6abf1215054f13c27df5a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_decision_meeting" ON "decision"  ("meetingId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_decision_cooperation_recorded" ON "decision"  ("cooperationId", "recordedAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "decision_project" ("decisionId" integer NOT NULL, "projectId" integer NOT NULL, CONSTRAINT "PK_efba404a7b1ab6a08d714b11f72" PRIMARY KEY ("decisionId", "projectId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_decision_project_project" ON "decision_project"  ("projectId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "meeting_attendee" ("meetingId" integer NOT NULL, "cityId" integer NOT NULL, "role" character varying(100), CONSTRAINT "PK_b1f7c12719699f217a40e8f4eae" PRIMARY KEY ("meetingId", "cityId"))',
    );
    await queryRunner.query(
      'ALTER TABLE "meeting" ADD CONSTRAINT "FK_fa40d2960661b7b89ec56a13a47" FOREIGN KEY ("hostCityId") REFERENCES "city"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "meeting" ADD CONSTRAINT "FK_db700fb6ecce78518e5623f2601" FOREIGN KEY ("cooperationId") REFERENCES "cooperation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "meeting" ADD CONSTRAINT "FK_677feea827d334ab08243f97486" FOREIGN KEY ("workingGroupId") REFERENCES "working_group"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "action_item" ADD CONSTRAINT "FK_a94b3fbaa007e806a7e6de18ede" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "action_item" ADD CONSTRAINT "FK_a7ac99bfcad8231a10944843c86" FOREIGN KEY ("cooperationId") REFERENCES "cooperation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "action_item" ADD CONSTRAINT "FK_fde2bf2dcea049bd6d2c31ed773" FOREIGN KEY ("ownerCityId") REFERENCES "city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "action_item" ADD CONSTRAINT "FK_40838ab2aa7eb31cbc129a017c6" FOREIGN KEY ("ownerWorkingGroupId") REFERENCES "working_group"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "action_item" ADD CONSTRAINT "FK_a1a3df672cf8ba0c749f6098ab5" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "agenda_item" ADD CONSTRAINT "FK_28bc9d0411e9396fd1a0eb9e497" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "agenda_item" ADD CONSTRAINT "FK_8cc9e89c89f7055cf11a599a0bc" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "decision" ADD CONSTRAINT "FK_6f7696c0c1efee8fc3d0b17617f" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "decision" ADD CONSTRAINT "FK_fb30ec047211036fdf0d182cac0" FOREIGN KEY ("cooperationId") REFERENCES "cooperation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "decision_project" ADD CONSTRAINT "FK_20814f05789955e610402255c8f" FOREIGN KEY ("decisionId") REFERENCES "decision"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "decision_project" ADD CONSTRAINT "FK_22ce8aa951658ea07a41c3d4f4d" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "meeting_attendee" ADD CONSTRAINT "FK_627c1a17372cdaa4e13cb9bc68b" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "meeting_attendee" ADD CONSTRAINT "FK_61d392e98f3dab0020173112d59" FOREIGN KEY ("cityId") REFERENCES "city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "meeting_attendee" DROP CONSTRAINT "FK_61d392e98f3dab0020173112d59"',
    );
    await queryRunner.query(
      'ALTER TABLE "meeting_attendee" DROP CONSTRAINT "FK_627c1a17372cdaa4e13cb9bc68b"',
    );
    await queryRunner.query(
      'ALTER TABLE "decision_project" DROP CONSTRAINT "FK_22ce8aa951658ea07a41c3d4f4d"',
    );
    await queryRunner.query(
      'ALTER TABLE "decision_project" DROP CONSTRAINT "FK_20814f05789955e610402255c8f"',
    );
    await queryRunner.query('ALTER TABLE "decision" DROP CONSTRAINT "FK_fb30ec047211036fdf0d182cac0"');
    await queryRunner.query('ALTER TABLE "decision" DROP CONSTRAINT "FK_6f7696c0c1efee8fc3d0b17617f"');
    await queryRunner.query('ALTER TABLE "agenda_item" DROP CONSTRAINT "FK_8cc9e89c89f7055cf11a599a0bc"');
    await queryRunner.query('ALTER TABLE "agenda_item" DROP CONSTRAINT "FK_28bc9d0411e9396fd1a0eb9e497"');
    await queryRunner.query('ALTER TABLE "action_item" DROP CONSTRAINT "FK_a1a3df672cf8ba0c749f6098ab5"');
    await queryRunner.query('ALTER TABLE "action_item" DROP CONSTRAINT "FK_40838ab2aa7eb31cbc129a017c6"');
    await queryRunner.query('ALTER TABLE "action_item" DROP CONSTRAINT "FK_fde2bf2dcea049bd6d2c31ed773"');
    await queryRunner.query('ALTER TABLE "action_item" DROP CONSTRAINT "FK_a7ac99bfcad8231a10944843c86"');
    await queryRunner.query('ALTER TABLE "action_item" DROP CONSTRAINT "FK_a94b3fbaa007e806a7e6de18ede"');
    await queryRunner.query('ALTER TABLE "meeting" DROP CONSTRAINT "FK_677feea827d334ab08243f97486"');
    await queryRunner.query('ALTER TABLE "meeting" DROP CONSTRAINT "FK_db700fb6ecce78518e5623f2601"');
    await queryRunner.query('ALTER TABLE "meeting" DROP CONSTRAINT "FK_fa40d2960661b7b89ec56a13a47"');
    await queryRunner.query('DROP TABLE "meeting_attendee"');
    await queryRunner.query('DROP INDEX "public"."IDX_decision_project_project"');
    await queryRunner.query('DROP TABLE "decision_project"');
    await queryRunner.query('DROP INDEX "public"."IDX_decision_cooperation_recorded"');
    await queryRunner.query('DROP INDEX "public"."IDX_decision_meeting"');
    await queryRunner.query('DROP TABLE "decision"');
    await queryRunner.query('DROP INDEX "public"."IDX_agenda_item_meeting_position"');
    await queryRunner.query('DROP INDEX "public"."IDX_agenda_item_project"');
    await queryRunner.query('DROP TABLE "agenda_item"');
    await queryRunner.query('DROP INDEX "public"."IDX_action_item_cooperation_status_due"');
    await queryRunner.query('DROP INDEX "public"."IDX_action_item_project"');
    await queryRunner.query('DROP INDEX "public"."IDX_action_item_owner_working_group"');
    await queryRunner.query('DROP INDEX "public"."IDX_action_item_owner_city"');
    await queryRunner.query('DROP INDEX "public"."IDX_action_item_meeting"');
    await queryRunner.query('DROP TABLE "action_item"');
    await queryRunner.query('DROP INDEX "public"."IDX_meeting_cooperation_starts"');
    await queryRunner.query('DROP INDEX "public"."IDX_meeting_working_group"');
    await queryRunner.query('DROP TABLE "meeting"');
  }
}
