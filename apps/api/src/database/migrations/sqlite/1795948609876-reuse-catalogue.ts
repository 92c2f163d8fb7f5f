import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReuseCatalogue1795948609876 implements MigrationInterface {
  name = 'ReuseCatalogue1795948609876';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "solution" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(200) NOT NULL, "kind" varchar(30) NOT NULL, "status" varchar(20) NOT NULL, "summary" text NOT NULL, "licence" varchar(100), "url" varchar(2000), "integrationNotes" text, "contact" varchar(300), "projectId" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1))',
    );
    await queryRunner.query('CREATE INDEX "IDX_solution_project" ON "solution" ("projectId") ');
    await queryRunner.query('CREATE INDEX "IDX_solution_kind_status" ON "solution" ("kind", "status") ');
    await queryRunner.query(
      'CREATE TABLE "reuse" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "solutionId" integer NOT NULL, "cityId" integer NOT NULL, "since" date, "experience" integer, "notes" text, "adoptionId" integer, "recordedAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_reuse_solution_city" UNIQUE ("solutionId", "cityId"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_reuse_city" ON "reuse" ("cityId") ');
    await queryRunner.query('CREATE INDEX "IDX_reuse_since" ON "reuse" ("since") ');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_reuse_adoption" ON "reuse" ("adoptionId") ');
    await queryRunner.query(
      'CREATE TABLE "solution_developer" ("solutionId" integer NOT NULL, "cityId" integer NOT NULL, PRIMARY KEY ("solutionId", "cityId"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_solution_developer_city" ON "solution_developer" ("cityId") ');
    await queryRunner.query('DROP INDEX "IDX_solution_project"');
    await queryRunner.query('DROP INDEX "IDX_solution_kind_status"');
    await queryRunner.query(
      'CREATE TABLE "temporary_solution" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(200) NOT NULL, "kind" varchar(30) NOT NULL, "status" varchar(20) NOT NULL, "summary" text NOT NULL, "licence" varchar(100), "url" varchar(2000), "integrationNotes" text, "contact" varchar(300), "projectId" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_24ff965d80f98c2802c955a5c4a" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_solution"("id", "title", "kind", "status", "summary", "licence", "url", "integrationNotes", "contact", "projectId", "createdAt", "updatedAt", "version") SELECT "id", "title", "kind", "status", "summary", "licence", "url", "integrationNotes", "contact", "projectId", "createdAt", "updatedAt", "version" FROM "solution"',
    );
    await queryRunner.query('DROP TABLE "solution"');
    await queryRunner.query('ALTER TABLE "temporary_solution" RENAME TO "solution"');
    await queryRunner.query('CREATE INDEX "IDX_solution_project" ON "solution" ("projectId") ');
    await queryRunner.query('CREATE INDEX "IDX_solution_kind_status" ON "solution" ("kind", "status") ');
    await queryRunner.query('DROP INDEX "IDX_reuse_city"');
    await queryRunner.query('DROP INDEX "IDX_reuse_since"');
    await queryRunner.query('DROP INDEX "UQ_reuse_adoption"');
    await queryRunner.query(
      'CREATE TABLE "temporary_reuse" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "solutionId" integer NOT NULL, "cityId" integer NOT NULL, "since" date, "experience" integer, "notes" text, "adoptionId" integer, "recordedAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_reuse_solution_city" UNIQUE ("solutionId", "cityId"), CONSTRAINT "FK_95f50cd85b93886b98c1b6d5571" FOREIGN KEY ("solutionId") REFERENCES "solution" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_a23b5354111d2e526bf68ac560d" FOREIGN KEY ("cityId") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_890ba4c13278c7f1fdfb64f5949" FOREIGN KEY ("adoptionId") REFERENCES "adoption" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_reuse"("id", "solutionId", "cityId", "since", "experience", "notes", "adoptionId", "recordedAt", "updatedAt", "version") SELECT "id", "solutionId", "cityId", "since", "experience", "notes", "adoptionId", "recordedAt", "updatedAt", "version" FROM "reuse"',
    );
    await queryRunner.query('DROP TABLE "reuse"');
    await queryRunner.query('ALTER TABLE "temporary_reuse" RENAME TO "reuse"');
    await queryRunner.query('CREATE INDEX "IDX_reuse_city" ON "reuse" ("cityId") ');
    await queryRunner.query('CREATE INDEX "IDX_reuse_since" ON "reuse" ("since") ');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_reuse_adoption" ON "reuse" ("adoptionId") ');
    await queryRunner.query('DROP INDEX "IDX_solution_developer_city"');
    await queryRunner.query(
      'CREATE TABLE "temporary_solution_developer" ("solutionId" integer NOT NULL, "cityId" integer NOT NULL, CONSTRAINT "FK_58d6eca611ac3d6b486d4987198" FOREIGN KEY ("solutionId") REFERENCES "solution" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_f47451cc4dab6e82818e600200d" FOREIGN KEY ("cityId") REFERENCES "city" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("solutionId", "cityId"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_solution_developer"("solutionId", "cityId") SELECT "solutionId", "cityId" FROM "solution_developer"',
    );
    await queryRunner.query('DROP TABLE "solution_developer"');
    await queryRunner.query('ALTER TABLE "temporary_solution_developer" RENAME TO "solution_developer"');
    await queryRunner.query('CREATE INDEX "IDX_solution_developer_city" ON "solution_developer" ("cityId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_solution_developer_city"');
    await queryRunner.query('ALTER TABLE "solution_developer" RENAME TO "temporary_solution_developer"');
    await queryRunner.query(
      'CREATE TABLE "solution_developer" ("solutionId" integer NOT NULL, "cityId" integer NOT NULL, PRIMARY KEY ("solutionId", "cityId"))',
    );
    await queryRunner.query(
      'INSERT INTO "solution_developer"("solutionId", "cityId") SELECT "solutionId", "cityId" FROM "temporary_solution_developer"',
    );
    await queryRunner.query('DROP TABLE "temporary_solution_developer"');
    await queryRunner.query('CREATE INDEX "IDX_solution_developer_city" ON "solution_developer" ("cityId") ');
    await queryRunner.query('DROP INDEX "UQ_reuse_adoption"');
    await queryRunner.query('DROP INDEX "IDX_reuse_since"');
    await queryRunner.query('DROP INDEX "IDX_reuse_city"');
    await queryRunner.query('ALTER TABLE "reuse" RENAME TO "temporary_reuse"');
    await queryRunner.query(
      'CREATE TABLE "reuse" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "solutionId" integer NOT NULL, "cityId" integer NOT NULL, "since" date, "experience" integer, "notes" text, "adoptionId" integer, "recordedAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_reuse_solution_city" UNIQUE ("solutionId", "cityId"))',
    );
    await queryRunner.query(
      'INSERT INTO "reuse"("id", "solutionId", "cityId", "since", "experience", "notes", "adoptionId", "recordedAt", "updatedAt", "version") SELECT "id", "solutionId", "cityId", "since", "experience", "notes", "adoptionId", "recordedAt", "updatedAt", "version" FROM "temporary_reuse"',
    );
    await queryRunner.query('DROP TABLE "temporary_reuse"');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_reuse_adoption" ON "reuse" ("adoptionId") ');
    await queryRunner.query('CREATE INDEX "IDX_reuse_since" ON "reuse" ("since") ');
    await queryRunner.query('CREATE INDEX "IDX_reuse_city" ON "reuse" ("cityId") ');
    await queryRunner.query('DROP INDEX "IDX_solution_kind_status"');
    await queryRunner.query('DROP INDEX "IDX_solution_project"');
    await queryRunner.query('ALTER TABLE "solution" RENAME TO "temporary_solution"');
    await queryRunner.query(
      'CREATE TABLE "solution" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(200) NOT NULL, "kind" varchar(30) NOT NULL, "status" varchar(20) NOT NULL, "summary" text NOT NULL, "licence" varchar(100), "url" varchar(2000), "integrationNotes" text, "contact" varchar(300), "projectId" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1))',
    );
    await queryRunner.query(
      'INSERT INTO "solution"("id", "title", "kind", "status", "summary", "licence", "url", "integrationNotes", "contact", "projectId", "createdAt", "updatedAt", "version") SELECT "id", "title", "kind", "status", "summary", "licence", "url", "integrationNotes", "contact", "projectId", "createdAt", "updatedAt", "version" FROM "temporary_solution"',
    );
    await queryRunner.query('DROP TABLE "temporary_solution"');
    await queryRunner.query('CREATE INDEX "IDX_solution_kind_status" ON "solution" ("kind", "status") ');
    await queryRunner.query('CREATE INDEX "IDX_solution_project" ON "solution" ("projectId") ');
    await queryRunner.query('DROP INDEX "IDX_solution_developer_city"');
    await queryRunner.query('DROP TABLE "solution_developer"');
    await queryRunner.query('DROP INDEX "UQ_reuse_adoption"');
    await queryRunner.query('DROP INDEX "IDX_reuse_since"');
    await queryRunner.query('DROP INDEX "IDX_reuse_city"');
    await queryRunner.query('DROP TABLE "reuse"');
    await queryRunner.query('DROP INDEX "IDX_solution_kind_status"');
    await queryRunner.query('DROP INDEX "IDX_solution_project"');
    await queryRunner.query('DROP TABLE "solution"');
  }
}
