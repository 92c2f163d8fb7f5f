import { Controller, Get, Header, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { SignedIn } from '../auth/index.js';
import { Cooperation } from '../cooperations/index.js';
import { AnnualReportReader } from './annual-report.data.js';
import { renderAnnualReport } from './annual-report.pdf.js';

const FIRST_YEAR = 2000;

/** A file name of the report: short name (letters, digits and dashes only), year and the day it was made. */
export function reportFileName(shortName: string, year: number, madeOn: string): string {
  const slug = shortName
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `Jahresbericht-${slug || 'Kooperation'}-${year}-erstellt-${madeOn}.pdf`;
}

@Controller('reports')
export class AnnualReportController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: AnnualReportReader,
  ) {}

  /** The annual report of a cooperation as a tagged PDF, `GET /reports/annual/{cooperationId}/{year}.pdf`. */
  @Get('annual/:cooperationId/:file')
  @SignedIn()
  @Header('Content-Type', 'application/pdf')
  @Header('Cache-Control', 'private, no-store')
  async annual(
    @Param('cooperationId') cooperationId: string,
    @Param('file') file: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const match = /^(\d{4})\.pdf$/.exec(file);
    const year = match ? Number(match[1]) : NaN;
    const now = new Date();
    if (!match || year < FIRST_YEAR || year > now.getUTCFullYear()) {
      throw new NotFoundException(`No report for ${file}: the year must be from ${FIRST_YEAR} to this year.`);
    }
    const id = /^\d{1,9}$/.test(cooperationId) ? Number(cooperationId) : NaN;
    const cooperation = Number.isInteger(id)
      ? await this.dataSource.getRepository(Cooperation).findOneBy({ id })
      : null;
    if (!cooperation) {
      throw new NotFoundException(`Cooperation ${JSON.stringify(cooperationId)} does not exist.`);
    }
    const data = await this.reader.load(cooperation.id, year, now);
    const pdf = await renderAnnualReport(data);
    const name = reportFileName(cooperation.shortName, year, data.madeOn);
    response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    return new StreamableFile(pdf);
  }
}
