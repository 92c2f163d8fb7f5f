import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MembershipEnd1795948662639 implements MigrationInterface {
  name = 'MembershipEnd1795948662639';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_membership_city"');
    await queryRunner.query(
      'CREATE TABLE "temporary_membership" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "cooperationId" integer NOT NULL, "cityId" integer NOT NULL, "joinedOn" date, "role" varchar(100), "version" integer NOT NULL DEFAULT (1), "endedOn" date, CONSTRAINT "UQ_membership_cooperation_city" UNIQUE ("cooperationId", "cityId"), CONSTRAINT "FK_2060db7d67fe5d7d39ae6dccde6" FOREIGN KEY ("cooperationId") REFERENCES "cooperation" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_51624d02217110280542128dc65" FOREIGN KEY ("cityId") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_membership"("id", "cooperationId", "cityId", "joinedOn", "role", "version") SELECT "id", "cooperationId", "cityId", "joinedOn", "role", "version" FROM "membership"',
    );
    await queryRunner.query('DROP TABLE "membership"');
    await queryRunner.query('ALTER TABLE "temporary_membership" RENAME TO "membership"');
    await queryRunner.query('CREATE INDEX "IDX_membership_city" ON "membership" ("cityId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_membership_city"');
    await queryRunner.query('ALTER TABLE "membership" RENAME TO "temporary_membership"');
    await queryRunner.query(
      'CREATE TABLE "membership" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "cooperationId" integer NOT NULL, "cityId" integer NOT NULL, "joinedOn" date, "role" varchar(100), "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_membership_cooperation_city" UNIQUE ("cooperationId", "cityId"), CONSTRAINT "FK_2060db7d67fe5d7d39ae6dccde6" FOREIGN KEY ("cooperationId") REFERENCES "cooperation" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_51624d02217110280542128dc65" FOREIGN KEY ("cityId") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "membership"("id", "cooperationId", "cityId", "joinedOn", "role", "version") SELECT "id", "cooperationId", "cityId", "joinedOn", "role", "version" FROM "temporary_membership"',
    );
    await queryRunner.query('DROP TABLE "temporary_membership"');
    await queryRunner.query('CREATE INDEX "IDX_membership_city" ON "membership" ("cityId") ');
  }
}
