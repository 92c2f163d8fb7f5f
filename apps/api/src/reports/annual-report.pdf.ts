import {
  type AdoptionStage,
  ProjectHealth,
  ProjectPhase,
  REPORT_MIN_RATINGS,
  SATISFACTION_MIN_RATINGS,
} from '@koop/domain';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { AnnualReportData, DigestList, ReportMatrix, ReportMatrixCell } from './annual-report.data.js';
import {
  dateLabel,
  FOCUS,
  formatDelta,
  formatNumber,
  formatPercent,
  HEALTH,
  monthLabel,
  PHASE,
  STAGE,
} from './report-texts.js';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const font = (file: string) => fileURLToPath(new URL(`./fonts/${file}`, import.meta.url));
// Fonts are named by their files, not registered under names: pdfkit's tables restore the font of each cell
// by its file, and only a font first opened by that same file is found in pdfkit's cache instead of being
// parsed again (for every cell, which made a report take 20 seconds instead of one).
const REGULAR = font('SourceSans3-Regular.ttf');
const BOLD = font('SourceSans3-Bold.ttf');

const INK = '#1d252c';
const MUTED = '#5b6670';
const RULE = '#c3cad1';
const PRIMARY = '#1f5fa8';
/** The cockpit's grey for the year before. */
const PREVIOUS = '#6b7785';
const HEADER_FILL = '#e8edf2';
const STAGE_FILL: Record<AdoptionStage, string> = {
  LIVE: '#d4ecd5',
  IN_ROLLOUT: '#ffe0b2',
  PLANNED: '#d7e8f7',
  EVALUATING: '#ece0f6',
  NOT_PLANNED: '#eceff2',
  DISCONTINUED: '#f9d9de',
};

const MARGIN = 50;
const CELL_PADDING = 4;

/** A row of a table: the texts of its cells, optionally with a fill per cell. */
interface Row {
  cells: string[];
  fills?: (string | null)[];
}

/**
 * Writes the annual report as a tagged PDF (PDF/UA-style structure: headings, paragraphs, lists as
 * paragraphs, tables with header cells, figures with alternative text), in German, with the embedded Source
 * Sans 3 font, its charts drawn as vector graphics from the same figures as the cockpit.
 */
