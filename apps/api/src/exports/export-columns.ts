import type { TableColumn } from '@koop/domain';
import type { AuditEntry } from '../audit/index.js';
import type { ActionItem } from '../meetings/index.js';
import type { MatrixCell } from '../overview/index.js';
import type { City } from '../cities/index.js';
import type { Project } from '../projects/index.js';
import type { SatisfactionPoint } from '../satisfaction/index.js';

/*
 * The columns of each export: what the view shows, rounded where the view rounds (average rating to 2 places,
 * completion rate to 0.1 %), plus the keys a spreadsheet user needs to join the file with others (ids, AGS,
 * LeiKa key). Enum values are written as the API's codes (LIVE, GREEN), which stay the same in every language.
 */

export interface ProjectRow {
  readonly project: Project;
  readonly workingGroup: string;
  readonly cooperation: string;
  readonly ownerCity: string | null;
}

export const PROJECT_COLUMNS: readonly TableColumn<ProjectRow>[] = [
  { key: 'id', de: 'ID', en: 'ID', type: 'key', value: (r) => String(r.project.id) },
  { key: 'title', de: 'Titel', en: 'Title', type: 'text', value: (r) => r.project.title },
  { key: 'kind', de: 'Art', en: 'Kind', type: 'text', value: (r) => r.project.kind },
  { key: 'isEfa', de: 'EfA', en: 'EfA', type: 'boolean', value: (r) => r.project.isEfa },
  { key: 'cooperation', de: 'Kooperation', en: 'Cooperation', type: 'text', value: (r) => r.cooperation },
  {
    key: 'workingGroup',
    de: 'Arbeitszirkel',
    en: 'Working group',
    type: 'text',
    value: (r) => r.workingGroup,
  },
  {
    key: 'ownerCity',
    de: 'Entwickelnde Kommune',
    en: 'Developing city',
    type: 'text',
    value: (r) => r.ownerCity,
  },
  { key: 'phase', de: 'Phase', en: 'Phase', type: 'text', value: (r) => r.project.phase },
  { key: 'health', de: 'Status', en: 'Health', type: 'text', value: (r) => r.project.health },
  {
    key: 'progress',
    de: 'Fortschritt (%)',
    en: 'Progress (%)',
    type: 'integer',
    unit: '%',
    value: (r) => r.project.progress,
  },
  { key: 'startDate', de: 'Start', en: 'Start date', type: 'date', value: (r) => r.project.startDate },
  { key: 'targetDate', de: 'Zieldatum', en: 'Target date', type: 'date', value: (r) => r.project.targetDate },
  { key: 'leikaKey', de: 'LeiKa-Schlüssel', en: 'LeiKa key', type: 'key', value: (r) => r.project.leikaKey },
  {
    key: 'ozgTopic',
    de: 'OZG-Themenfeld',
    en: 'OZG topic area',
    type: 'text',
    value: (r) => r.project.ozgTopic,
  },
  {
    key: 'updatedAt',
    de: 'Aktualisiert (UTC)',
    en: 'Updated (UTC)',
    type: 'datetime',
    value: (r) => r.project.updatedAt,
  },
];

/** One cell of the adoption matrix: a member city and an online service, with the city's record if any. */
export interface MatrixCellRow {
  readonly city: City;
  readonly service: Project;
  readonly adoption: MatrixCell | null;
}

export const MATRIX_COLUMNS: readonly TableColumn<MatrixCellRow>[] = [
  { key: 'ags', de: 'AGS', en: 'AGS', type: 'key', value: (r) => r.city.ags },
  { key: 'city', de: 'Kommune', en: 'City', type: 'text', value: (r) => r.city.name },
  { key: 'leikaKey', de: 'LeiKa-Schlüssel', en: 'LeiKa key', type: 'key', value: (r) => r.service.leikaKey },
  { key: 'service', de: 'Onlinedienst', en: 'Online service', type: 'text', value: (r) => r.service.title },
  {
    key: 'ozgTopic',
    de: 'OZG-Themenfeld',
    en: 'OZG topic area',
    type: 'text',
    value: (r) => r.service.ozgTopic,
  },
  { key: 'stage', de: 'Stufe', en: 'Stage', type: 'text', value: (r) => r.adoption?.stage },
  {
    key: 'maturityModel',
    de: 'Reifegradmodell',
    en: 'Maturity model',
    type: 'key',
    value: (r) => r.adoption?.maturityModel,
  },
  {
    key: 'maturityLevel',
    de: 'Reifegrad',
    en: 'Maturity level',
    type: 'integer',
    value: (r) => r.adoption?.maturityLevel,
  },
  { key: 'liveSince', de: 'Live seit', en: 'Live since', type: 'date', value: (r) => r.adoption?.liveSince },
  { key: 'source', de: 'Herkunft', en: 'Source', type: 'text', value: (r) => r.adoption?.source },
];

