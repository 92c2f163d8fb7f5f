import { ProjectKind } from '@koop/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Adoption } from '../adoptions/index.js';
import { City } from '../cities/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { Cooperation, Membership } from '../cooperations/index.js';
import { OverviewService } from '../overview/index.js';
import { Project, ProjectsService } from '../projects/index.js';
import { Satisfaction, SatisfactionService } from '../satisfaction/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import type { TableFile } from '../exports/index.js';
import {
  OPEN_ADOPTION_COLUMNS,
  OPEN_PROJECT_COLUMNS,
  OPEN_SATISFACTION_COLUMNS,
  tableSchema,
  type OpenAdoptionRow,
  type OpenDataColumn,
  type OpenProjectRow,
  type OpenSatisfactionRow,
} from './open-data-columns.js';

export const OPEN_DATASETS = ['adoptions', 'satisfaction', 'projects'] as const;
export type OpenDataset = (typeof OPEN_DATASETS)[number];

/** Cities whose cells one read of the adoptions dataset takes: at most 12,000 cells with 600 services. */
const CITIES_PER_READ = 20;

export const LICENSE = 'http://dcat-ap.de/def/licenses/dl-by-de/2.0';
const THEME_GOVERNMENT = 'http://publications.europa.eu/resource/authority/data-theme/GOVE';
const LEVEL_MUNICIPALITY = 'http://dcat-ap.de/def/politicalGeocoding/Level/municipality';
const MUNICIPALITY_KEY = 'http://dcat-ap.de/def/politicalGeocoding/municipalityKey/';
const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const MEDIA_TYPE = 'https://www.iana.org/assignments/media-types/';

/** What each dataset is, in the catalog's and the dictionary's words. */
const DESCRIPTIONS: Record<OpenDataset, { title: string; description: string }> = {
  adoptions: {
    title: 'Nachnutzung der Onlinedienste',
    description:
      'Welche Mitgliedskommune welchen Onlinedienst der Kooperation nachnutzt: Stufe, OZG-Reifegrad und Datum der Inbetriebnahme, je Kommune (AGS) und Leistung (LeiKa-Schlüssel).',
  },
  satisfaction: {
    title: 'Nutzerzufriedenheit der Onlinedienste',
    description:
      'Monatliche Summen je Onlinedienst und Kommune: Zahl und Durchschnitt der Bewertungen der Feedback-Komponente, begonnene und abgeschlossene Vorgänge, Abschlussquote und Besuche. Keine Einzelbewertungen.',
  },
  projects: {
    title: 'Gemeinschaftsprojekte',
    description:
      'Die Gemeinschaftsprojekte der Arbeitszirkel der Kooperation mit Art, Phase, Status und Fortschritt.',
  },
};

const COLUMNS: { [K in OpenDataset]: readonly OpenDataColumn<never>[] } = {
  adoptions: OPEN_ADOPTION_COLUMNS as readonly OpenDataColumn<never>[],
  satisfaction: OPEN_SATISFACTION_COLUMNS as readonly OpenDataColumn<never>[],
  projects: OPEN_PROJECT_COLUMNS as readonly OpenDataColumn<never>[],
};

interface Extent {
  start: string | null;
  end: string | null;
  modified: Date | string | null;
}

/**
 * The UTC day of a date or an aggregate's raw value: SQLite hands back `YYYY-MM-DD HH:MM:SS` text in UTC
 * (read as UTC here, not as local time), PostgreSQL a Date.
 */
function isoDay(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value.slice(0, 10);
}

/** The last day of a month `YYYY-MM`, as `YYYY-MM-DD`. */
function monthEnd(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
}

/**
 * Open data of each cooperation: its datasets, read by the services the dashboard's views use, and the
 * DCAT-AP.de catalog that describes them.
 */
