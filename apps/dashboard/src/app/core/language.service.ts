import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { LANGUAGES, LOCALES, type Language } from './languages';

/** The current language as a signal; switching changes all texts at once, without a reload. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  }) as () => Language;

  constructor() {
    this.transloco.langChanges$.subscribe((language) => {
      this.document.documentElement.lang = language;
    });
  }

  /** BCP 47 locale of the current language. */
  locale(): string {
    return LOCALES[this.language()] ?? LOCALES.de;
  }

  use(language: Language): void {
    if (LANGUAGES.includes(language)) {
      this.transloco.setActiveLang(language);
    }
  }
}
