import { AdoptionSource, AdoptionStage } from './enums.js';

/** What an import file holds: adoption rows or monthly satisfaction figures (PRODUCT.md §5.2). */
export const IMPORT_KINDS = ['adoptions', 'satisfaction'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** True when `value` names an import kind. */
export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/** Largest import file accepted, in bytes (20 MiB: about 300,000 satisfaction rows as CSV). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** Most data rows an import file may hold (the header row not counted). */
export const IMPORT_MAX_ROWS = 100_000;

/** The XLSX media type, as browsers and the import endpoint name it. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One column of an import file: its name in PRODUCT.md §5.2 and the German names accepted for it. */
export interface ImportColumn {
  readonly name: string;
  readonly required: boolean;
  readonly aliases: readonly string[];
}

/** The columns of each kind, in the documented order. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  adoptions: [
    { name: 'ags', required: true, aliases: ['gemeindeschlüssel', 'amtlicher gemeindeschlüssel'] },
    { name: 'leika', required: true, aliases: ['leika-schlüssel', 'leistungsschlüssel'] },
    { name: 'stage', required: true, aliases: ['stufe', 'status'] },
    { name: 'maturity_model', required: true, aliases: ['reifegradmodell'] },
    { name: 'maturity_level', required: false, aliases: ['reifegrad'] },
    { name: 'live_since', required: false, aliases: ['live seit', 'online seit'] },
    { name: 'source', required: false, aliases: ['quelle', 'herkunft'] },
    { name: 'notes', required: false, aliases: ['notizen', 'bemerkungen', 'anmerkungen'] },
  ],
  satisfaction: [
    { name: 'ags', required: true, aliases: ['gemeindeschlüssel', 'amtlicher gemeindeschlüssel'] },
    { name: 'leika', required: true, aliases: ['leika-schlüssel', 'leistungsschlüssel'] },
    { name: 'month', required: true, aliases: ['monat'] },
    { name: 'ratings_count', required: true, aliases: ['anzahl bewertungen', 'bewertungen'] },
    { name: 'average_rating', required: false, aliases: ['durchschnittliche bewertung', 'durchschnitt'] },
    { name: 'nps', required: false, aliases: ['net promoter score'] },
    {
      name: 'transactions_started',
      required: false,
      aliases: ['begonnene transaktionen', 'transaktionen begonnen', 'begonnene vorgänge'],
    },
    {
      name: 'transactions_completed',
      required: false,
      aliases: ['abgeschlossene transaktionen', 'transaktionen abgeschlossen', 'abgeschlossene vorgänge'],
    },
    { name: 'visits', required: false, aliases: ['besuche', 'aufrufe'] },
  ],
};

/**
 * A header name folded for comparison: case, umlauts (ä = ae), ß = ss, and spaces, hyphens and underscores
 * do not matter, so `Anzahl Bewertungen`, `anzahl_bewertungen` and `ratingsCount`-style names all match.
 */
export function foldHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replace(/[^a-z0-9.]/g, '');
}

/** The column a header names, by its name or a German alias; undefined for an unknown header. */
export function importColumnOf(kind: ImportKind, header: string): ImportColumn | undefined {
  const folded = foldHeader(header);
  return IMPORT_COLUMNS[kind].find(
    (column) => foldHeader(column.name) === folded || column.aliases.some((a) => foldHeader(a) === folded),
  );
}

/** German names of the adoption stages and sources, as the dashboard shows them, accepted in imports too. */
export const ADOPTION_STAGE_ALIASES: Readonly<Record<string, AdoptionStage>> = {
  'nicht geplant': AdoptionStage.NOT_PLANNED,
  'in prüfung': AdoptionStage.EVALUATING,
  geplant: AdoptionStage.PLANNED,
  'in einführung': AdoptionStage.IN_ROLLOUT,
  live: AdoptionStage.LIVE,
  eingestellt: AdoptionStage.DISCONTINUED,
};

export const ADOPTION_SOURCE_ALIASES: Readonly<Record<string, AdoptionSource>> = {
  eigenentwicklung: AdoptionSource.OWN_BUILD,
  'nachnutzung von partnerkommune': AdoptionSource.REUSED_FROM_PARTNER,
  'efa-anschluss': AdoptionSource.EFA_SUBSCRIPTION,
};

/** One problem of an import file: the row as a spreadsheet numbers it (the header is row 1) and the column. */
export interface ImportError {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

/** The answer to an import (PRODUCT.md §5.2). */
export interface ImportResult {
  readonly dryRun: boolean;
  /** Data rows read from the file. */
  readonly rows: number;
  readonly created: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly errors: readonly ImportError[];
}
