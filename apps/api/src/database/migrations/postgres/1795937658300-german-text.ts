import type { MigrationInterface, QueryRunner } from 'typeorm';

// The letters sort_key folds: upper case to lower, Latin letters with diacritics to their base letter, as
// the JavaScript sortKey() of SQLite's connection does (Unicode NFD without marks, lower case, ß as ss).
const FROM =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦĨĩĪīĬĭĮįİĲĴĵĶķĹĺĻļĽľĿŁŃńŅņŇňŊŌōŎŏŐőŒŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž';
const TO =
  'abcdefghijklmnopqrstuvwxyzaaaaaaæceeeeiiiiðnoooooøuuuuyþaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddđeeeeeeeeeegggggggghhħiiiiiiiiiĳjjkkllllllŀłnnnnnnŋooooooœrrrrrrssssssssttttŧuuuuuuuuuuuuwwyyyzzzzzz';

/**
 * sort_key(text): the same key in SQL on PostgreSQL as on SQLite, so that one query orders and searches
 * German text alike on both. Written with translate() so that it needs no extension and is IMMUTABLE,
 * independent of the database's locale.
 */
export class GermanText1795937658300 implements MigrationInterface {
  name = 'GermanText1795937658300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION sort_key(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
       AS $$ SELECT replace(replace(translate(value, '${FROM}', '${TO}'), 'ß', 'ss'), 'ẞ', 'ss') $$`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION sort_key(text)');
  }
}
