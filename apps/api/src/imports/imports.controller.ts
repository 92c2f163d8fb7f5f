import {
  IMPORT_MAX_BYTES,
  isImportKind,
  Role,
  XLSX_MEDIA_TYPE,
  type ImportError,
  type ImportResult,
} from '@koop/domain';
import {
  type ArgumentsHost,
  Catch,
  type CanActivate,
  Controller,
  type ExceptionFilter,
  type ExecutionContext,
  HttpCode,
  HttpException,
  Injectable,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Roles, type ActorRequest } from '../auth/index.js';
import { badField, notFound, unauthenticated } from '../common/index.js';
import { ImportsService } from './imports.service.js';

/** The answer to a file refused before it was read: one error of row 0, the file as a whole. */
function refusal(dryRun: boolean, message: string): ImportResult {
  const error: ImportError = { row: 0, column: '', message };
  return { dryRun, rows: 0, created: 0, changed: 0, unchanged: 0, errors: [error] };
}

const tooLarge = () =>
  `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB, the most one import takes. Split it into several files.`;

/**
 * As for /graphql (Apollo's CSRF prevention): a browser sends a cross-site form post with the user's cookie
 * without asking, but never this header without a preflight our origin would have to allow.
 */
@Injectable()
export class PreflightGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<ActorRequest>();
    if (!request.header('apollo-require-preflight')) {
      throw new HttpException(
        {
          code: 'BAD_REQUEST',
          message: 'An import needs the header "apollo-require-preflight: true" (CSRF prevention).',
        },
        400,
      );
    }
    return true;
  }
}

/** A multipart file over the limit, as multer reports it, answered like a plain body over the limit. */
@Catch(PayloadTooLargeException)
export class UploadTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const dryRun = context.getRequest<ActorRequest>().query['dryRun'] === 'true';
    context
      .getResponse<Response>()
      .status(413)
      .setHeader('Connection', 'close')
      .json(refusal(dryRun, tooLarge()));
  }
}

/** The body of a plain upload, or null once it grows beyond the limit (the rest is read and dropped). */
function readBody(request: ActorRequest): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(request.header('content-length') ?? 0) > IMPORT_MAX_BYTES) {
      request.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > IMPORT_MAX_BYTES) {
        over = true;
        chunks.length = 0;
      } else if (!over) {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The part of multer's file that an import reads. */
interface UploadedImport {
  readonly buffer: Buffer;
  readonly originalname: string;
}

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];

/** `POST /imports/{adoptions|satisfaction}?cooperationId=…&dryRun=true|false` (PRODUCT.md §5.2). */
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post(':kind')
  @HttpCode(200)
  @Roles(Role.ADMIN, Role.CDO, Role.CITY_EDITOR)
  @UseGuards(PreflightGuard)
  @UseFilters(UploadTooLargeFilter)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } }))
  async import(
    @Param('kind') kind: string,
    @Query('cooperationId') cooperationId: string | undefined,
    @Query('dryRun') dryRunText: string | undefined,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
    @UploadedFile() file: UploadedImport | undefined,
  ): Promise<ImportResult> {
    const actor = request.actor;
    if (!actor) {
      throw unauthenticated();
    }
    if (!isImportKind(kind)) {
      throw notFound('Import', kind, 'kind');
    }
    if (dryRunText !== undefined && dryRunText !== 'true' && dryRunText !== 'false') {
      throw badField('dryRun', 'must be true or false');
    }
    if (!cooperationId) {
      throw badField('cooperationId', 'is required');
    }
    const dryRun = dryRunText === 'true';
    const answer = (status: number, result: ImportResult) => {
      response.status(status);
      return result;
    };
    let content: Buffer;
    let fileName: string | undefined;
    if (file) {
      content = file.buffer;
      fileName = file.originalname;
    } else if (request.is('multipart/form-data')) {
      return answer(422, refusal(dryRun, 'The form has no file in its field "file".'));
    } else {
      const type = (request.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!CSV_TYPES.includes(type) && type !== XLSX_MEDIA_TYPE && type !== 'application/octet-stream') {
        request.resume();
        return answer(
          415,
          refusal(dryRun, `Send the file as text/csv, as ${XLSX_MEDIA_TYPE} or in the form field "file".`),
        );
      }
      const encoding = (request.header('content-encoding') ?? 'identity').toLowerCase();
      if (encoding !== 'identity') {
        request.resume();
        return answer(415, refusal(dryRun, 'Send the file uncompressed (no content-encoding).'));
      }
      const body = await readBody(request);
      if (body === null) {
        response.setHeader('Connection', 'close');
        return answer(413, refusal(dryRun, tooLarge()));
      }
      content = body;
    }
    const result = await this.imports.import(actor, { kind, cooperationId, content, fileName, dryRun });
    return answer(result.errors.length > 0 ? 422 : 200, result);
  }
}
