import { REPORT_MIN_RATINGS, todayIso } from '@koop/domain';
import { Between } from 'typeorm';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { DEMO_PASSWORD } from '../demo/index.js';
import { Satisfaction } from '../satisfaction/index.js';
import { startTestApp, type TestApp } from '../testing/index.js';
import { reportFileName } from './annual-report.controller.js';
import { AnnualReportReader, type DigestList } from './annual-report.data.js';
import { renderAnnualReport } from './annual-report.pdf.js';
import { formatDelta, formatNumber, formatPercent } from './report-texts.js';

interface Figures {
  activeProjects: number;
  projectsByHealth: { key: string; count: number }[];
  servicesLive: number;
  adoptionRate: number;
  averageSatisfaction: number | null;
  completionRate: number | null;
}

const FIGURES =
  'activeProjects projectsByHealth { key count } servicesLive adoptionRate averageSatisfaction completionRate';
const Y = new Date().getUTCFullYear();

/** The text of every page (the items of each page joined by spaces), and the document to look into. */
async function textOf(pdf: Buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
  });
  const document = await task.promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return { pages, document, close: () => task.destroy() };
}

/** The value, which the test requires to be there. */
function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('Expected a value, got none');
  return value;
}

/** Text without any white space: how words and numbers are split into items does not matter then. */
const compact = (text: string) => text.replace(/\s+/g, '');

interface RankedRow {
  project: string;
  city: string;
  ratings: number;
  average: number;
}

