import { readFileSync } from 'node:fs';
import { AGS_PATTERN, LEIKA_PATTERN } from '@koop/domain';
import { parse } from 'csv-parse/sync';

export interface ReferenceCity {
  ags: string;
  name: string;
  kind: string;
  district: string;
  population: number;
}

export interface ReferenceTopic {
  key: string;
  nameDe: string;
  nameEn: string;
}

export interface ReferenceService {
  leikaKey: string;
  nameDe: string;
  nameEn: string;
  ozgTopic: string | null;
}

export interface ReferenceData {
  cities: ReferenceCity[];
  topics: ReferenceTopic[];
  services: ReferenceService[];
}

/**
 * Reads one CSV of `reference/`. The files lie beside this module both in the sources (tests) and in
 * the build, where the build copies them next to the compiled file.
 */
function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(new URL(`./reference/${file}`, import.meta.url), 'utf8');
  return parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, trim: true });
}

function required(row: Record<string, string>, column: string, file: string): string {
  const value = row[column];
  if (!value) {
    throw new Error(`${file}: column "${column}" is empty in ${JSON.stringify(row)}`);
  }
  return value;
}

/** The real reference data the demo builds on, checked so that a broken file fails loudly. */
export function loadReferenceData(): ReferenceData {
  const cities = readCsv('cities-bavaria.csv').map((row) => {
    const ags = required(row, 'ags', 'cities-bavaria.csv');
    const population = Number(required(row, 'population', 'cities-bavaria.csv'));
    if (!AGS_PATTERN.test(ags) || !Number.isInteger(population) || population <= 0) {
      throw new Error(`cities-bavaria.csv: bad AGS or population in ${JSON.stringify(row)}`);
    }
    return {
      ags,
      name: required(row, 'name', 'cities-bavaria.csv'),
      kind: required(row, 'kind', 'cities-bavaria.csv'),
      district: required(row, 'district', 'cities-bavaria.csv'),
      population,
    };
  });
  const topics = readCsv('ozg-topics.csv').map((row) => ({
    key: required(row, 'key', 'ozg-topics.csv'),
    nameDe: required(row, 'name_de', 'ozg-topics.csv'),
    nameEn: required(row, 'name_en', 'ozg-topics.csv'),
  }));
  const topicKeys = new Set(topics.map((topic) => topic.key));
  const services = readCsv('services.csv').map((row) => {
    const leikaKey = required(row, 'leika', 'services.csv');
    const ozgTopic = row['ozg_topic'] || null;
    if (!LEIKA_PATTERN.test(leikaKey) || (ozgTopic !== null && !topicKeys.has(ozgTopic))) {
      throw new Error(`services.csv: bad LeiKa key or topic in ${JSON.stringify(row)}`);
    }
    return {
      leikaKey,
      nameDe: required(row, 'name_de', 'services.csv'),
      nameEn: required(row, 'name_en', 'services.csv'),
      ozgTopic,
    };
  });
  return { cities, topics, services };
}
