import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { Public } from '../auth/index.js';
import { notFound, tooManyRequests } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { sendTable } from '../exports/index.js';
import { OPEN_DATASETS, OpenDataService, type OpenDataset } from './open-data.service.js';

/** Open data may be kept by any cache for a few minutes: it changes as cities record, not by the second. */
const PUBLIC_CACHE = 'public, max-age=300';

/**
 * Open data, without sign-in: the DCAT-AP.de catalog, each cooperation's datasets as CSV (RFC 4180) and
 * JSON, and their data dictionaries. Limited per client address like the sign-in, so that no one address
 * can keep the database busy with them.
 */
@Controller('open-data')
export class OpenDataController {
  private readonly perAddress: RateLimiterMemory;

  constructor(
    private readonly openData: OpenDataService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.perAddress = new RateLimiterMemory({
      keyPrefix: 'open-data',
      points: config.openData.maxPerMinute,
      duration: 60,
    });
  }

  @Get('catalog.jsonld')
  @Public()
  async catalog(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.limit(req, res);
    const catalog = await this.openData.catalog(origin(req));
    publicHeaders(res);
    res.type('application/ld+json; charset=utf-8').send(JSON.stringify(catalog, null, 2));
  }

  @Get('cooperations/:id/:file')
  @Public()
  async dataset(
    @Param('id') id: string,
    @Param('file') file: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.limit(req, res);
    const match = /^([a-z]+)\.(csv|json|schema\.json)$/.exec(file);
    const dataset = match?.[1] as OpenDataset | undefined;
    if (!match || !dataset || !OPEN_DATASETS.includes(dataset)) {
      throw notFound('Dataset', file, 'dataset');
    }
    const table = await this.openData.table(id, dataset);
    publicHeaders(res);
    if (match[2] === 'schema.json') {
      res
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(this.openData.schema(dataset), null, 2));
      return;
    }
    await sendTable(res, table, {
      kind: match[2] as 'csv' | 'json',
      format: 'rfc4180',
      language: 'de',
      cacheControl: PUBLIC_CACHE,
      inline: match[2] === 'json',
    });
  }

  private async limit(req: Request, res: Response): Promise<void> {
    await this.perAddress.consume(req.ip ?? 'unknown').catch((refusal: unknown) => {
      const seconds = refusal instanceof RateLimiterRes ? Math.ceil(refusal.msBeforeNext / 1000) : 60;
      res.setHeader('Retry-After', String(seconds));
      throw tooManyRequests(`Too many requests from this address. Please wait ${seconds} seconds.`, seconds);
    });
  }
}

/** The site's own origin as the client reached it (behind a trusted proxy: as the proxy says). */
function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

function publicHeaders(res: Response): void {
  res.setHeader('Cache-Control', PUBLIC_CACHE);
  // Anyone's page may read open data; no cookie is sent along with these, and none is needed.
  res.setHeader('Access-Control-Allow-Origin', '*');
}
