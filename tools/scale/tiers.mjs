/** The one account of the scale data, an administrator. */
export const BENCH_ADMIN = 'bench-admin';
/** Its documented default password: the scale data is for benchmarks on loopback only. */
export const DEFAULT_PASSWORD = 'Bench-Admin-2026';

// The sizes of the scale data. Every tier has the same shape: four cooperations of growing size, the
// largest of them holding every municipality, each with working groups, online services and a few other
// projects; every member city has a record for nearly every service of its cooperation.

/**
 * `municipalities`: how many cities in all (the real ones from the reference data first).
 * `regions`: where the synthetic ones lie — Bavaria's seven districts, or Germany's Länder too.
 * `services`: the catalogue of online services (titles, LeiKa keys, OZG topics) the cooperations draw on.
 * `cooperations`: members (0 = every municipality), online services, other projects and working groups.
 */
export const TIERS = {
  // About the size of the product's own demo (its 25 real cities), so that its figures compare with it.
  demo: {
    municipalities: 25,
    regions: 'bavaria',
    services: 12,
    cooperations: [
      { members: 3, services: 9, otherProjects: 3, workingGroups: 2 },
      { members: 10, services: 12, otherProjects: 4, workingGroups: 3 },
      { members: 20, services: 12, otherProjects: 4, workingGroups: 3 },
      { members: 0, services: 12, otherProjects: 5, workingGroups: 3 },
    ],
  },
  bavaria: {
    municipalities: 2056,
    regions: 'bavaria',
    services: 600,
    cooperations: [
      { members: 3, services: 30, otherProjects: 6, workingGroups: 3 },
      { members: 30, services: 120, otherProjects: 10, workingGroups: 6 },
      { members: 100, services: 600, otherProjects: 15, workingGroups: 10 },
      { members: 0, services: 600, otherProjects: 25, workingGroups: 15 },
    ],
  },
  germany: {
    municipalities: 10786,
    regions: 'germany',
    services: 600,
    cooperations: [
      { members: 3, services: 30, otherProjects: 6, workingGroups: 3 },
      { members: 30, services: 120, otherProjects: 10, workingGroups: 6 },
      { members: 100, services: 600, otherProjects: 15, workingGroups: 10 },
      { members: 0, services: 600, otherProjects: 25, workingGroups: 15 },
    ],
  },
};

/** The names the cooperations get, smallest first. */
export const COOPERATION_NAMES = [
  {
    name: 'Kooperation M-A-N (München, Augsburg, Nürnberg)',
    shortName: 'M-A-N',
    description: 'Die drei größten bayerischen Städte entwickeln Onlinedienste gemeinsam.',
  },
  {
    name: 'Entwicklungsgemeinschaft bayerischer Mittelstädte',
    shortName: 'EG Mittelstädte',
    description: 'Mittelstädte teilen Arbeitszirkel, Standards und Onlinedienste.',
  },
  {
    name: 'Digitalverbund Südbayern',
    shortName: 'DV Süd',
    description: 'Hundert Kommunen betreiben ihre Onlinedienste auf gemeinsamen Plattformen.',
  },
  {
    name: 'Digitale Kommunen – alle Gemeinden',
    shortName: 'Alle Kommunen',
    description: 'Jede Kommune ist Mitglied; die Onlinedienste stehen allen zur Nachnutzung offen.',
  },
];
