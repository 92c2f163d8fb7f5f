import { Role } from '@koop/domain';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles, SignedIn } from '../auth/index.js';
import { notFound } from '../common/index.js';
import {
  ACTION_ITEM_COLUMNS,
  AUDIT_COLUMNS,
  MATRIX_COLUMNS,
  PROJECT_COLUMNS,
  SATISFACTION_COLUMNS,
} from './export-columns.js';
import { csvFormat, language, type QueryParams } from './export-query.js';
import { ExportsService } from './exports.service.js';
import { sendTable, type FileKind, type TableFile } from './table-file.js';

/** `projects.csv` → the dataset and the kind of file. */
function fileOf(file: string, datasets: readonly string[]): { dataset: string; kind: FileKind } {
  const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(file);
  if (!match || !datasets.includes(match[1])) {
    throw notFound('Export', file, 'dataset');
  }
  return { dataset: match[1], kind: match[2] as FileKind };
}

/** Signed-in people's data: never kept by a shared cache, nor by the browser beyond the download. */
const PRIVATE = 'private, no-store';

/**
 * `GET /exports/{dataset}.{csv|xlsx}`: each list of the dashboard as a file, with the view's filters as query
 * parameters. CSV as `format=excel-de` (default) or `format=rfc4180`; headings in German or with `lang=en`.
 */
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('audit-log.:kind')
  @Roles(Role.ADMIN, Role.CDO)
  async auditLog(
    @Param('kind') kind: string,
    @Query() params: QueryParams,
    @Res() res: Response,
  ): Promise<void> {
    const { kind: fileKind } = fileOf(`audit-log.${kind}`, ['audit-log']);
    await this.send(res, params, fileKind, {
      name: 'aenderungsprotokoll',
      sheet: 'Änderungsprotokoll',
      columns: AUDIT_COLUMNS,
      rows: await this.exports.auditRows(params),
    });
  }

  @Get(':file')
  @SignedIn()
  async download(
    @Param('file') file: string,
    @Query() params: QueryParams,
    @Res() res: Response,
  ): Promise<void> {
    const { dataset, kind } = fileOf(file, ['projects', 'adoption-matrix', 'satisfaction', 'action-items']);
    switch (dataset) {
      case 'projects':
        return this.send(res, params, kind, {
          name: 'projekte',
          sheet: 'Projekte',
          columns: PROJECT_COLUMNS,
          rows: await this.exports.projectRows(params),
        });
      case 'adoption-matrix':
        return this.send(res, params, kind, {
          name: 'nachnutzung',
          sheet: 'Nachnutzung',
          columns: MATRIX_COLUMNS,
          rows: await this.exports.matrixRows(params),
        });
      case 'action-items':
        return this.send(res, params, kind, {
          name: 'aufgaben',
          sheet: 'Aufgaben',
          columns: ACTION_ITEM_COLUMNS,
          rows: await this.exports.actionItemRows(params),
        });
      default:
        return this.send(res, params, kind, {
          name: 'zufriedenheit',
          sheet: 'Zufriedenheit',
          columns: SATISFACTION_COLUMNS,
          rows: await this.exports.satisfactionRows(params),
        });
    }
  }

  private send<Row>(
    res: Response,
    params: QueryParams,
    kind: FileKind,
    table: TableFile<Row>,
  ): Promise<void> {
    return sendTable(res, table, {
      kind,
      format: csvFormat(params),
      language: language(params),
      cacheControl: PRIVATE,
    });
  }
}
