// The reports feature's one door: the annual report as PDF (GET /reports/annual/{cooperationId}/{year}.pdf).
export { ReportsModule } from './reports.module.js';