@Injectable()
export class OpenDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly overviews: OverviewService,
    private readonly projects: ProjectsService,
    private readonly satisfaction: SatisfactionService,
  ) {}

  schema(dataset: OpenDataset): Record<string, unknown> {
    const { title, description } = DESCRIPTIONS[dataset];
    return tableSchema(title, description, COLUMNS[dataset]);
  }

  /** The rows of a dataset; NOT_FOUND for an unknown cooperation (checked before the first row). */
  async table(cooperationId: string, dataset: OpenDataset): Promise<TableFile<never>> {
    const id = await this.overviews.cooperationId(cooperationId, 'id');
    const base = { name: dataset, sheet: dataset };
    switch (dataset) {
      case 'adoptions':
        return { ...base, columns: COLUMNS.adoptions, rows: this.adoptionRows(id) as AsyncIterable<never[]> };
      case 'satisfaction':
        return {
          ...base,
          columns: COLUMNS.satisfaction,
          rows: this.satisfactionRows(id) as AsyncIterable<never[]>,
        };
      default:
        return { ...base, columns: COLUMNS.projects, rows: this.projectRows(id) as AsyncIterable<never[]> };
    }
  }

  /**
   * The matrix's cells that have a record: member cities × the cooperation's online services, in the order
   * of city and service ids. Read a few cities at a time, off the event loop: the cooperation of all 2,056
   * Bavarian municipalities has 1.2 million cells, which must never sit in the memory of a public endpoint
   * at once.
   */
  private async *adoptionRows(cooperationId: number): AsyncGenerator<OpenAdoptionRow[]> {
    const matrix = this.overviews.adoptionMatrix(cooperationId);
    const [cities, services] = await Promise.all([matrix.cities(), matrix.projects()]);
    if (services.length === 0) return;
    const serviceOf = new Map(services.map((s) => [s.id, s]));
    const byId = [...cities].sort((a, b) => a.id - b.id);
    for (let start = 0; start < byId.length; start += CITIES_PER_READ) {
      const chunk = byId.slice(start, start + CITIES_PER_READ);
      const cityOf = new Map(chunk.map((c) => [c.id, c]));
      const cells = await this.overviews.matrixCellsOf(cooperationId, [...cityOf.keys()]);
      const rows: OpenAdoptionRow[] = [];
      for (const adoption of cells.sort((a, b) => a.cityId - b.cityId || a.projectId - b.projectId)) {
        const city = cityOf.get(adoption.cityId);
        const service = serviceOf.get(adoption.projectId);
        if (city && service) rows.push({ city, service, adoption });
      }
      yield rows;
    }
  }

  private async *satisfactionRows(cooperationId: number): AsyncGenerator<OpenSatisfactionRow[]> {
    const cities = new Map<number, City>();
    const services = new Map<number, Project>();
    for await (const chunk of this.satisfaction.monthlyRows(String(cooperationId))) {
      const missingCities = [...new Set(chunk.map((r) => r.cityId))].filter((id) => !cities.has(id));
      const missingServices = [...new Set(chunk.map((r) => r.projectId))].filter((id) => !services.has(id));
      if (missingCities.length > 0) {
        for (const city of await this.dataSource.getRepository(City).findBy({ id: In(missingCities) })) {
          cities.set(city.id, city);
        }
      }
      if (missingServices.length > 0) {
        for (const service of await this.dataSource
          .getRepository(Project)
          .findBy({ id: In(missingServices) })) {
          services.set(service.id, service);
        }
      }
      yield chunk.flatMap((figures) => {
        const city = cities.get(figures.cityId);
        const service = services.get(figures.projectId);
        return city && service ? [{ city, service, figures }] : [];
      });
    }
  }

  private async *projectRows(cooperationId: number): AsyncGenerator<OpenProjectRow[]> {
    const groups = await this.dataSource.getRepository(WorkingGroup).findBy({ cooperationId });
    const groupName = new Map(groups.map((g) => [g.id, g.name]));
    for await (const projects of this.projects.findAll({ cooperationId: String(cooperationId) }, null)) {
      yield projects.map((project) => ({
        project,
        workingGroup: groupName.get(project.workingGroupId) ?? '',
      }));
    }
  }

  /** The DCAT-AP.de catalog of every cooperation's datasets, as JSON-LD; `origin` makes the URLs absolute. */
  async catalog(origin: string): Promise<Record<string, unknown>> {
    const cooperations = await this.dataSource
      .getRepository(Cooperation)
      .createQueryBuilder('c')
      .orderBy('c.id', 'ASC')
      .getMany();
    const datasets = [];
    let catalogModified: string | null = null;
    for (const cooperation of cooperations) {
      const members = await this.dataSource
        .getRepository(City)
        .createQueryBuilder('city')
        .innerJoin(Membership, 'm', 'm.cityId = city.id AND m.cooperationId = :id', { id: cooperation.id })
        .orderBy('city.ags', 'ASC')
        .getMany();
      const extents = await this.extents(cooperation.id);
      for (const dataset of OPEN_DATASETS) {
        const extent = extents[dataset];
        const modified = isoDay(extent.modified) ?? isoDay(new Date());
        if (modified && (catalogModified === null || modified > catalogModified)) catalogModified = modified;
        datasets.push(this.dataset(origin, cooperation, members, dataset, extent, modified as string));
      }
    }
    const contactPoint = this.contactPoint(origin, 'Kooperationscockpit');
    return {
      '@context': {
        dcat: 'http://www.w3.org/ns/dcat#',
        dct: 'http://purl.org/dc/terms/',
        dcatde: 'http://dcat-ap.de/def/dcatde/',
        foaf: 'http://xmlns.com/foaf/0.1/',
        vcard: 'http://www.w3.org/2006/vcard/ns#',
        xsd: 'http://www.w3.org/2001/XMLSchema#',
      },
      '@id': `${origin}/open-data/catalog.jsonld`,
      '@type': 'dcat:Catalog',
      'dct:title': { '@value': 'Offene Daten des Kooperationscockpits', '@language': 'de' },
      'dct:description': {
        '@value':
          'Nachnutzung, Nutzerzufriedenheit und Gemeinschaftsprojekte der Kooperationen bayerischer Kommunen.',
        '@language': 'de',
      },
      'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': 'Kooperationscockpit' },
      'dcat:contactPoint': contactPoint,
      'dct:license': { '@id': LICENSE },
      'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/DEU' },
      'dcat:themeTaxonomy': { '@id': 'http://publications.europa.eu/resource/authority/data-theme' },
      'dct:modified': { '@value': catalogModified ?? isoDay(new Date()), '@type': 'xsd:date' },
      'foaf:homepage': { '@id': `${origin}/` },
      'dcat:dataset': datasets,
    };
  }

  private dataset(
    origin: string,
    cooperation: Cooperation,
    members: City[],
    dataset: OpenDataset,
    extent: Extent,
    modified: string,
  ): Record<string, unknown> {
    const base = `${origin}/open-data/cooperations/${cooperation.id}/${dataset}`;
    const { title, description } = DESCRIPTIONS[dataset];
    const today = isoDay(new Date()) as string;
    const distribution = (format: 'CSV' | 'JSON', extension: string, mediaType: string) => ({
      '@id': `${base}.${extension}`,
      '@type': 'dcat:Distribution',
      'dct:title': { '@value': `${title} (${format})`, '@language': 'de' },
      'dcat:accessURL': { '@id': `${base}.${extension}` },
      'dcat:downloadURL': { '@id': `${base}.${extension}` },
      'dct:format': { '@id': `${FILE_TYPE}${format}` },
      'dcat:mediaType': { '@id': `${MEDIA_TYPE}${mediaType}` },
      'dct:license': { '@id': LICENSE },
      'dcatde:licenseAttributionByText': `${cooperation.name}, Kooperationscockpit`,
      'dct:conformsTo': { '@id': `${base}.schema.json` },
      'dct:modified': { '@value': modified, '@type': 'xsd:date' },
    });
    return {
      '@id': base,
      '@type': 'dcat:Dataset',
      'dct:identifier': base,
      'dct:title': { '@value': `${title} – ${cooperation.name}`, '@language': 'de' },
      'dct:description': { '@value': description, '@language': 'de' },
      'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': cooperation.name },
      'dcatde:contributorID': { '@id': this.config.openData.contributorId },
      'dcat:contactPoint': this.contactPoint(origin, `Geschäftsstelle ${cooperation.name}`),
      'dct:temporal': {
        '@type': 'dct:PeriodOfTime',
        'dcat:startDate': { '@value': extent.start ?? today, '@type': 'xsd:date' },
        'dcat:endDate': { '@value': extent.end ?? today, '@type': 'xsd:date' },
      },
      'dct:spatial': members.map((city) => ({ '@id': `${MUNICIPALITY_KEY}${city.ags}` })),
      'dcatde:politicalGeocodingLevelURI': { '@id': LEVEL_MUNICIPALITY },
      'dcatde:politicalGeocodingURI': members.map((city) => ({ '@id': `${MUNICIPALITY_KEY}${city.ags}` })),
      'dcat:theme': { '@id': THEME_GOVERNMENT },
      'dct:modified': { '@value': modified, '@type': 'xsd:date' },
      'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/DEU' },
      'dct:accrualPeriodicity': {
        '@id': 'http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT',
      },
      'dcat:distribution': [
        distribution('CSV', 'csv', 'text/csv'),
        distribution('JSON', 'json', 'application/json'),
      ],
    };
  }

  /** An office, never a person: the configured mailbox, or else the site itself. */
  private contactPoint(origin: string, name: string): Record<string, unknown> {
    const email = this.config.openData.contactEmail;
    return {
      '@type': 'vcard:Organization',
      'vcard:fn': name,
      ...(email
        ? { 'vcard:hasEmail': { '@id': `mailto:${email}` } }
        : { 'vcard:hasURL': { '@id': `${origin}/` } }),
    };
  }

  /** Period covered and last change of each dataset of a cooperation, by SQL aggregates. */
  private async extents(cooperationId: number): Promise<Record<OpenDataset, Extent>> {
    const adoptions = await this.dataSource
      .createQueryBuilder()
      .select('MIN(a.liveSince)', 'start')
      .addSelect('MAX(a.updatedAt)', 'modified')
      .from(Adoption, 'a')
      .innerJoin(Project, 'p', 'p.id = a.projectId AND p.kind = :kind', { kind: ProjectKind.ONLINE_SERVICE })
      .innerJoin(WorkingGroup, 'wg', 'wg.id = p.workingGroupId AND wg.cooperationId = :id', {
        id: cooperationId,
      })
      .innerJoin(Membership, 'm', 'm.cityId = a.cityId AND m.cooperationId = :id')
      .getRawOne<{ start: string | null; modified: Date | string | null }>();
    const satisfaction = await this.dataSource
      .createQueryBuilder()
      .select('MIN(s.month)', 'first')
      .addSelect('MAX(s.month)', 'last')
      .addSelect('MAX(s.updatedAt)', 'modified')
      .from(Satisfaction, 's')
      .innerJoin(Project, 'p', 'p.id = s.projectId')
      .innerJoin(WorkingGroup, 'wg', 'wg.id = p.workingGroupId AND wg.cooperationId = :id', {
        id: cooperationId,
      })
      .innerJoin(Membership, 'm', 'm.cityId = s.cityId AND m.cooperationId = :id')
      .getRawOne<{ first: string | null; last: string | null; modified: Date | string | null }>();
    const projects = await this.dataSource
      .createQueryBuilder()
      .select('MIN(p.startDate)', 'start')
      .addSelect('MAX(p.updatedAt)', 'modified')
      .from(Project, 'p')
      .innerJoin(WorkingGroup, 'wg', 'wg.id = p.workingGroupId AND wg.cooperationId = :id', {
        id: cooperationId,
      })
      .getRawOne<{ start: string | null; modified: Date | string | null }>();
    return {
      adoptions: {
        start: isoDay(adoptions?.start),
        end: isoDay(adoptions?.modified),
        modified: adoptions?.modified ?? null,
      },
      satisfaction: {
        start: satisfaction?.first ? `${satisfaction.first}-01` : null,
        end: satisfaction?.last ? monthEnd(satisfaction.last) : null,
        modified: satisfaction?.modified ?? null,
      },
      projects: {
        start: isoDay(projects?.start),
        end: isoDay(projects?.modified),
        modified: projects?.modified ?? null,
      },
    };
  }
}
