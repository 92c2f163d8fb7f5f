import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row that a batch (an import) created or changed, beneath the batch's one audit entry: which row, whose
 * city and project, and the values of the batch's compared fields before and after, as compact JSON arrays in
 * the order the entry's `after.fields` names them.
 *
 * An import of 100,000 rows writes 100,000 of these in one statement. They carry no secondary index: the key
 * (entry, position) keeps them in the order they were written, so an entry's rows are read in one range, and
 * a city's or project's rows are found through the entry's scope rows (`AuditEntryScope`), not by scanning.
 */
@Entity({ name: 'audit_row_change', withoutRowid: true })
export class AuditRowChange {
  @PrimaryColumn({ type: 'integer' })
  entryId: number;

  /** The row's place in the batch, from 0. */
  @PrimaryColumn({ type: 'integer' })
  position: number;

  /** The id of the changed row. */
  @Column({ type: 'integer' })
  entityId: number;

  @Column({ type: 'integer', nullable: true })
  cityId: number | null;

  @Column({ type: 'integer', nullable: true })
  projectId: number | null;

  /** What tells the row apart beside its city and project: the month of satisfaction figures. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  key: string | null;

  /** The compared values before, as a JSON array; null when the batch created the row. */
  @Column({ type: 'text', nullable: true })
  before: string | null;

  /** The compared values after, as a JSON array. */
  @Column({ type: 'text' })
  after: string;
}

/**
 * The cities and projects a batch's rows belong to, one row per distinct (city, project) pair, so that the
 * history of a city or a project finds the batch's audit entry by an index — a few thousand rows per import
 * instead of an index over every changed row.
 */
@Entity({ name: 'audit_entry_scope', withoutRowid: true })
export class AuditEntryScope {
  @PrimaryColumn({ type: 'integer' })
  entryId: number;

  /** The pair's place in the batch, from 0. */
  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Index('IDX_audit_scope_city')
  @Column({ type: 'integer', nullable: true })
  cityId: number | null;

  @Index('IDX_audit_scope_project')
  @Column({ type: 'integer', nullable: true })
  projectId: number | null;

  /** How many of the batch's rows belong to the pair. */
  @Column({ type: 'integer' })
  rows: number;
}
