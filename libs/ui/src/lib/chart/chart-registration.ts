import type { Provider } from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';

/** Registers only the chart.js parts our charts use; provide it on the routes that draw charts. */
export function provideKoopCharts(): Provider {
  return provideCharts({
    registerables: [
      BarController,
      BarElement,
      LineController,
      LineElement,
      PointElement,
      CategoryScale,
      LinearScale,
      Filler,
      Legend,
      Tooltip,
    ],
  });
}
