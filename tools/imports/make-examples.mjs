// Writes docs/import-examples/nachnutzung.xlsx: adoption rows for the demo's cooperation
// "EG Mittelstädte", as a city would keep them in Excel — a date cell, a formula, a hyperlink and rich text,
// which the import reads as the values they show.
//
//   npx node tools/imports/make-examples.mjs
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT } from '../lib/server.mjs';

const workbook = new ExcelJS.Workbook();
workbook.creator = 'Kooperationscockpit';
// A fixed date keeps the file the same from run to run.
workbook.created = workbook.modified = new Date(Date.UTC(2025, 5, 1));
const sheet = workbook.addWorksheet('Nachnutzung');
sheet.columns = [
  { header: 'Gemeindeschlüssel', width: 18 },
  { header: 'LeiKa-Schlüssel', width: 18 },
  { header: 'Stufe', width: 16 },
  { header: 'Reifegradmodell', width: 16 },
  { header: 'Reifegrad', width: 10 },
  { header: 'Live seit', width: 12, style: { numFmt: 'dd.mm.yyyy' } },
  { header: 'Quelle', width: 30 },
  { header: 'Notizen', width: 40 },
];
sheet.getRow(1).font = { bold: true };
sheet.addRow([
  '09763000',
  { text: '99115005104000', hyperlink: 'https://fimportal.de/kataloge#/leistungen/99115005104000' },
  'Live',
  '2.0',
  { formula: '2+2', result: 4 },
  new Date(Date.UTC(2025, 2, 3)),
  'EfA-Anschluss',
  { richText: [{ text: 'Anschluss über den ' }, { font: { bold: true }, text: 'Landesdienst' }] },
]);
sheet.addRow(['09763000', '99050012104000', 'In Prüfung', '2.0', null, null, 'Eigenentwicklung', null]);
sheet.addRow(['09163000', '99115005104000', 'IN_ROLLOUT', '1.1', 2, null, 'REUSED_FROM_PARTNER', null]);
const file = join(ROOT, 'docs/import-examples/nachnutzung.xlsx');
await workbook.xlsx.writeFile(file);
console.log(`Wrote ${file}`);
