import type { ImportKind, ImportResult } from '@koop/domain';

/** What the server answered: its status and the import's answer (or, for refusals, its message). */
export interface UploadAnswer {
  readonly status: number;
  readonly result: ImportResult | null;
  readonly message: string | null;
}

export interface UploadRequest {
  readonly kind: ImportKind;
  readonly cooperationId: string;
  readonly file: File;
  readonly dryRun: boolean;
  /** Called with the share of the file sent so far, 0 to 1. */
  readonly progress: (sent: number) => void;
}

/**
 * Sends a file to `POST /imports/…` as a form, with the header that /graphql asks for too (CSRF prevention).
 * XMLHttpRequest rather than HttpClient: the app's HttpClient uses fetch, which reports no upload progress.
 */
export function uploadImport(request: UploadRequest): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({
      cooperationId: request.cooperationId,
      dryRun: String(request.dryRun),
    });
    xhr.open('POST', `/imports/${request.kind}?${query}`);
    xhr.setRequestHeader('apollo-require-preflight', 'true');
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) {
        request.progress(event.loaded / event.total);
      }
    });
    xhr.addEventListener('load', () => {
      const body = xhr.response as (Partial<ImportResult> & { message?: string }) | null;
      const result = body && Array.isArray(body.errors) ? (body as ImportResult) : null;
      resolve({ status: xhr.status, result, message: body?.message ?? null });
    });
    xhr.addEventListener('error', () => reject(new Error('network')));
    xhr.addEventListener('abort', () => reject(new Error('aborted')));
    const form = new FormData();
    form.append('file', request.file, request.file.name);
    xhr.send(form);
  });
}