export async function renderAnnualReport(data: AnnualReportData): Promise<Buffer> {
  const title = `Jahresbericht ${data.year} – ${data.cooperation.name}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'de-DE',
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: title,
      Author: 'Kooperationscockpit',
      Subject: `Jahresbericht der ${data.cooperation.name} für ${data.year}, erstellt am ${dateLabel(data.madeOn)}`,
      Keywords: 'Jahresbericht, Kooperation, Onlinedienste, Nachnutzung, Zufriedenheit',
      CreationDate: new Date(`${data.madeOn}T12:00:00Z`),
    },
  });
  doc.font(REGULAR).fontSize(10).fillColor(INK);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  await new ReportWriter(doc, root, data).write();
  root.end();
  footers(doc, data);
  doc.end();
  return done;
}

/** Page numbers and the report's name on every page, marked as artifacts (not part of the text). */
function footers(doc: Doc, data: AnnualReportData): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    // Writing below the bottom margin would start a new page.
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    const y = doc.page.height - MARGIN + 8;
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `Kooperationscockpit · Jahresbericht ${data.year} · ${data.cooperation.shortName} · erstellt am ${dateLabel(data.madeOn)}`,
        MARGIN,
        y,
        { lineBreak: false },
      );
    const pageText = `Seite ${index + 1} von ${range.count}`;
    doc.text(pageText, doc.page.width - MARGIN - doc.widthOfString(pageText), y, { lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/** Table rows drawn in one turn of the event loop (some 20 ms). */
const ROWS_PER_TURN = 20;

/** Lets the event loop answer others before the report goes on. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

class ReportWriter {
  constructor(
    private readonly doc: Doc,
    private readonly root: Struct,
    private readonly data: AnnualReportData,
  ) {}

  async write(): Promise<void> {
    const sections = [
      () => this.titlePage(),
      () => this.keyFigures(),
      () => this.charts(),
      () => this.workingGroups(),
      () => this.decisions(),
      () => this.satisfaction(),
      () => this.digest(),
      () => this.matrix(),
    ];
    for (const section of sections) {
      await section();
      await nextTurn();
    }
  }

  // ——— building blocks ———

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private section(): Struct {
    const section = this.doc.struct('Sect');
    this.root.add(section);
    return section;
  }

  /** Starts a new page unless at least `space` points are left on this one. */
  private room(space: number): void {
    if (this.doc.y + space > this.bottom) {
      this.continuePage();
    }
  }

  /** A new A4 page in landscape, for the wide matrix. */
  private landscapePage(): void {
    this.doc.addPage({
      size: 'A4',
      layout: 'landscape',
      margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    });
  }

  /** A new page laid out like this one (a table running on from a landscape page stays landscape). */
  private continuePage(): void {
    const { layout, margins } = this.doc.page;
    this.doc.addPage({
      size: 'A4',
      layout: layout === 'landscape' ? 'landscape' : 'portrait',
      margins: { ...margins },
    });
  }

  private heading(parent: Struct, level: 1 | 2 | 3, text: string): void {
    const size = { 1: 20, 2: 15, 3: 12 }[level];
    this.room(size * 3 + 40);
    if (level > 1) this.doc.moveDown(level === 2 ? 0.8 : 0.5);
    parent.add(
      this.doc.struct(`H${level}`, {}, () => {
        this.doc.font(BOLD).fontSize(size).fillColor(INK).text(text, this.doc.page.margins.left, this.doc.y);
      }),
    );
    this.doc.moveDown(0.3);
  }

  private paragraph(parent: Struct, text: string, options: { muted?: boolean; size?: number } = {}): void {
    parent.add(
      this.doc.struct('P', {}, () => {
        this.doc
          .font(REGULAR)
          .fontSize(options.size ?? 10)
          .fillColor(options.muted ? MUTED : INK)
          .text(text, this.doc.page.margins.left, this.doc.y, { width: this.width });
      }),
    );
    this.doc.moveDown(0.4);
  }

  /** A list, tagged as L with LI/LBody items. */
  private list(parent: Struct, items: string[]): void {
    const list = this.doc.struct('L');
    parent.add(list);
    for (const item of items) {
      this.room(16);
      const entry = this.doc.struct('LI');
      list.add(entry);
      entry.add(
        this.doc.struct('LBody', {}, () => {
          this.doc
            .font(REGULAR)
            .fontSize(10)
            .fillColor(INK)
            .text(`•  ${item}`, this.doc.page.margins.left + 6, this.doc.y, { width: this.width - 6 });
        }),
      );
      entry.end();
    }
    list.end();
    this.doc.moveDown(0.4);
  }

  /**
   * A table whose header row is repeated on every page it runs onto. Each page's part is its own tagged
   * Table (header cells TH with column scope), because pdfkit's tables do not repeat headers themselves.
   */
  private async table(
    parent: Struct,
    header: string[],
    rows: Row[],
    widths: number[],
    options: { size?: number; align?: ('left' | 'right' | 'center')[]; headerHeight?: number } = {},
  ): Promise<void> {
    const doc = this.doc;
    const size = options.size ?? 9;
    const heightOf = (cells: string[], bold: boolean) => {
      doc.font(bold ? BOLD : REGULAR).fontSize(size);
      return (
        Math.max(
          ...cells.map((text, index) =>
            doc.heightOfString(text || ' ', { width: widths[index] - 2 * CELL_PADDING }),
          ),
        ) +
        2 * CELL_PADDING
      );
    };
    const headerHeight = Math.max(options.headerHeight ?? 0, heightOf(header, true));
    const align = (index: number) => options.align?.[index] ?? 'left';
    const columnStyles = widths.map((width) => ({ width }));
    // Fonts are set on the document before each row: a font given per cell is switched for every cell.
    const headerRow = header.map((text, index) => ({
      text,
      type: 'TH' as const,
      scope: 'column',
      backgroundColor: HEADER_FILL,
      align: { x: align(index), y: 'bottom' as const },
    }));

    let table: PDFKit.Mixins.PDFTableObject | null = null;
    const start = () => {
      table = doc.table({
        structParent: parent,
        position: { x: doc.page.margins.left, y: doc.y },
        columnStyles,
        defaultStyle: { border: 0.5, borderColor: RULE, padding: CELL_PADDING },
      } as PDFKit.Mixins.TableOptions);
      doc.font(BOLD).fontSize(size).fillColor(INK);
      table.row(headerRow.map((cell) => ({ ...cell, height: headerHeight })) as PDFKit.Mixins.RowOptions[]);
      doc.font(REGULAR).fontSize(size);
    };
    this.room(headerHeight + heightOf(rows[0]?.cells ?? [''], false) + 4);
    start();
    for (const [index, row] of rows.entries()) {
      // A long table (hundreds of services) is drawn in turns of the event loop: others are answered meanwhile.
      if (index > 0 && index % ROWS_PER_TURN === 0)
        await new Promise<void>((resolve) => setImmediate(resolve));
      const height = heightOf(row.cells, false);
      doc.font(REGULAR).fontSize(size);
      if (doc.y + height > this.bottom) {
        (table as PDFKit.Mixins.PDFTableObject | null)?.end();
        this.continuePage();
        start();
      }
      (table as PDFKit.Mixins.PDFTableObject | null)?.row(
        row.cells.map((text, index) => ({
          text,
          align: { x: align(index), y: 'top' as const },
          ...(row.fills?.[index] ? { backgroundColor: row.fills[index] as string } : {}),
        })),
      );
    }
    (table as PDFKit.Mixins.PDFTableObject | null)?.end();
    doc.x = doc.page.margins.left;
    doc.moveDown(0.6);
  }

  /** A chart: a tagged Figure with the text alternative, drawn by `draw` into a box `height` high. */
  private figure(
    parent: Struct,
    caption: string,
    alt: string,
    height: number,
    draw: (x: number, y: number, w: number, h: number) => void,
  ): void {
    this.room(height + 40);
    parent.add(
      this.doc.struct('P', {}, () => {
        this.doc.font(BOLD).fontSize(10).fillColor(INK).text(caption, this.doc.page.margins.left, this.doc.y);
      }),
    );
    const x = this.doc.page.margins.left;
    const y = this.doc.y + 4;
    parent.add(
      this.doc.struct('Figure', { alt }, () => {
        this.doc.save();
        draw(x, y, this.width, height);
        this.doc.restore();
      }),
    );
    this.doc.x = x;
    this.doc.y = y + height + 8;
  }

  // ——— sections ———

  private titlePage(): void {
    const { data } = this;
    const section = this.section();
    this.doc.y = MARGIN + 60;
    section.add(
      this.doc.struct('H1', {}, () => {
        this.doc
          .font(BOLD)
          .fontSize(26)
          .fillColor(INK)
          .text(`Jahresbericht ${data.year}`, MARGIN, this.doc.y);
        this.doc
          .font(BOLD)
          .fontSize(18)
          .fillColor(PRIMARY)
          .text(data.cooperation.name, { width: this.width });
      }),
    );
    this.doc.moveDown(1);
    const asOf =
      data.asOf === `${data.year}-12-31`
        ? `Stand: Ende ${data.year} (31.12.${data.year}).`
        : `Stand: ${dateLabel(data.asOf)}; das Jahr ${data.year} ist noch nicht abgeschlossen.`;
    this.paragraph(section, `Erstellt am ${dateLabel(data.madeOn)}. ${asOf}`);
    this.paragraph(
      section,
      'Dieser Bericht fasst für das Jahrestreffen der Digitalisierungsverantwortlichen zusammen, wie es um die ' +
        'gemeinsamen Projekte, die Nachnutzung der Onlinedienste und die Zufriedenheit der Bürgerinnen und Bürger ' +
        'steht. Alle Zahlen stammen aus dem Kooperationscockpit und sind gemäß seiner Zählweise berechnet: ' +
        'Projekte im Stand ihrer letzten Statusmeldung, Nachnutzungen im Stand ihrer letzten Änderung, ' +
        'Zufriedenheit gewichtet nach der Zahl der Bewertungen.',
    );
    this.paragraph(section, 'Inhalt:', { muted: true });
    this.list(section, [
      `Kennzahlen mit Veränderung gegenüber ${data.year - 1}`,
      'Diagramme',
      'Arbeitskreise und ihre Projekte',
      `Beschlüsse und Maßnahmen ${data.year}`,
      'Zufriedenheit: höchste und niedrigste Bewertungen',
      'Seit dem letzten Jahrestreffen',
      data.matrix.kind === 'cells'
        ? 'Nachnutzungsmatrix (alle Kommunen und Onlinedienste)'
        : 'Nachnutzungsmatrix (je Onlinedienst die Kommunen auf jeder Stufe)',
    ]);
    section.end();
  }

  private async keyFigures(): Promise<void> {
    const { overview: current, previous, year } = this.data;
    const section = this.section();
    this.heading(section, 2, `Kennzahlen ${year}`);
    const health = (overview: typeof current | null, key: ProjectHealth) =>
      overview?.projectsByHealth.find((count) => count.key === key)?.count ?? null;
    type Kind = 'count' | 'rate' | 'rating';
    const rows: [string, Kind, number | null, number | null][] = [
      ['Aktive Projekte', 'count', current.activeProjects, previous?.activeProjects ?? null],
      ['davon im Plan', 'count', health(current, ProjectHealth.GREEN), health(previous, ProjectHealth.GREEN)],
      [
        'davon gefährdet',
        'count',
        health(current, ProjectHealth.AMBER),
        health(previous, ProjectHealth.AMBER),
      ],
      ['davon kritisch', 'count', health(current, ProjectHealth.RED), health(previous, ProjectHealth.RED)],
      ['Live-Onlinedienste', 'count', current.servicesLive, previous?.servicesLive ?? null],
      ['Nachnutzungsquote', 'rate', current.adoptionRate, previous?.adoptionRate ?? null],
      [
        'Durchschnittliche Zufriedenheit',
        'rating',
        current.averageSatisfaction,
        previous?.averageSatisfaction ?? null,
      ],
      ['Abschlussquote', 'rate', current.completionRate, previous?.completionRate ?? null],
    ];
    const shown = (kind: Kind, value: number | null) =>
      value === null
        ? '–'
        : kind === 'rate'
          ? formatPercent(value)
          : formatNumber(value, kind === 'rating' ? 2 : 0);
    const delta = (kind: Kind, value: number | null, before: number | null) => {
      if (value === null || before === null) return '–';
      if (kind === 'rate') return formatDelta((value - before) * 100, 1, ' Pp.');
      return formatDelta(value - before, kind === 'rating' ? 2 : 0);
    };
    await this.table(
      section,
      ['Kennzahl', String(year), String(year - 1), `Veränderung gegenüber ${year - 1}`],
      rows.map(([label, kind, value, before]) => ({
        cells: [label, shown(kind, value), shown(kind, before), delta(kind, value, before)],
      })),
      [175, 80, 80, this.width - 335],
      { align: ['left', 'right', 'right', 'right'], size: 10 },
    );
    this.paragraph(
      section,
      `Nachnutzungsquote: ${formatNumber(current.liveAdoptions)} Live-Nachnutzungen von ${formatNumber(current.memberCities)} ` +
        `Mitgliedskommunen × ${formatNumber(current.onlineServices)} Onlinediensten. Durchschnittliche Zufriedenheit ` +
        `auf der Skala von 1 bis 5 Sternen aus ${formatNumber(current.ratingsCount)} Bewertungen. Abschlussquote: ` +
        'abgeschlossene ÷ begonnene Online-Vorgänge. Pp. = Prozentpunkte.',
      { muted: true, size: 9 },
    );
    section.end();
  }

  private charts(): void {
    const { overview: current, previous, year, months } = this.data;
    const section = this.section();
    this.doc.addPage();
    this.heading(section, 2, 'Diagramme');
    const phases = Object.values(ProjectPhase);
    const healths = Object.values(ProjectHealth);
    const countsOf = (
      overview: typeof current | null,
      list: 'projectsByPhase' | 'projectsByHealth',
      keys: string[],
    ) => (overview ? keys.map((key) => overview[list].find((count) => count.key === key)?.count ?? 0) : null);
    const bars = (caption: string, labels: string[], now: number[], before: number[] | null) => {
      const items = labels.map(
        (label, index) => `${label} ${now[index]}${before ? ` (${year - 1}: ${before[index]})` : ''}`,
      );
      this.figure(section, caption, `${caption}: ${items.join(', ')}.`, 140, (x, y, w, h) =>
        this.barChart(x, y, w, h, labels, [
          { label: String(year), values: now, color: PRIMARY },
          ...(before ? [{ label: String(year - 1), values: before, color: PREVIOUS }] : []),
        ]),
      );
    };
    bars(
      `Projekte nach Phase, ${year} und ${year - 1}`,
      phases.map((phase) => PHASE[phase]),
      countsOf(current, 'projectsByPhase', phases) ?? [],
      countsOf(previous, 'projectsByPhase', phases),
    );
    bars(
      `Aktive Projekte nach Status, ${year} und ${year - 1}`,
      healths.map((health) => HEALTH[health]),
      countsOf(current, 'projectsByHealth', healths) ?? [],
      countsOf(previous, 'projectsByHealth', healths),
    );

    const adoption = months.map(
      (month) => this.data.adoptionTimeline.find((point) => point.month === month)?.count ?? null,
    );
    const present = adoption.filter((value): value is number => value !== null);
    this.figure(
      section,
      `Live-Nachnutzungen am Monatsende, ${year}`,
      present.length
        ? `Live-Nachnutzungen am Monatsende ${year}: ${months.map((month, index) => `${monthLabel(month, false)} ${adoption[index] ?? '–'}`).join(', ')}.`
        : `Für ${year} liegen keine Monate vor.`,
      135,
      (x, y, w, h) =>
        this.lineChart(
          x,
          y,
          w,
          h,
          months,
          [{ label: 'Live-Nachnutzungen', values: adoption, color: PRIMARY }],
          0,
          null,
          0,
        ),
    );

    const averages = months.map(
      (month) => this.data.satisfaction.find((point) => point.month === month)?.averageRating ?? null,
    );
    const ratings = months.map(
      (month) => this.data.satisfaction.find((point) => point.month === month)?.ratingsCount ?? 0,
    );
    this.figure(
      section,
      `Durchschnittliche Zufriedenheit je Monat (1–5 Sterne), ${year}`,
      averages.some((value) => value !== null)
        ? `Durchschnittliche Zufriedenheit ${year}: ${months
            .map(
              (month, index) =>
                `${monthLabel(month, false)} ${averages[index] === null ? 'keine Bewertung' : `${formatNumber(averages[index] as number, 2)} (${formatNumber(ratings[index])} Bewertungen)`}`,
            )
            .join(', ')}.`
        : `Für ${year} liegen keine Bewertungen vor.`,
      135,
      (x, y, w, h) =>
        this.lineChart(
          x,
          y,
          w,
          h,
          months,
          [{ label: 'Durchschnitt', values: averages, color: PRIMARY }],
          1,
          5,
          1,
        ),
    );
    section.end();
  }

  private async workingGroups(): Promise<void> {
    const section = this.section();
    this.doc.addPage();
    this.heading(section, 2, 'Arbeitskreise und ihre Projekte');
    this.paragraph(
      section,
      `Stand jedes Projekts laut seiner letzten Statusmeldung bis ${dateLabel(this.data.asOf)}.`,
      { muted: true, size: 9 },
    );
    for (const group of this.data.workingGroups) {
      this.heading(section, 3, group.name);
      const counts = (Object.keys(HEALTH) as ProjectHealth[])
        .map(
          (health) => [health, group.projects.filter((project) => project.health === health).length] as const,
        )
        .filter(([, count]) => count > 0)
        .map(([health, count]) => `${count} ${HEALTH[health].toLowerCase()}`);
      this.paragraph(
        section,
        `Schwerpunkt ${FOCUS[group.focus]}${group.leadCity ? `, Federführung ${group.leadCity}` : ''}. ` +
          (group.projects.length === 0
            ? 'Keine Projekte.'
            : `${group.projects.length} ${group.projects.length === 1 ? 'Projekt' : 'Projekte'}: ${counts.join(', ')}.`),
      );
      if (group.projects.length > 0) {
        await this.table(
          section,
          ['Projekt', 'Phase', 'Status', 'Fortschritt', 'Letzte Meldung'],
          group.projects.map((project) => ({
            cells: [
              project.title,
              PHASE[project.phase],
              HEALTH[project.health],
              `${project.progress} %`,
              project.summary.length > 160 ? `${project.summary.slice(0, 157)}…` : project.summary,
            ],
          })),
          [130, 70, 60, 52, this.width - 312],
          { align: ['left', 'left', 'left', 'right', 'left'], size: 8.5 },
        );
      }
    }
    section.end();
  }

  private async decisions(): Promise<void> {
    const { decisions, actionItems, year, asOf } = this.data;
    const section = this.section();
    this.doc.addPage();
    this.heading(section, 2, `Beschlüsse und Maßnahmen ${year}`);
    this.paragraph(
      section,
      `Was die Jahrestreffen und die Sitzungen der Arbeitskreise ${year} beschlossen und verabredet haben.`,
      { muted: true, size: 9 },
    );
    this.heading(section, 3, 'Beschlüsse');
    if (decisions.length === 0) {
      this.paragraph(section, `${year} wurden keine Beschlüsse gefasst.`);
    } else {
      await this.table(
        section,
        ['Beschluss', 'Sitzung', 'Projekte'],
        decisions.map((decision) => ({
          cells: [
            decision.text,
            `${decision.meeting}, ${dateLabel(decision.on)}`,
            decision.projects.join(', ') || '–',
          ],
        })),
        [this.width - 280, 150, 130],
      );
    }
    this.heading(section, 3, 'Maßnahmen');
    if (actionItems.length === 0) {
      this.paragraph(section, `${year} wurden keine Maßnahmen verabredet.`);
    } else {
      const STATUS = { OPEN: 'offen', DONE: 'erledigt', DROPPED: 'verworfen' } as const;
      await this.table(
        section,
        ['Maßnahme', 'Verantwortlich', 'Fällig', 'Stand'],
        actionItems.map((item) => ({
          cells: [
            item.title,
            item.owner ?? '–',
            dateLabel(item.dueOn),
            item.overdue ? `überfällig (${STATUS[item.status]})` : STATUS[item.status],
          ],
          fills: [null, null, null, item.overdue ? '#f9d9de' : null],
        })),
        [this.width - 290, 130, 70, 90],
      );
      this.paragraph(section, `Überfällig: offen nach dem Fälligkeitstag, Stand ${dateLabel(asOf)}.`, {
        muted: true,
        size: 9,
      });
    }
    section.end();
  }

  private async satisfaction(): Promise<void> {
    const { best, weakest, year } = this.data;
    const section = this.section();
    this.heading(section, 2, 'Zufriedenheit: höchste und niedrigste Bewertungen');
    this.paragraph(
      section,
      `Onlinedienste je Kommune mit mindestens ${REPORT_MIN_RATINGS} Bewertungen im Jahr ${year}; Durchschnitt gewichtet nach der Zahl der Bewertungen.`,
      { muted: true, size: 9 },
    );
    if (best.length === 0) {
      this.paragraph(
        section,
        `Kein Onlinedienst erreichte ${year} in einer Kommune ${REPORT_MIN_RATINGS} Bewertungen.`,
      );
    }
    const rated = async (caption: string, rows: typeof best) => {
      if (rows.length === 0) return;
      this.heading(section, 3, caption);
      await this.table(
        section,
        ['Onlinedienst', 'Kommune', 'Durchschnitt', 'Bewertungen'],
        rows.map((row) => ({
          cells: [row.project, row.city, formatNumber(row.average, 2), formatNumber(row.ratings)],
        })),
        [185, 140, 80, this.width - 405],
        { align: ['left', 'left', 'right', 'right'] },
      );
    };
    await rated('Am besten bewertet', best);
    await rated('Am schwächsten bewertet', weakest);
    section.end();
  }

  private async digest(): Promise<void> {
    const { digest } = this.data;
    const section = this.section();
    this.doc.addPage();
    this.heading(section, 2, 'Seit dem letzten Jahrestreffen');
    this.paragraph(
      section,
      `Was sich vom ${dateLabel(digest.from)} bis zum ${dateLabel(digest.to)} geändert hat, berechnet aus den ` +
        'Verläufen der Statusmeldungen, Nachnutzungen, Zufriedenheitsmonate und Meilensteine.',
      { muted: true, size: 9 },
    );
    const part = async (
      list: DigestList,
      caption: string,
      empty: string,
      header: string[],
      rows: string[][],
      widths: number[],
    ) => {
      const count = digest.counts[list];
      this.heading(section, 3, count > 0 ? `${caption} (${formatNumber(count)})` : caption);
      if (rows.length === 0) {
        this.paragraph(section, empty);
      } else {
        await this.table(
          section,
          header,
          rows.map((cells) => ({ cells })),
          widths,
        );
        if (count > rows.length) {
          this.paragraph(
            section,
            `… und ${formatNumber(count - rows.length)} weitere: alle im Cockpit unter „Seit dem letzten Jahrestreffen“.`,
            { muted: true, size: 9 },
          );
        }
      }
    };
    const w = this.width;
    await part(
      'projectChanges',
      'Projekte mit neuer Phase oder neuem Status',
      'Kein Projekt hat Phase oder Status geändert.',
      ['Projekt', 'Phase vorher → nachher', 'Status vorher → nachher'],
      digest.projectChanges.map((change) => [
        change.project,
        change.fromPhase === change.toPhase
          ? `${PHASE[change.toPhase]} (unverändert)`
          : `${change.fromPhase ? PHASE[change.fromPhase] : 'neu'} → ${PHASE[change.toPhase]}`,
        change.fromHealth === change.toHealth
          ? `${HEALTH[change.toHealth]} (unverändert)`
          : `${change.fromHealth ? HEALTH[change.fromHealth] : 'neu'} → ${HEALTH[change.toHealth]}`,
      ]),
      [w - 300, 150, 150],
    );
    await part(
      'newLiveAdoptions',
      'Neu live gegangene Nachnutzungen',
      'Keine Nachnutzung ist neu live gegangen.',
      ['Onlinedienst', 'Kommune'],
      digest.newLiveAdoptions.map((adoption) => [adoption.project, adoption.city]),
      [w / 2, w / 2],
    );
    await part(
      'lostLiveAdoptions',
      'Beendete Nachnutzungen',
      'Keine Live-Nachnutzung wurde beendet.',
      ['Onlinedienst', 'Kommune'],
      digest.lostLiveAdoptions.map((adoption) => [adoption.project, adoption.city]),
      [w / 2, w / 2],
    );
    await part(
      'satisfactionChanges',
      'Deutliche Veränderungen der Zufriedenheit',
      'Keine Veränderung über der Schwelle.',
      ['Onlinedienst', 'Kommune', 'Vorher', 'Nachher'],
      digest.satisfactionChanges.map((change) => [
        change.project,
        change.city,
        formatNumber(change.before, 2),
        formatNumber(change.after, 2),
      ]),
      [w - 260, 140, 60, 60],
    );
    this.paragraph(
      section,
      `Verglichen werden die drei Monate vor dem Zeitraum mit seinen letzten drei Monaten; gezeigt werden ` +
        `Veränderungen ab 0,3 Sternen, mit mindestens ${SATISFACTION_MIN_RATINGS} Bewertungen auf beiden Seiten.`,
      { muted: true, size: 9 },
    );
    await part(
      'milestonesReached',
      'Erreichte Meilensteine',
      'Kein Meilenstein wurde erreicht.',
      ['Meilenstein', 'Projekt', 'Erreicht am'],
      digest.milestonesReached.map((milestone) => [
        milestone.title,
        milestone.project,
        dateLabel(milestone.on),
      ]),
      [w - 300, 220, 80],
    );
    await part(
      'milestonesMissed',
      'Verpasste Meilensteine',
      'Kein Meilenstein wurde verpasst.',
      ['Meilenstein', 'Projekt', 'Fällig am'],
      digest.milestonesMissed.map((milestone) => [
        milestone.title,
        milestone.project,
        dateLabel(milestone.on),
      ]),
      [w - 300, 220, 80],
    );
    await part(
      'actionItemsDone',
      'Erledigte Maßnahmen',
      'Keine Maßnahme wurde erledigt.',
      ['Maßnahme'],
      digest.actionItemsDone.map((item) => [item.title]),
      [w],
    );
    await part(
      'actionItemsOverdue',
      'Überfällige Maßnahmen',
      'Keine Maßnahme ist überfällig.',
      ['Maßnahme', 'Fällig am'],
      digest.actionItemsOverdue.map((item) => [item.title, dateLabel(item.dueOn)]),
      [w - 80, 80],
    );
    section.end();
  }

  /**
   * The whole matrix on landscape pages: services in groups of columns, every city a row, headers repeated;
   * a matrix too large for that as a table of its services with their cities at each stage.
   */
  private async matrix(): Promise<void> {
    const { matrix } = this.data;
    const section = this.section();
    this.landscapePage();
    this.heading(section, 2, 'Nachnutzungsmatrix');
    if (matrix.kind === 'byService') {
      await this.matrixByService(section, matrix);
      section.end();
      return;
    }
    this.paragraph(
      section,
      `${formatNumber(matrix.cities.length)} Mitgliedskommunen × ${formatNumber(matrix.services.length)} Onlinedienste, ` +
        'Stand heute. Jede Zelle nennt die Stufe der Nachnutzung und den OZG-Reifegrad (Modell/Stufe); „–“ heißt: kein Eintrag.',
      { muted: true, size: 9 },
    );
    const cityWidth = 130;
    const perPage = Math.max(1, Math.floor((this.width - cityWidth) / 68));
    const cellText = (cell: ReportMatrixCell | null) =>
      cell === null
        ? '–'
        : `${STAGE[cell.stage]}${cell.maturityLevel === null ? '' : `\n${cell.maturityModel}/${cell.maturityLevel}`}`;
    for (let first = 0; first < matrix.services.length; first += perPage) {
      const services = matrix.services.slice(first, first + perPage);
      const columnWidth = (this.width - cityWidth) / services.length;
      if (first > 0) {
        this.landscapePage();
      }
      this.paragraph(
        section,
        `Onlinedienste ${first + 1} bis ${first + services.length} von ${matrix.services.length}`,
        { size: 9 },
      );
      await this.table(
        section,
        ['Kommune', ...services],
        matrix.cities.map((city, row) => {
          const cells = services.map((_service, index) => matrix.cells[row]?.[first + index] ?? null);
          return {
            cells: [city, ...cells.map(cellText)],
            fills: [null, ...cells.map((cell) => (cell ? STAGE_FILL[cell.stage] : null))],
          };
        }),
        [cityWidth, ...services.map(() => columnWidth)],
        { size: 7.5 },
      );
    }
    section.end();
  }

  /** Each service with the number of member cities at each stage, and of those without a record. */
  private async matrixByService(
    section: Struct,
    matrix: Extract<ReportMatrix, { kind: 'byService' }>,
  ): Promise<void> {
    const cells = matrix.cities * matrix.services.length;
    this.paragraph(
      section,
      `${formatNumber(matrix.cities)} Mitgliedskommunen × ${formatNumber(matrix.services.length)} Onlinedienste, ` +
        `Stand heute: ${formatNumber(cells)} Felder, zu viele für diesen Bericht. Hier steht je Onlinedienst, ` +
        'wie viele Kommunen ihn auf welcher Stufe nachnutzen; die Matrix mit jeder Kommune gibt es im Cockpit ' +
        'unter „Nachnutzung“, auch als CSV- und Excel-Datei.',
      { muted: true, size: 9 },
    );
    const stages = Object.keys(STAGE) as AdoptionStage[];
    const countWidth = 62;
    await this.table(
      section,
      ['Onlinedienst', ...stages.map((stage) => STAGE[stage]), 'kein Eintrag'],
      matrix.services.map((service) => ({
        cells: [
          service.name,
          ...stages.map((stage) => formatNumber(service.stages[stage])),
          formatNumber(service.noRecord),
        ],
      })),
      [this.width - countWidth * (stages.length + 1), ...stages.map(() => countWidth), countWidth],
      { size: 8, align: ['left', ...stages.map(() => 'right' as const), 'right'] },
    );
  }

  // ——— charts ———

  /** Grouped bars with a value axis from 0, one colour per series, and a legend. */
  private barChart(
    x: number,
    y: number,
    w: number,
    h: number,
    labels: string[],
    series: { label: string; values: number[]; color: string }[],
  ): void {
    const doc = this.doc;
    const axisWidth = 28;
    const legendHeight = 14;
    const labelHeight = 24;
    const plot = {
      x: x + axisWidth,
      y: y + legendHeight,
      w: w - axisWidth,
      h: h - legendHeight - labelHeight,
    };
    const { max, ticks } = niceScale(Math.max(1, ...series.flatMap((s) => s.values)));
    this.valueAxis(plot, 0, max, 0, ticks);
    const group = plot.w / labels.length;
    const barWidth = Math.min(22, (group * 0.7) / series.length);
    labels.forEach((label, index) => {
      const start = plot.x + group * index + (group - barWidth * series.length) / 2;
      series.forEach((s, si) => {
        const value = s.values[index] ?? 0;
        const height = (value / max) * plot.h;
        doc.rect(start + si * barWidth, plot.y + plot.h - height, barWidth - 2, height).fill(s.color);
        doc
          .font(REGULAR)
          .fontSize(7)
          .fillColor(INK)
          .text(String(value), start + si * barWidth - 4, plot.y + plot.h - height - 9, {
            width: barWidth + 6,
            align: 'center',
            lineBreak: false,
          });
      });
      doc
        .font(REGULAR)
        .fontSize(8)
        .fillColor(INK)
        .text(label, plot.x + group * index, plot.y + plot.h + 4, { width: group, align: 'center' });
    });
    this.legend(x + axisWidth, y, series);
  }

  /** Lines over the months, gaps where a month has no value; `digits` of the axis labels. */
  private lineChart(
    x: number,
    y: number,
    w: number,
    h: number,
    months: string[],
    series: { label: string; values: (number | null)[]; color: string }[],
    min: number,
    fixedMax: number | null,
    digits: number,
  ): void {
    const doc = this.doc;
    const axisWidth = 28;
    const labelHeight = 14;
    const plot = { x: x + axisWidth, y: y + 6, w: w - axisWidth - 6, h: h - labelHeight - 6 };
    const scale =
      fixedMax === null
        ? niceScale(Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))))
        : { max: fixedMax, ticks: 4 };
    const max = scale.max;
    this.valueAxis(plot, min, max, digits, scale.ticks);
    const step = months.length > 1 ? plot.w / (months.length - 1) : 0;
    const xOf = (index: number) => (months.length > 1 ? plot.x + step * index : plot.x + plot.w / 2);
    const yOf = (value: number) => plot.y + plot.h - ((value - min) / (max - min)) * plot.h;
    months.forEach((month, index) => {
      doc
        .font(REGULAR)
        .fontSize(7.5)
        .fillColor(INK)
        .text(monthLabel(month, false), xOf(index) - 15, plot.y + plot.h + 4, {
          width: 30,
          align: 'center',
          lineBreak: false,
        });
    });
    for (const s of series) {
      let drawing = false;
      s.values.forEach((value, index) => {
        if (value === null) {
          drawing = false;
          return;
        }
        if (drawing) doc.lineTo(xOf(index), yOf(value));
        else doc.moveTo(xOf(index), yOf(value));
        drawing = true;
      });
      doc.lineWidth(1.8).strokeColor(s.color).stroke();
      s.values.forEach((value, index) => {
        if (value !== null) doc.circle(xOf(index), yOf(value), 2.2).fill(s.color);
      });
    }
  }

  private valueAxis(
    plot: { x: number; y: number; w: number; h: number },
    min: number,
    max: number,
    digits: number,
    ticks: number,
  ): void {
    const doc = this.doc;
    for (let tick = 0; tick <= ticks; tick++) {
      const value = min + ((max - min) * tick) / ticks;
      const lineY = plot.y + plot.h - (plot.h * tick) / ticks;
      doc
        .moveTo(plot.x, lineY)
        .lineTo(plot.x + plot.w, lineY)
        .lineWidth(tick === 0 ? 0.8 : 0.4)
        .strokeColor(tick === 0 ? MUTED : RULE)
        .stroke();
      doc
        .font(REGULAR)
        .fontSize(7)
        .fillColor(MUTED)
        .text(formatNumber(value, digits), plot.x - 28, lineY - 4, {
          width: 24,
          align: 'right',
          lineBreak: false,
        });
    }
  }

  private legend(x: number, y: number, series: { label: string; color: string }[]): void {
    let at = x;
    for (const s of series) {
      this.doc.rect(at, y + 2, 8, 8).fill(s.color);
      this.doc
        .font(REGULAR)
        .fontSize(8)
        .fillColor(INK)
        .text(s.label, at + 11, y + 1, { lineBreak: false });
      at += 16 + this.doc.widthOfString(s.label) + 12;
    }
  }
}

/** A round upper end for a value axis from 0, and its number of steps (at most five) of 1, 2 or 5 × 10ⁿ. */
function niceScale(value: number): { max: number; ticks: number } {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of [magnitude, 2 * magnitude, 5 * magnitude]) {
      const ticks = Math.max(1, Math.ceil(value / step));
      if (ticks <= 5) return { max: ticks * step, ticks };
    }
  }
}
