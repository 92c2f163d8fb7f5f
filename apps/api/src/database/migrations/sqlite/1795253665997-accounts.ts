import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1795253665997 implements MigrationInterface {
  name = 'Accounts1795253665997';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL, "accountId" integer, "username" varchar(60) NOT NULL, "operation" varchar(60) NOT NULL, "entity" varchar(40) NOT NULL, "entityId" varchar(40) NOT NULL, "before" text, "after" text)',
    );
    await queryRunner.query('CREATE INDEX "IDX_audit_account" ON "audit_entry" ("accountId") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_at" ON "audit_entry" ("at") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_entity" ON "audit_entry" ("entity", "entityId") ');
    await queryRunner.query(
      'CREATE TABLE "account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(60) NOT NULL, "displayName" varchar(200) NOT NULL, "passwordHash" varchar(200), "mustChangePassword" boolean NOT NULL DEFAULT (0), "oidcIdentity" varchar(300), "disabled" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_41dfcb70af895ddf9a53094515b" UNIQUE ("username"), CONSTRAINT "UQ_95d9a9169d36495c316584eb4ea" UNIQUE ("oidcIdentity"))',
    );
    await queryRunner.query(
      'CREATE TABLE "session" ("tokenHash" varchar(64) PRIMARY KEY NOT NULL, "accountId" integer NOT NULL, "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_session_account" ON "session" ("accountId") ');
    await queryRunner.query('CREATE INDEX "IDX_session_expires" ON "session" ("expiresAt") ');
    await queryRunner.query(
      'CREATE TABLE "role_grant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "role" varchar(30) NOT NULL, "cityId" integer, "workingGroupId" integer)',
    );
    await queryRunner.query('CREATE INDEX "IDX_role_grant_account" ON "role_grant" ("accountId") ');
    await queryRunner.query(
      'CREATE TABLE "login_failure" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(200) NOT NULL, "at" datetime NOT NULL, "address" varchar(60))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_login_failure_username_at" ON "login_failure" ("username", "at") ',
    );
    await queryRunner.query('DROP INDEX "IDX_session_account"');
    await queryRunner.query('DROP INDEX "IDX_session_expires"');
    await queryRunner.query(
      'CREATE TABLE "temporary_session" ("tokenHash" varchar(64) PRIMARY KEY NOT NULL, "accountId" integer NOT NULL, "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL, CONSTRAINT "FK_db27ab5fcaee7b52324fe2c8a24" FOREIGN KEY ("accountId") REFERENCES "account" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_session"("tokenHash", "accountId", "createdAt", "expiresAt") SELECT "tokenHash", "accountId", "createdAt", "expiresAt" FROM "session"',
    );
    await queryRunner.query('DROP TABLE "session"');
    await queryRunner.query('ALTER TABLE "temporary_session" RENAME TO "session"');
    await queryRunner.query('CREATE INDEX "IDX_session_account" ON "session" ("accountId") ');
    await queryRunner.query('CREATE INDEX "IDX_session_expires" ON "session" ("expiresAt") ');
    await queryRunner.query('DROP INDEX "IDX_role_grant_account"');
    await queryRunner.query(
      'CREATE TABLE "temporary_role_grant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "role" varchar(30) NOT NULL, "cityId" integer, "workingGroupId" integer, CONSTRAINT "FK_cc6bdbadaa14d290624ecea4a3b" FOREIGN KEY ("accountId") REFERENCES "account" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_ebdb42490bee5d5b6a960060f18" FOREIGN KEY ("cityId") REFERENCES "city" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_af57554b27042fe2dd15da76d49" FOREIGN KEY ("workingGroupId") REFERENCES "working_group" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_role_grant"("id", "accountId", "role", "cityId", "workingGroupId") SELECT "id", "accountId", "role", "cityId", "workingGroupId" FROM "role_grant"',
    );
    await queryRunner.query('DROP TABLE "role_grant"');
    await queryRunner.query('ALTER TABLE "temporary_role_grant" RENAME TO "role_grant"');
    await queryRunner.query('CREATE INDEX "IDX_role_grant_account" ON "role_grant" ("accountId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_role_grant_account"');
    await queryRunner.query('ALTER TABLE "role_grant" RENAME TO "temporary_role_grant"');
    await queryRunner.query(
      'CREATE TABLE "role_grant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "role" varchar(30) NOT NULL, "cityId" integer, "workingGroupId" integer)',
    );
    await queryRunner.query(
      'INSERT INTO "role_grant"("id", "accountId", "role", "cityId", "workingGroupId") SELECT "id", "accountId", "role", "cityId", "workingGroupId" FROM "temporary_role_grant"',
    );
    await queryRunner.query('DROP TABLE "temporary_role_grant"');
    await queryRunner.query('CREATE INDEX "IDX_role_grant_account" ON "role_grant" ("accountId") ');
    await queryRunner.query('DROP INDEX "IDX_session_expires"');
    await queryRunner.query('DROP INDEX "IDX_session_account"');
    await queryRunner.query('ALTER TABLE "session" RENAME TO "temporary_session"');
    await queryRunner.query(
      'CREATE TABLE "session" ("tokenHash" varchar(64) PRIMARY KEY NOT NULL, "accountId" integer NOT NULL, "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "session"("tokenHash", "accountId", "createdAt", "expiresAt") SELECT "tokenHash", "accountId", "createdAt", "expiresAt" FROM "temporary_session"',
    );
    await queryRunner.query('DROP TABLE "temporary_session"');
    await queryRunner.query('CREATE INDEX "IDX_session_expires" ON "session" ("expiresAt") ');
    await queryRunner.query('CREATE INDEX "IDX_session_account" ON "session" ("accountId") ');
    await queryRunner.query('DROP INDEX "IDX_login_failure_username_at"');
    await queryRunner.query('DROP TABLE "login_failure"');
    await queryRunner.query('DROP INDEX "IDX_role_grant_account"');
    await queryRunner.query('DROP TABLE "role_grant"');
    await queryRunner.query('DROP INDEX "IDX_session_expires"');
    await queryRunner.query('DROP INDEX "IDX_session_account"');
    await queryRunner.query('DROP TABLE "session"');
    await queryRunner.query('DROP TABLE "account"');
    await queryRunner.query('DROP INDEX "IDX_audit_entity"');
    await queryRunner.query('DROP INDEX "IDX_audit_at"');
    await queryRunner.query('DROP INDEX "IDX_audit_account"');
    await queryRunner.query('DROP TABLE "audit_entry"');
  }
}
