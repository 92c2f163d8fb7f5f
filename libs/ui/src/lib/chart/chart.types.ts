/** One line or bar series of a chart. */
export interface ChartSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** CSS colour; a palette colour is chosen when left out. */
  readonly color?: string;
  /** Draw this series as bars or as a line; the chart's kind when left out. */
  readonly kind?: 'bar' | 'line';
  /** Plot it against a second value axis on the right, in whole numbers: a count beside an average. */
  readonly secondaryAxis?: boolean;
  /** Shade the area between this line and the series before it (the upper edge of a band). */
  readonly fillToPrevious?: boolean;
  /** Draw the line dashed (expected values, as against observed ones). */
  readonly dashed?: boolean;
  /** Leave out the points: a smooth curve or a band edge. */
  readonly hidePoints?: boolean;
}

/** Texts of the chart's controls, in the user's language. */
export interface ChartTexts {
  readonly showTable: string;
  readonly hideTable: string;
  readonly downloadCsv: string;
  /** Header of the first column (the categories, e.g. "Monat"). */
  readonly category: string;
  /** Shown in a cell without a value. */
  readonly noValue: string;
}

/** Colours with at least 3:1 contrast against white, distinguishable for common colour-vision deficiencies. */
export const CHART_PALETTE = ['#0b4f8a', '#c25700', '#2e7d32', '#7b3fa0', '#b0003a', '#00796b'] as const;
