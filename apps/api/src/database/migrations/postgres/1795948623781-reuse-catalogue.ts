import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReuseCatalogue1795948623781 implements MigrationInterface {
  name = 'ReuseCatalogue1795948623781';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "solution" ("id" SERIAL NOT NULL, "title" character varying(200) NOT NULL, "kind" character varying(30) NOT NULL, "status" character varying(20) NOT NULL, "summary" text NOT NULL, "licence" character varying(100), "url" character varying(2000), "integrationNotes" text, "contact" character varying(300), "projectId" integer, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "PK_73fc40b114205776818a2f2f248" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_solution_project" ON "solution"  ("projectId") ');
    await queryRunner.query('CREATE INDEX "IDX_solution_kind_status" ON "solution"  ("kind", "status") ');
    await queryRunner.query(
      'CREATE TABLE "reuse" ("id" SERIAL NOT NULL, "solutionId" integer NOT NULL, "cityId" integer NOT NULL, "since" date, "experience" integer, "notes" text, "adoptionId" integer, "recordedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "UQ_reuse_solution_city" UNIQUE ("solutionId", "cityId"), CONSTRAINT "PK_69d0fbe2113a00926ee3d1f787c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_reuse_city" ON "reuse"  ("cityId") ');
    await queryRunner.query('CREATE INDEX "IDX_reuse_since" ON "reuse"  ("since") ');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_reuse_adoption" ON "reuse"  ("adoptionId") ');
    await queryRunner.query(
      'CREATE TABLE "solution_developer" ("solutionId" integer NOT NULL, "cityId" integer NOT NULL, CONSTRAINT "PK_8709f9acb1f290862e87fe9f8a7" PRIMARY KEY ("solutionId", "cityId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_solution_developer_city" ON "solution_developer"  ("cityId") ',
    );
    await queryRunner.query(
      'ALTER TABLE "solution" ADD CONSTRAINT "FK_24ff965d80f98c2802c955a5c4a" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reuse" ADD CONSTRAINT "FK_95f50cd85b93886b98c1b6d5571" FOREIGN KEY ("solutionId") REFERENCES "solution"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reuse" ADD CONSTRAINT "FK_a23b5354111d2e526bf68ac560d" FOREIGN KEY ("cityId") REFERENCES "city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reuse" ADD CONSTRAINT "FK_890ba4c13278c7f1fdfb64f5949" FOREIGN KEY ("adoptionId") REFERENCES "adoption"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "solution_developer" ADD CONSTRAINT "FK_58d6eca611ac3d6b486d4987198" FOREIGN KEY ("solutionId") REFERENCES "solution"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "solution_developer" ADD CONSTRAINT "FK_f47451cc4dab6e82818e600200d" FOREIGN KEY ("cityId") REFERENCES "city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "solution_developer" DROP CONSTRAINT "FK_f47451cc4dab6e82818e600200d"',
    );
    await queryRunner.query(
      'ALTER TABLE "solution_developer" DROP CONSTRAINT "FK_58d6eca611ac3d6b486d4987198"',
    );
    await queryRunner.query('ALTER TABLE "reuse" DROP CONSTRAINT "FK_890ba4c13278c7f1fdfb64f5949"');
    await queryRunner.query('ALTER TABLE "reuse" DROP CONSTRAINT "FK_a23b5354111d2e526bf68ac560d"');
    await queryRunner.query('ALTER TABLE "reuse" DROP CONSTRAINT "FK_95f50cd85b93886b98c1b6d5571"');
    await queryRunner.query('ALTER TABLE "solution" DROP CONSTRAINT "FK_24ff965d80f98c2802c955a5c4a"');
    await queryRunner.query('DROP INDEX "public"."IDX_solution_developer_city"');
    await queryRunner.query('DROP TABLE "solution_developer"');
    await queryRunner.query('DROP INDEX "public"."UQ_reuse_adoption"');
    await queryRunner.query('DROP INDEX "public"."IDX_reuse_since"');
    await queryRunner.query('DROP INDEX "public"."IDX_reuse_city"');
    await queryRunner.query('DROP TABLE "reuse"');
    await queryRunner.query('DROP INDEX "public"."IDX_solution_kind_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_solution_project"');
    await queryRunner.query('DROP TABLE "solution"');
  }
}
