export * from './lib/chart/chart.component';
export * from './lib/chart/chart.types';
export * from './lib/chart/chart-registration';
export * from './lib/csv/csv';
export * from './lib/kpi-tile/kpi-tile.component';
export * from './lib/status-badge/status-badge.component';
