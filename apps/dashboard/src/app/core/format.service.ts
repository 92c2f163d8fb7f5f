import { computed, inject, Injectable } from '@angular/core';
import { LanguageService } from './language.service';

/** Numbers, percentages, dates and months, formatted for the current language. */
@Injectable({ providedIn: 'root' })
export class FormatService {
  private readonly language = inject(LanguageService);
  readonly locale = computed(() => {
    this.language.language();
    return this.language.locale();
  });

  number(value: number | null | undefined, fractionDigits = 0): string {
    if (value === null || value === undefined) return '–';
    return new Intl.NumberFormat(this.locale(), {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    }).format(value);
  }

  percent(value: number | null | undefined, fractionDigits = 1): string {
    if (value === null || value === undefined) return '–';
    return new Intl.NumberFormat(this.locale(), {
      style: 'percent',
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    }).format(value);
  }

  /** A signed difference, e.g. "+3" or "−0,2". */
  delta(value: number, fractionDigits = 0): string {
    const formatted = new Intl.NumberFormat(this.locale(), {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
      signDisplay: 'exceptZero',
    }).format(value);
    return formatted.replace('-', '−');
  }

  /** A calendar date (YYYY-MM-DD) or an instant. */
  date(value: string | null | undefined): string {
    if (!value) return '–';
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  }

  /**
   * The key of the text for `count` things in the current language: `key.one` or `key.other`, as
   * Intl.PluralRules chooses ("1 andere Kommune", "2 andere Kommunen"). German and English know no more forms.
   */
  plural(key: string, count: number): string {
    return `${key}.${new Intl.PluralRules(this.locale()).select(count) === 'one' ? 'one' : 'other'}`;
  }

  /** A month written YYYY-MM, e.g. "März 2026". */
  month(value: string): string {
    const date = new Date(`${value}-01T00:00:00Z`);
    return new Intl.DateTimeFormat(this.locale(), {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  }
}
