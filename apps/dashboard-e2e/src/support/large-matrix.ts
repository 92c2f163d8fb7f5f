import { DatabaseSync } from 'node:sqlite';

/** The shape of the large cooperation: every member city has a record for every service. */
export interface LargeMatrix {
  readonly cooperationId: string;
  readonly cities: number;
  readonly services: number;
}

const STAGES = ['NOT_PLANNED', 'EVALUATING', 'PLANNED', 'IN_ROLLOUT', 'LIVE', 'DISCONTINUED'] as const;

/**
 * Adds a cooperation of `cities` new member cities and `services` online services to the migrated
 * database `file`, with an adoption in every cell (stage, model and level vary with the position, so
 * that neighbouring cells differ). Written straight into SQLite: 60,000 adoptions through the API would
 * take minutes. Every seventh service has a title too long for its header.
 */
export function addLargeMatrix(file: string, cities: number, services: number): LargeMatrix {
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('BEGIN');
    const cooperationId = Number(
      db
        .prepare('INSERT INTO cooperation (name, shortName) VALUES (?, ?)')
        .run(`Große Testkooperation ${cities}`, `Groß ${cities}`).lastInsertRowid,
    );
    const city = db.prepare(
      'INSERT INTO city (name, ags, population, district, kind) VALUES (?, ?, ?, ?, ?)',
    );
    const member = db.prepare('INSERT INTO membership (cooperationId, cityId, joinedOn) VALUES (?, ?, ?)');
    const cityIds: number[] = [];
    for (let i = 0; i < cities; i++) {
      const name = `Teststadt ${String(i + 1).padStart(3, '0')}`;
      const id = Number(
        city.run(name, `0998${String(i).padStart(4, '0')}`, 20_000 + i, 'Schwaben', 'Große Kreisstadt')
          .lastInsertRowid,
      );
      cityIds.push(id);
      member.run(cooperationId, id, '2020-01-01');
    }
    const groupId = Number(
      db
        .prepare(
          "INSERT INTO working_group (cooperationId, name, focus, leadCityId) VALUES (?, ?, 'TECHNICAL', ?)",
        )
        .run(cooperationId, 'Großer Testzirkel', cityIds[0]).lastInsertRowid,
    );
    const project = db.prepare(
      `INSERT INTO project (workingGroupId, ownerCityId, title, kind, phase, health, progress, ozgTopic, isEfa, updatedAt)
       VALUES (?, ?, ?, 'ONLINE_SERVICE', 'LIVE', 'GREEN', 100, ?, 1, '2026-01-01 09:00:00.000')`,
    );
    const projectIds: number[] = [];
    for (let p = 0; p < services; p++) {
      // Zero-padded numbers sort by title in the order they were made.
      const number = String(p + 1).padStart(3, '0');
      const title =
        p % 7 === 0
          ? `Testdienst ${number}: Antrag auf Erteilung einer Genehmigung nach der Landesverordnung über besondere Fälle`
          : `Testdienst ${number} beantragen`;
      projectIds.push(Number(project.run(groupId, cityIds[0], title, 'BAUEN').lastInsertRowid));
    }
    const adoption = db.prepare(
      `INSERT INTO adoption (projectId, cityId, stage, maturityModel, maturityLevel, liveSince, updatedAt, version)
       VALUES (?, ?, ?, ?, ?, ?, '2026-01-01 09:00:00.000', 1)`,
    );
    cityIds.forEach((cityId, c) =>
      projectIds.forEach((projectId, p) => {
        const stage = STAGES[(c + 2 * p) % STAGES.length];
        const model = (c + p) % 2 ? '1.1' : '2.0';
        const level = (c * 3 + p) % 5 === 0 ? null : (c + p) % (model === '1.1' ? 5 : 8);
        adoption.run(projectId, cityId, stage, model, level, stage === 'LIVE' ? '2025-01-01' : null);
      }),
    );
    db.exec('COMMIT');
    return { cooperationId: String(cooperationId), cities, services };
  } finally {
    db.close();
  }
}
