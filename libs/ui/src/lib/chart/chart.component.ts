import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import type { ChartConfiguration, ChartType } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { chartCsv, downloadCsv } from '../csv/csv';
import { CHART_PALETTE, type ChartSeries, type ChartTexts } from './chart.types';

let nextId = 0;

/** Share of the root font size that axis texts take: 13 px of the default 16 px. */
const AXIS_TEXT_SCALE = 13 / 16;

/**
 * The axis text size in pixels, following the root font size — the browser's text size setting — since
 * a canvas draws text in pixels and would not grow with it by itself (WCAG 1.4.4).
 */
export function axisFontSize(root: Element | null = globalThis.document?.documentElement ?? null): number {
  const size = root ? Number.parseFloat(getComputedStyle(root).fontSize) : Number.NaN;
  return Math.round((Number.isFinite(size) && size > 0 ? size : 16) * AXIS_TEXT_SCALE);
}

/**
 * A bar or line chart with its accessible alternative: a data table reachable with the keyboard and a
 * CSV download of exactly the data drawn. The canvas itself carries a one-sentence summary.
 */
@Component({
  selector: 'koop-chart',
  imports: [BaseChartDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart" [attr.aria-labelledby]="id + '-caption'">
      <figcaption [id]="id + '-caption'">{{ caption() }}</figcaption>
      <!-- In rem, so that the chart grows with the browser's text size as its axis texts do. -->
      <div class="canvas" [style.height.rem]="height() / 16" [attr.data-font-size]="fontSize">
        <canvas
          baseChart
          role="img"
          [attr.aria-label]="summary()"
          [type]="kind()"
          [data]="data()"
          [options]="options()"
        ></canvas>
      </div>
      <div class="actions">
        <!-- Each name begins with the visible text and adds the chart's caption: several charts on a page,
             each button still says which chart it is for. -->
        <button
          type="button"
          [attr.aria-expanded]="tableShown()"
          [attr.aria-controls]="id + '-table'"
          [attr.aria-label]="(tableShown() ? texts().hideTable : texts().showTable) + ': ' + caption()"
          (click)="toggleTable()"
        >
          {{ tableShown() ? texts().hideTable : texts().showTable }}
        </button>
        <button type="button" [attr.aria-label]="texts().downloadCsv + ': ' + caption()" (click)="download()">
          {{ texts().downloadCsv }}
        </button>
      </div>
      <div
        class="table-wrap"
        role="region"
        tabindex="0"
        [attr.aria-label]="caption()"
        [id]="id + '-table'"
        [hidden]="!tableShown()"
      >
        <table>
          <caption>
            {{
              caption()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ texts().category }}</th>
              @for (s of series(); track s.label) {
                <th scope="col">{{ s.label }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (label of labels(); track $index; let row = $index) {
              <tr>
                <th scope="row">{{ label }}</th>
                @for (s of series(); track s.label) {
                  <td>{{ formatted(s.values[row]) }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    </figure>
  `,
  styles: `
    .chart {
      margin: 0;
    }
    figcaption {
      font-weight: 600;
      margin-bottom: 0.5rem;
    }
    .canvas {
      position: relative;
      width: 100%;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    button {
      font: inherit;
      padding: 0.3rem 0.75rem;
      border: 1px solid #0b4f8a;
      border-radius: 4px;
      background: #fff;
      color: #0b4f8a;
      cursor: pointer;
    }
    button:hover {
      background: #e8f0f8;
    }
    .table-wrap {
      overflow-x: auto;
      margin-top: 0.5rem;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding-bottom: 0.25rem;
    }
    th,
    td {
      border-bottom: 1px solid #c9d2dc;
      padding: 0.25rem 0.75rem;
      text-align: right;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: left;
    }
  `,
})
export class ChartComponent {
  readonly kind = input<Extract<ChartType, 'bar' | 'line'>>('bar');
  readonly caption = input.required<string>();
  /** One sentence saying what the chart shows, for screen readers. */
  readonly summary = input.required<string>();
  readonly labels = input.required<readonly string[]>();
  readonly series = input.required<readonly ChartSeries[]>();
  readonly texts = input.required<ChartTexts>();
  /** BCP 47 locale for numbers in the table and on the axes. */
  readonly locale = input('de-DE');
  readonly fractionDigits = input(0);
  readonly stacked = input(false);
  readonly yMin = input<number | undefined>(undefined);
  readonly yMax = input<number | undefined>(undefined);
  /** Height in CSS pixels at the browser's default text size of 16 px; it grows with the text size. */
  readonly height = input(280);
  /** File name of the CSV download, without extension. */
  readonly csvName = input.required<string>();
  /** The months (`YYYY-MM`) the categories stand for, when they are months: the CSV writes them as dates. */
  readonly categoryMonths = input<readonly string[] | null>(null);

  protected readonly id = `koop-chart-${nextId++}`;
  /** Axis and legend text, 13 px at the default text size and larger with the user's text size. */
  protected readonly fontSize = axisFontSize();
  protected readonly tableShown = signal(false);

  private readonly numberFormat = computed(
    () => new Intl.NumberFormat(this.locale(), { maximumFractionDigits: this.fractionDigits() }),
  );

  protected readonly data = computed<ChartConfiguration['data']>(() => ({
    labels: [...this.labels()],
    datasets: this.series().map((s, index) => {
      const color = s.color ?? CHART_PALETTE[index % CHART_PALETTE.length];
      return {
        label: s.label,
        ...(s.kind ? { type: s.kind } : {}),
        ...(s.secondaryAxis ? { yAxisID: 'y2' } : {}),
        data: [...s.values],
        backgroundColor: s.fillToPrevious ? `${color}33` : color,
        borderColor: color,
        pointRadius: s.hidePoints ? 0 : 2,
        tension: 0.2,
        spanGaps: true,
        ...(s.fillToPrevious ? { fill: '-1' as const } : {}),
        ...(s.dashed ? { borderDash: [6, 4] } : {}),
      };
    }),
  }));

  protected readonly options = computed<ChartConfiguration['options']>(() => {
    const format = this.numberFormat();
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: this.locale(),
      font: { size: this.fontSize },
      plugins: {
        legend: {
          display: this.series().length > 1,
          position: 'bottom',
          labels: { font: { size: this.fontSize } },
        },
        tooltip: { bodyFont: { size: this.fontSize }, titleFont: { size: this.fontSize } },
      },
      scales: {
        x: { stacked: this.stacked(), ticks: { font: { size: this.fontSize } } },
        y: {
          stacked: this.stacked(),
          min: this.yMin(),
          max: this.yMax(),
          beginAtZero: this.yMin() === undefined,
          // No ticks between the steps the numbers are shown in: counts get no 0.5 shown as "1".
          ticks: {
            precision: this.fractionDigits(),
            font: { size: this.fontSize },
            callback: (value) => format.format(Number(value)),
          },
        },
        ...(this.series().some((s) => s.secondaryAxis)
          ? {
              y2: {
                position: 'right' as const,
                beginAtZero: true,
                // Room above the tallest bar (chart.js counts grace in halves of the range) keeps the bars in the lower
                // two fifths, below a line on the main axis.
                grace: '300%',
                grid: { drawOnChartArea: false },
                ticks: {
                  precision: 0,
                  font: { size: this.fontSize },
                  callback: (value: string | number) => format.format(Number(value)),
                },
              },
            }
          : {}),
      },
    };
  });

  protected formatted(value: number | null | undefined): string {
    return value === null || value === undefined ? this.texts().noValue : this.numberFormat().format(value);
  }

  protected toggleTable(): void {
    this.tableShown.update((shown) => !shown);
  }

  protected download(): void {
    downloadCsv(
      this.csvName(),
      chartCsv(
        this.texts().category,
        this.labels(),
        this.series(),
        this.fractionDigits(),
        this.categoryMonths(),
      ),
    );
  }
}
