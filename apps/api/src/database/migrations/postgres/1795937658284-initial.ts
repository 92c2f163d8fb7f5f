import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795937658284 implements MigrationInterface {
  name = 'Initial1795937658284';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_entry" ("id" SERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "accountId" integer, "username" character varying(60) NOT NULL, "operation" character varying(60) NOT NULL, "entity" character varying(40) NOT NULL, "entityId" character varying(40) NOT NULL, "cityId" integer, "projectId" integer, "before" text, "after" text, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_audit_account" ON "audit_entry"  ("accountId") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_project" ON "audit_entry"  ("projectId") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_city" ON "audit_entry"  ("cityId") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_at" ON "audit_entry"  ("at") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_entity" ON "audit_entry"  ("entity", "entityId") ');
    await queryRunner.query(
      'CREATE TABLE "account" ("id" SERIAL NOT NULL, "username" character varying(60) NOT NULL, "displayName" character varying(200) NOT NULL, "passwordHash" character varying(200), "mustChangePassword" boolean NOT NULL DEFAULT false, "oidcIdentity" character varying(300), "disabled" boolean NOT NULL DEFAULT false, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "UQ_41dfcb70af895ddf9a53094515b" UNIQUE ("username"), CONSTRAINT "UQ_95d9a9169d36495c316584eb4ea" UNIQUE ("oidcIdentity"), CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "session" ("tokenHash" character varying(64) NOT NULL, "accountId" integer NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ff3b5bfd0767bd32942e5ccaad0" PRIMARY KEY ("tokenHash"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_session_account" ON "session"  ("accountId") ');
    await queryRunner.query('CREATE INDEX "IDX_session_expires" ON "session"  ("expiresAt") ');
    await queryRunner.query(
      'CREATE TABLE "city" ("id" SERIAL NOT NULL, "name" character varying(200) NOT NULL, "ags" character varying(8) NOT NULL, "population" integer NOT NULL, "district" character varying(40) NOT NULL, "kind" character varying(40) NOT NULL, CONSTRAINT "UQ_9397f83284f5234f6acfe0084da" UNIQUE ("ags"), CONSTRAINT "PK_b222f51ce26f7e5ca86944a6739" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "cooperation" ("id" SERIAL NOT NULL, "name" character varying(200) NOT NULL, "shortName" character varying(40) NOT NULL, "description" text, CONSTRAINT "UQ_3024e22963a170c08a40508560e" UNIQUE ("name"), CONSTRAINT "UQ_77dce5ed0ce032404bcec9a1d99" UNIQUE ("shortName"), CONSTRAINT "PK_359852a99f2cb00a468cb0f01b6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "working_group" ("id" SERIAL NOT NULL, "cooperationId" integer NOT NULL, "name" character varying(200) NOT NULL, "focus" character varying(20) NOT NULL, "description" text, "leadCityId" integer, "leadPerson" character varying(200), "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "PK_9cbcc6e96966bec27f605e3c9f4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_working_group_cooperation" ON "working_group"  ("cooperationId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "role_grant" ("id" SERIAL NOT NULL, "accountId" integer NOT NULL, "role" character varying(30) NOT NULL, "cityId" integer, "workingGroupId" integer, CONSTRAINT "PK_b9e50aafa723c536731c38529fb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_role_grant_account" ON "role_grant"  ("accountId") ');
    await queryRunner.query(
      'CREATE TABLE "project" ("id" SERIAL NOT NULL, "workingGroupId" integer NOT NULL, "ownerCityId" integer, "title" character varying(200) NOT NULL, "description" text, "kind" character varying(20) NOT NULL, "phase" character varying(20) NOT NULL, "health" character varying(10) NOT NULL, "progress" integer NOT NULL, "startDate" date, "targetDate" date, "leikaKey" character varying(14), "ozgTopic" character varying(40), "isEfa" boolean NOT NULL DEFAULT false, "risks" text, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "PK_4d68b1358bb5b766d3e78f32f57" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_project_working_group" ON "project"  ("workingGroupId") ');
    await queryRunner.query('CREATE INDEX "IDX_project_owner_city" ON "project"  ("ownerCityId") ');
    await queryRunner.query('CREATE INDEX "IDX_project_kind_phase" ON "project"  ("kind", "phase") ');
    await queryRunner.query(
      'CREATE TABLE "adoption" ("id" SERIAL NOT NULL, "projectId" integer NOT NULL, "cityId" integer NOT NULL, "stage" character varying(20) NOT NULL, "maturityModel" character varying(3) NOT NULL, "maturityLevel" integer, "liveSince" date, "source" character varying(20), "notes" text, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "UQ_adoption_project_city" UNIQUE ("projectId", "cityId"), CONSTRAINT "PK_bf86d90324541b197d4ac5362a5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_adoption_city" ON "adoption"  ("cityId") ');
    await queryRunner.query(
      'CREATE TABLE "adoption_change" ("id" SERIAL NOT NULL, "adoptionId" integer NOT NULL, "projectId" integer NOT NULL, "cityId" integer NOT NULL, "recordedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "stage" character varying(20) NOT NULL, "maturityModel" character varying(3) NOT NULL, "maturityLevel" integer, "liveSince" date, "source" character varying(20), "notes" text, "version" integer NOT NULL, CONSTRAINT "PK_1656e43514355178dd01c65b0ba" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_adoption_change_adoption" ON "adoption_change"  ("adoptionId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_adoption_change_project_city_recorded" ON "adoption_change"  ("projectId", "cityId", "recordedAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "membership" ("id" SERIAL NOT NULL, "cooperationId" integer NOT NULL, "cityId" integer NOT NULL, "joinedOn" date, "role" character varying(100), CONSTRAINT "UQ_membership_cooperation_city" UNIQUE ("cooperationId", "cityId"), CONSTRAINT "PK_83c1afebef3059472e7c37e8de8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_membership_city" ON "membership"  ("cityId") ');
    await queryRunner.query(
      'CREATE TABLE "milestone" ("id" SERIAL NOT NULL, "projectId" integer NOT NULL, "title" character varying(200) NOT NULL, "dueOn" date NOT NULL, "doneOn" date, CONSTRAINT "PK_f8372abce331f60ba7b33fe23a7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_milestone_project" ON "milestone"  ("projectId") ');
    await queryRunner.query(
      'CREATE TABLE "status_update" ("id" SERIAL NOT NULL, "projectId" integer NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "author" character varying(200), "phase" character varying(20) NOT NULL, "health" character varying(10) NOT NULL, "progress" integer NOT NULL, "summary" text NOT NULL, "blockers" text, CONSTRAINT "PK_c2b5cab69dfc057284f078d918b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_status_update_project_created" ON "status_update"  ("projectId", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "working_group_member" ("workingGroupId" integer NOT NULL, "cityId" integer NOT NULL, CONSTRAINT "PK_932ad292dea2bf57ddff0c257ea" PRIMARY KEY ("workingGroupId", "cityId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "login_failure" ("id" SERIAL NOT NULL, "username" character varying(200) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "address" character varying(60), CONSTRAINT "PK_5df78140d5d3f4afc249d879cdf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_login_failure_username_at" ON "login_failure"  ("username", "at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "app_setting" ("key" character varying(60) NOT NULL, "value" text NOT NULL, CONSTRAINT "PK_0d66bfb0d9f93124a4549d21af0" PRIMARY KEY ("key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "ozg_topic" ("key" character varying(40) NOT NULL, "nameDe" character varying(200) NOT NULL, "nameEn" character varying(200) NOT NULL, CONSTRAINT "PK_e41372ff72ad14e3f45a04c3111" PRIMARY KEY ("key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "satisfaction" ("id" SERIAL NOT NULL, "projectId" integer NOT NULL, "cityId" integer NOT NULL, "month" character varying(7) NOT NULL, "ratingsCount" integer NOT NULL, "averageRating" double precision, "nps" double precision, "transactionsStarted" integer, "transactionsCompleted" integer, "visits" integer, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "UQ_satisfaction_project_city_month" UNIQUE ("projectId", "cityId", "month"), CONSTRAINT "PK_f4046a033e783cef3ef7b06b656" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_satisfaction_city" ON "satisfaction"  ("cityId") ');
    await queryRunner.query('CREATE INDEX "IDX_satisfaction_month" ON "satisfaction"  ("month") ');
    await queryRunner.query(
      'ALTER TABLE "session" ADD CONSTRAINT "FK_db27ab5fcaee7b52324fe2c8a24" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "working_group" ADD CONSTRAINT "FK_8ff78d60e9e6509d594ac278807" FOREIGN KEY ("cooperationId") REFERENCES "cooperation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "working_group" ADD CONSTRAINT "FK_0d284ecfed43c09461589755249" FOREIGN KEY ("leadCityId") REFERENCES "city"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "role_grant" ADD CONSTRAINT "FK_cc6bdbadaa14d290624ecea4a3b" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "role_grant" ADD CONSTRAINT "FK_ebdb42490bee5d5b6a960060f18" FOREIGN KEY ("cityId") REFERENCES "city"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "role_grant" ADD CONSTRAINT "FK_af57554b27042fe2dd15da76d49" FOREIGN KEY ("workingGroupId") REFERENCES "working_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "project" ADD CONSTRAINT "FK_05b4db1716a8fefcaf4a6a20a47" FOREIGN KEY ("workingGroupId") REFERENCES "working_group"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "project" ADD CONSTRAINT "FK_3ff2cd5b56b872c55f298a5b069" FOREIGN KEY ("ownerCityId") REFERENCES "city"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "adoption" ADD CONSTRAINT "FK_d8ea628b8a9e11adb0b88cc5498" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "adoption" ADD CONSTRAINT "FK_bc9a048d9e8053dc7ea2b43f868" FOREIGN KEY ("cityId") REFERENCES "city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "adoption_change" ADD CONSTRAINT "FK_9d1efdb9f350605104bfbc72926" FOREIGN KEY ("adoptionId") REFERENCES "adoption"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "membership" ADD CONSTRAINT "FK_2060db7d67fe5d7d39ae6dccde6" FOREIGN KEY ("cooperationId") REFERENCES "cooperation"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "membership" ADD CONSTRAINT "FK_51624d02217110280542128dc65" FOREIGN KEY ("cityId") REFERENCES "city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "milestone" ADD CONSTRAINT "FK_edc28a2e0442554afe5eef2bdcb" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "status_update" ADD CONSTRAINT "FK_9d68af6609a76972b0e5b59b45a" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "working_group_member" ADD CONSTRAINT "FK_350f849796e1b92be263ac5e692" FOREIGN KEY ("workingGroupId") REFERENCES "working_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "working_group_member" ADD CONSTRAINT "FK_3cf7e5cf2f15e1761729a5c3035" FOREIGN KEY ("cityId") REFERENCES "city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "satisfaction" ADD CONSTRAINT "FK_f49a1287b793e4f9777644ff1a4" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "satisfaction" ADD CONSTRAINT "FK_48448ad473aa17c178008b155e1" FOREIGN KEY ("cityId") REFERENCES "city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "satisfaction" DROP CONSTRAINT "FK_48448ad473aa17c178008b155e1"');
    await queryRunner.query('ALTER TABLE "satisfaction" DROP CONSTRAINT "FK_f49a1287b793e4f9777644ff1a4"');
    await queryRunner.query(
      'ALTER TABLE "working_group_member" DROP CONSTRAINT "FK_3cf7e5cf2f15e1761729a5c3035"',
    );
    await queryRunner.query(
      'ALTER TABLE "working_group_member" DROP CONSTRAINT "FK_350f849796e1b92be263ac5e692"',
    );
    await queryRunner.query('ALTER TABLE "status_update" DROP CONSTRAINT "FK_9d68af6609a76972b0e5b59b45a"');
    await queryRunner.query('ALTER TABLE "milestone" DROP CONSTRAINT "FK_edc28a2e0442554afe5eef2bdcb"');
    await queryRunner.query('ALTER TABLE "membership" DROP CONSTRAINT "FK_51624d02217110280542128dc65"');
    await queryRunner.query('ALTER TABLE "membership" DROP CONSTRAINT "FK_2060db7d67fe5d7d39ae6dccde6"');
    await queryRunner.query('ALTER TABLE "adoption_change" DROP CONSTRAINT "FK_9d1efdb9f350605104bfbc72926"');
    await queryRunner.query('ALTER TABLE "adoption" DROP CONSTRAINT "FK_bc9a048d9e8053dc7ea2b43f868"');
    await queryRunner.query('ALTER TABLE "adoption" DROP CONSTRAINT "FK_d8ea628b8a9e11adb0b88cc5498"');
    await queryRunner.query('ALTER TABLE "project" DROP CONSTRAINT "FK_3ff2cd5b56b872c55f298a5b069"');
    await queryRunner.query('ALTER TABLE "project" DROP CONSTRAINT "FK_05b4db1716a8fefcaf4a6a20a47"');
    await queryRunner.query('ALTER TABLE "role_grant" DROP CONSTRAINT "FK_af57554b27042fe2dd15da76d49"');
    await queryRunner.query('ALTER TABLE "role_grant" DROP CONSTRAINT "FK_ebdb42490bee5d5b6a960060f18"');
    await queryRunner.query('ALTER TABLE "role_grant" DROP CONSTRAINT "FK_cc6bdbadaa14d290624ecea4a3b"');
    await queryRunner.query('ALTER TABLE "working_group" DROP CONSTRAINT "FK_0d284ecfed43c09461589755249"');
    await queryRunner.query('ALTER TABLE "working_group" DROP CONSTRAINT "FK_8ff78d60e9e6509d594ac278807"');
    await queryRunner.query('ALTER TABLE "session" DROP CONSTRAINT "FK_db27ab5fcaee7b52324fe2c8a24"');
    await queryRunner.query('DROP INDEX "public"."IDX_satisfaction_month"');
    await queryRunner.query('DROP INDEX "public"."IDX_satisfaction_city"');
    await queryRunner.query('DROP TABLE "satisfaction"');
    await queryRunner.query('DROP TABLE "ozg_topic"');
    await queryRunner.query('DROP TABLE "app_setting"');
    await queryRunner.query('DROP INDEX "public"."IDX_login_failure_username_at"');
    await queryRunner.query('DROP TABLE "login_failure"');
    await queryRunner.query('DROP TABLE "working_group_member"');
    await queryRunner.query('DROP INDEX "public"."IDX_status_update_project_created"');
    await queryRunner.query('DROP TABLE "status_update"');
    await queryRunner.query('DROP INDEX "public"."IDX_milestone_project"');
    await queryRunner.query('DROP TABLE "milestone"');
    await queryRunner.query('DROP INDEX "public"."IDX_membership_city"');
    await queryRunner.query('DROP TABLE "membership"');
    await queryRunner.query('DROP INDEX "public"."IDX_adoption_change_project_city_recorded"');
    await queryRunner.query('DROP INDEX "public"."IDX_adoption_change_adoption"');
    await queryRunner.query('DROP TABLE "adoption_change"');
    await queryRunner.query('DROP INDEX "public"."IDX_adoption_city"');
    await queryRunner.query('DROP TABLE "adoption"');
    await queryRunner.query('DROP INDEX "public"."IDX_project_kind_phase"');
    await queryRunner.query('DROP INDEX "public"."IDX_project_owner_city"');
    await queryRunner.query('DROP INDEX "public"."IDX_project_working_group"');
    await queryRunner.query('DROP TABLE "project"');
    await queryRunner.query('DROP INDEX "public"."IDX_role_grant_account"');
    await queryRunner.query('DROP TABLE "role_grant"');
    await queryRunner.query('DROP INDEX "public"."IDX_working_group_cooperation"');
    await queryRunner.query('DROP TABLE "working_group"');
    await queryRunner.query('DROP TABLE "cooperation"');
    await queryRunner.query('DROP TABLE "city"');
    await queryRunner.query('DROP INDEX "public"."IDX_session_expires"');
    await queryRunner.query('DROP INDEX "public"."IDX_session_account"');
    await queryRunner.query('DROP TABLE "session"');
    await queryRunner.query('DROP TABLE "account"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_entity"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_at"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_city"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_project"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_account"');
    await queryRunner.query('DROP TABLE "audit_entry"');
  }
}