export const SATISFACTION_COLUMNS: readonly TableColumn<SatisfactionPoint>[] = [
  { key: 'month', de: 'Monat', en: 'Month', type: 'month', value: (r) => r.month },
  {
    key: 'ratingsCount',
    de: 'Bewertungen',
    en: 'Ratings',
    type: 'integer',
    value: (r) => r.ratingsCount,
  },
  {
    key: 'averageRating',
    de: 'Durchschnittliche Bewertung (1–5)',
    en: 'Average rating (1–5)',
    type: 'decimal',
    digits: 2,
    value: (r) => r.averageRating,
  },
  { key: 'nps', de: 'NPS', en: 'NPS', type: 'decimal', digits: 1, value: (r) => r.nps },
  {
    key: 'transactionsStarted',
    de: 'Begonnene Vorgänge',
    en: 'Transactions started',
    type: 'integer',
    value: (r) => r.transactionsStarted,
  },
  {
    key: 'transactionsCompleted',
    de: 'Abgeschlossene Vorgänge',
    en: 'Transactions completed',
    type: 'integer',
    value: (r) => r.transactionsCompleted,
  },
  {
    key: 'completionRate',
    de: 'Abschlussquote (%)',
    en: 'Completion rate (%)',
    type: 'decimal',
    digits: 1,
    value: (r) => (r.completionRate === null ? null : r.completionRate * 100),
  },
  { key: 'visits', de: 'Besuche', en: 'Visits', type: 'integer', value: (r) => r.visits },
];

export interface AuditRow {
  readonly entry: AuditEntry;
  readonly city: string | null;
  readonly project: string | null;
  readonly changes: string;
}

export const AUDIT_COLUMNS: readonly TableColumn<AuditRow>[] = [
  { key: 'id', de: 'ID', en: 'ID', type: 'key', value: (r) => String(r.entry.id) },
  { key: 'at', de: 'Zeitpunkt (UTC)', en: 'Time (UTC)', type: 'datetime', value: (r) => r.entry.at },
  { key: 'username', de: 'Konto', en: 'Account', type: 'text', value: (r) => r.entry.username },
  { key: 'operation', de: 'Vorgang', en: 'Operation', type: 'text', value: (r) => r.entry.operation },
  { key: 'entity', de: 'Art', en: 'Kind', type: 'text', value: (r) => r.entry.entity },
  { key: 'entityId', de: 'Datensatz', en: 'Record', type: 'key', value: (r) => r.entry.entityId },
  { key: 'city', de: 'Kommune', en: 'City', type: 'text', value: (r) => r.city },
  { key: 'project', de: 'Projekt', en: 'Project', type: 'text', value: (r) => r.project },
  { key: 'changes', de: 'Änderungen', en: 'Changes', type: 'text', value: (r) => r.changes },
];

/** An action item with the names of what it points at, and whether it is overdue (the resolver's rule). */
export interface ActionItemRow {
  readonly item: ActionItem;
  readonly overdue: boolean;
  readonly meeting: string;
  readonly meetingDate: Date | null;
  readonly ownerCity: string | null;
  readonly ownerWorkingGroup: string | null;
  readonly project: string | null;
}

export const ACTION_ITEM_COLUMNS: readonly TableColumn<ActionItemRow>[] = [
  { key: 'id', de: 'ID', en: 'ID', type: 'key', value: (r) => String(r.item.id) },
  { key: 'title', de: 'Aufgabe', en: 'Action item', type: 'text', value: (r) => r.item.title },
  { key: 'status', de: 'Status', en: 'Status', type: 'text', value: (r) => r.item.status },
  { key: 'dueOn', de: 'Fällig am', en: 'Due on', type: 'date', value: (r) => r.item.dueOn },
  { key: 'overdue', de: 'Überfällig', en: 'Overdue', type: 'boolean', value: (r) => r.overdue },
  {
    key: 'ownerCity',
    de: 'Verantwortliche Kommune',
    en: 'Owner city',
    type: 'text',
    value: (r) => r.ownerCity,
  },
  {
    key: 'ownerWorkingGroup',
    de: 'Verantwortlicher Arbeitszirkel',
    en: 'Owner working group',
    type: 'text',
    value: (r) => r.ownerWorkingGroup,
  },
  { key: 'project', de: 'Projekt', en: 'Project', type: 'text', value: (r) => r.project },
  { key: 'meeting', de: 'Sitzung', en: 'Meeting', type: 'text', value: (r) => r.meeting },
  {
    key: 'meetingDate',
    de: 'Sitzung am (UTC)',
    en: 'Meeting on (UTC)',
    type: 'datetime',
    value: (r) => r.meetingDate,
  },
];