describe('the annual report as PDF', () => {
  let app: TestApp;
  let server: App;
  let cookie: string;
  let cooperation: { id: string; name: string; shortName: string; cities: string[] };

  beforeAll(async () => {
    app = await startTestApp({ demoData: true });
    server = app.app.getHttpServer() as App;
    const login = await request(server)
      .post('/graphql')
      .send({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
        variables: { u: 'demo-viewer', p: DEMO_PASSWORD },
      });
    cookie = present(
      ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('koop_session=')),
    ).split(';')[0];
    const { data } = await app.gql<{
      cooperations: { id: string; name: string; shortName: string; members: { city: { name: string } }[] }[];
    }>('{ cooperations { id name shortName members { city { name } } } }');
    const man = present(present(data).cooperations.find((c) => c.shortName === 'M-A-N'));
    cooperation = { ...man, cities: man.members.map((m) => m.city.name) };
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('is for signed-in accounts only', async () => {
    const response = await request(server).get(`/reports/annual/${cooperation.id}/${Y}.pdf`);
    expect(response.status).toBe(401);
  });

  it('answers 404 for an unknown cooperation and for a year to come', async () => {
    expect((await request(server).get(`/reports/annual/999999/${Y}.pdf`).set('Cookie', cookie)).status).toBe(
      404,
    );
    expect(
      (
        await request(server)
          .get(`/reports/annual/${cooperation.id}/${Y + 1}.pdf`)
          .set('Cookie', cookie)
      ).status,
    ).toBe(404);
    expect(
      (await request(server).get(`/reports/annual/${cooperation.id}/${Y}.txt`).set('Cookie', cookie)).status,
    ).toBe(404);
  });

  it('holds the cooperation, the year and the key figures of overview, tagged, in German, fonts embedded', async () => {
    const response = await request(server)
      .get(`/reports/annual/${cooperation.id}/${Y}.pdf`)
      .set('Cookie', cookie)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Jahresbericht-M-A-N-${Y}-erstellt-${todayIso()}.pdf"`,
    );
    const pdf = response.body as Buffer;

    const { data } = await app.gql<{ overview: Figures & { previous: Figures } }>(
      `query($id: ID!, $year: Int!) { overview(cooperationId: $id, year: $year) { ${FIGURES} previous { ${FIGURES} } } }`,
      { id: cooperation.id, year: Y },
    );
    const { overview } = present(data);
    const { pages, document, close } = await textOf(pdf);
    const text = pages.join('\n');
    const all = compact(text);

    expect(text).toContain(cooperation.name);
    expect(text).toContain(`Jahresbericht ${Y}`);
    const health = (figures: Figures, key: string) =>
      present(figures.projectsByHealth.find((c) => c.key === key)).count;
    const rate = (value: number | null) => (value === null ? '–' : formatPercent(value));
    const rating = (value: number | null) => (value === null ? '–' : formatNumber(value, 2));
    const previous = overview.previous;
    const rows: [string, string, string][] = [
      ['Aktive Projekte', String(overview.activeProjects), String(previous.activeProjects)],
      ['davon im Plan', String(health(overview, 'GREEN')), String(health(previous, 'GREEN'))],
      ['davon gefährdet', String(health(overview, 'AMBER')), String(health(previous, 'AMBER'))],
      ['davon kritisch', String(health(overview, 'RED')), String(health(previous, 'RED'))],
      ['Live-Onlinedienste', String(overview.servicesLive), String(previous.servicesLive)],
      ['Nachnutzungsquote', rate(overview.adoptionRate), rate(previous.adoptionRate)],
      [
        'Durchschnittliche Zufriedenheit',
        rating(overview.averageSatisfaction),
        rating(previous.averageSatisfaction),
      ],
      ['Abschlussquote', rate(overview.completionRate), rate(previous.completionRate)],
    ];
    for (const [label, value, before] of rows) {
      expect(all).toContain(compact(`${label} ${value} ${before}`));
    }
    expect(all).toContain(
      compact(
        `Aktive Projekte ${overview.activeProjects} ${previous.activeProjects} ${formatDelta(overview.activeProjects - previous.activeProjects)}`,
      ),
    );
    // The year's decisions and action items: those of every meeting of the cooperation held in the year.
    const meetings = await app.gql<{
      meetings: {
        totalCount: number;
        edges: { node: { decisions: { text: string }[]; actionItems: { title: string }[] } }[];
      };
    }>(
      `query($filter: MeetingFilter!) { meetings(filter: $filter, first: 50) { totalCount
         edges { node { decisions { text } actionItems { title } } } } }`,
      { filter: { cooperationId: cooperation.id, from: `${Y}-01-01`, to: `${Y}-12-31` } },
    );
    const held = present(meetings.data).meetings;
    expect(held.totalCount).toBeLessThanOrEqual(50);
    const decisions = held.edges.flatMap((edge) => edge.node.decisions.map((decision) => decision.text));
    const actionItems = held.edges.flatMap((edge) => edge.node.actionItems.map((item) => item.title));
    expect(text).toContain(`Beschlüsse und Maßnahmen ${Y}`);
    for (const line of [...decisions, ...actionItems]) {
      expect(all).toContain(compact(line));
    }
    if (decisions.length === 0) expect(text).toContain(`${Y} wurden keine Beschlüsse gefasst.`);
    if (actionItems.length === 0) expect(text).toContain(`${Y} wurden keine Maßnahmen verabredet.`);

    // Umlauts and ß come through the embedded font as the characters they are.
    for (const word of ['Veränderung gegenüber', 'höchste', 'gemäß', 'Nürnberg', 'München']) {
      expect(text).toContain(word);
    }
    // The full matrix: every member city.
    for (const city of cooperation.cities) {
      expect(text).toContain(city);
    }

    // Every page A4, upright or (the matrix) on its side.
    for (let number = 1; number <= document.numPages; number++) {
      const { width, height } = (await document.getPage(number)).getViewport({ scale: 1 });
      expect([width, height].map(Math.round).sort()).toEqual([595, 842]);
    }

    // Tagged, with a structure tree, in German, with a title.
    // (pdfjs's objects come from another realm than the test's: read through their own methods.)
    const markInfo = (await document.getMarkInfo()) as unknown as {
      get?: (key: string) => unknown;
      Marked?: unknown;
    };
    expect(typeof markInfo?.get === 'function' ? markInfo.get('Marked') : markInfo?.Marked).toBe(true);
    const tree = await (await document.getPage(1)).getStructTree();
    expect(JSON.stringify(tree)).toContain('"role":"H1"');
    const info = (await document.getMetadata()).info as Record<string, unknown>;
    expect(info['Language']).toBe('de-DE');
    expect(info['Title']).toBe(`Jahresbericht ${Y} – ${cooperation.name}`);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);

    // Every font is embedded: each font descriptor carries its font file, and no standard font is used.
    const descriptors = raw.match(/\/Type \/FontDescriptor/g) ?? [];
    const files = raw.match(/\/FontFile[23] \d+ 0 R/g) ?? [];
    expect(descriptors.length).toBeGreaterThanOrEqual(2);
    expect(files).toHaveLength(descriptors.length);
    expect(raw).not.toMatch(/\/Subtype \/Type1/);
    await close();
  }, 120_000);

  it('keeps to its limits: the first entries of each digest list with the count of all, a large matrix by service', async () => {
    const { data } = await app.gql<{
      cooperations: { id: string; members: { city: { name: string } }[] }[];
    }>('{ cooperations { id members { city { name } } } }');
    const largest = present(data).cooperations.sort((a, b) => b.members.length - a.members.length)[0];
    const id = present(largest).id;
    const answer = await app.gql<{
      digest: { counts: Record<string, number> };
      adoptionMatrix: {
        cities: { id: string }[];
        projects: { id: string; title: string }[];
        cells: { projectId: string; cityId: string; stage: string }[];
      };
    }>(
      `query($id: ID!) { digest(cooperationId: $id) { counts { projectChanges newLiveAdoptions lostLiveAdoptions
         satisfactionChanges milestonesReached milestonesMissed actionItemsDone actionItemsOverdue } }
         adoptionMatrix(cooperationId: $id) { cities { id } projects { id title } cells { projectId cityId stage } } }`,
      { id },
    );
    const { digest, adoptionMatrix } = present(answer.data);
    const report = await app.app
      .get(AnnualReportReader)
      .load(Number(id), Y, new Date(), { digestEntries: 2, matrixCells: 10 });

    expect(report.digest.counts).toEqual(digest.counts);
    const lists = Object.keys(digest.counts) as DigestList[];
    for (const list of lists) {
      expect(report.digest[list]).toHaveLength(Math.min(2, digest.counts[list]));
    }
    const longest = lists.reduce((a, b) => (digest.counts[a] >= digest.counts[b] ? a : b));
    expect(digest.counts[longest]).toBeGreaterThan(2);

    // Each service with its member cities at each stage, as the matrix's cells count them.
    expect(report.matrix.kind).toBe('byService');
    if (report.matrix.kind !== 'byService') return;
    expect(report.matrix.cities).toBe(adoptionMatrix.cities.length);
    expect(report.matrix.services).toEqual(
      adoptionMatrix.projects.map((project) => {
        const cells = adoptionMatrix.cells.filter((cell) => cell.projectId === project.id);
        const stages = Object.fromEntries(
          ['NOT_PLANNED', 'EVALUATING', 'PLANNED', 'IN_ROLLOUT', 'LIVE', 'DISCONTINUED'].map((stage) => [
            stage,
            cells.filter((cell) => cell.stage === stage).length,
          ]),
        );
        return { name: project.title, stages, noRecord: adoptionMatrix.cities.length - cells.length };
      }),
    );

    const { pages, close } = await textOf(await renderAnnualReport(report));
    const all = compact(pages.join('\n'));
    expect(all).toContain(compact(`… und ${formatNumber(digest.counts[longest] - 2)} weitere`));
    expect(all).toContain(compact('je Onlinedienst die Kommunen auf jeder Stufe'));
    expect(all).toContain(compact('kein Eintrag'));
    await close();
  }, 120_000);

  it('ranks the services of the member cities rated best and weakest in a year, each pair once', async () => {
    const year = Y - 1;
    const { data } = await app.gql<{
      cooperations: {
        id: string;
        members: { city: { id: string; name: string } }[];
        workingGroups: { projects: { id: string; title: string }[] }[];
      }[];
    }>('{ cooperations { id members { city { id name } } workingGroups { projects { id title } } } }');
    const largest = present(data).cooperations.sort((a, b) => b.members.length - a.members.length)[0];
    const { id, members, workingGroups } = present(largest);
    const cityName = new Map(members.map((m) => [Number(m.city.id), m.city.name]));
    const title = new Map(workingGroups.flatMap((g) => g.projects).map((p) => [Number(p.id), p.title]));
    // Hand-written: the recorded months of the year, summed per service and city, weighted by ratings.
    const months = await app.dataSource
      .getRepository(Satisfaction)
      .findBy({ month: Between(`${year}-01`, `${year}-12`) });
    const pairs = new Map<string, { project: string; city: string; ratings: number; weighted: number }>();
    for (const month of months) {
      const city = cityName.get(Number(month.cityId));
      const project = title.get(Number(month.projectId));
      if (!city || !project || month.averageRating === null || month.ratingsCount <= 0) continue;
      const key = `${month.projectId}:${month.cityId}`;
      const pair = pairs.get(key) ?? { project, city, ratings: 0, weighted: 0 };
      pair.ratings += month.ratingsCount;
      pair.weighted += month.ratingsCount * Number(month.averageRating);
      pairs.set(key, pair);
    }
    const ranked = [...pairs.values()]
      .filter((pair) => pair.ratings >= REPORT_MIN_RATINGS)
      .map((pair) => ({ ...pair, average: pair.weighted / pair.ratings }))
      .sort(
        (a, b) =>
          b.average - a.average ||
          b.ratings - a.ratings ||
          a.project.localeCompare(b.project, 'de') ||
          a.city.localeCompare(b.city, 'de'),
      );
    expect(ranked.length).toBeGreaterThan(10);

    const answer = await app.gql<{
      satisfactionRanking: { best: RankedRow[]; weakest: RankedRow[] };
    }>(
      `query($id: ID!, $year: Int!) { satisfactionRanking(cooperationId: $id, year: $year) {
         best { project city ratings average } weakest { project city ratings average } } }`,
      { id, year },
    );
    const { best, weakest } = present(answer.data).satisfactionRanking;
    const shown = (rows: { project: string; city: string; ratings: number; average: number }[]) =>
      rows.map((row) => [row.project, row.city, row.ratings, row.average.toFixed(6)]);
    expect(shown(best)).toEqual(shown(ranked.slice(0, 5)));
    expect(shown(weakest)).toEqual(shown(ranked.slice(-5).reverse()));
  });

  it('names the file after the short name, the year and the day it was made', () => {
    expect(reportFileName('EG Mittelstädte', 2025, '2026-03-01')).toBe(
      'Jahresbericht-EG-Mittelstadte-2025-erstellt-2026-03-01.pdf',
    );
    expect(reportFileName('Großraum', 2025, '2026-03-01')).toBe(
      'Jahresbericht-Grossraum-2025-erstellt-2026-03-01.pdf',
    );
  });
});
