import { QueryFailedError } from 'typeorm';
import { uniqueViolation } from './unique-violation.js';

/** An error as a driver throws it, with the properties it sets. */
function driverError(message: string, properties: Record<string, unknown>): Error {
  return Object.assign(new Error(message), properties);
}

describe('uniqueViolation', () => {
  it('reads the columns of a SQLite unique key, through TypeORM or not', () => {
    const sqlite = driverError('UNIQUE constraint failed: membership.cooperationId, membership.cityId', {
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    expect(uniqueViolation(sqlite)).toEqual({ columns: ['cooperationId', 'cityId'] });
    expect(uniqueViolation(new QueryFailedError('INSERT …', [], sqlite))).toEqual({
      columns: ['cooperationId', 'cityId'],
    });
    const primary = driverError('UNIQUE constraint failed: app_setting.key', {
      code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
    });
    expect(uniqueViolation(primary)).toEqual({ columns: ['key'] });
  });

  it('reads the columns of a PostgreSQL unique key from the detail', () => {
    const postgres = driverError('duplicate key value violates unique constraint "UQ_membership"', {
      code: '23505',
      detail: 'Key ("cooperationId", "cityId")=(1, 2) already exists.',
    });
    expect(uniqueViolation(new QueryFailedError('INSERT …', [], postgres))).toEqual({
      columns: ['cooperationId', 'cityId'],
    });
    const single = driverError('duplicate key value', {
      code: '23505',
      detail: 'Key (ags)=(09764000) already exists.',
    });
    expect(uniqueViolation(single)).toEqual({ columns: ['ags'] });
  });

  it('knows a key it cannot name', () => {
    const index = driverError("UNIQUE constraint failed: index 'IDX_name'", {
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    expect(uniqueViolation(index)).toEqual({ columns: [] });
  });

  it('leaves other errors alone', () => {
    expect(
      uniqueViolation(driverError('FOREIGN KEY constraint failed', { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' })),
    ).toBeNull();
    expect(uniqueViolation(driverError('null value', { code: '23502' }))).toBeNull();
    expect(uniqueViolation(new Error('boom'))).toBeNull();
    expect(uniqueViolation('boom')).toBeNull();
  });
});
