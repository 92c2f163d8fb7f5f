import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { filter } from 'rxjs';

/**
 * A translate function for texts computed in code (chart labels and summaries): read inside a
 * `computed`, it recomputes when the language changes and again when a translation file arrives.
 * Call it in an injection context.
 */
export function injectTranslate(): (key: string, params?: Record<string, unknown>) => string {
  const transloco = inject(TranslocoService);
  const language = toSignal(transloco.langChanges$, { initialValue: transloco.getActiveLang() });
  const loaded = toSignal(transloco.events$.pipe(filter((event) => event.type === 'translationLoadSuccess')));
  return (key, params = {}) => {
    language();
    loaded();
    return transloco.translate(key, params);
  };
}
