import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  type Signal,
} from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * The pages of a cursor-paginated list (`first`/`after`): the cursors that led to the page shown, so that
 * it can go forward, back and to the start. A new filter (a new `source` value) starts at the first page.
 */
export function cursorPages(source: Signal<unknown>) {
  const trail = linkedSignal<unknown, readonly string[]>({ source, computation: () => [] });
  return {
    /** The `after` argument of the page shown: null on the first page. */
    after: computed(() => trail().at(-1) ?? null),
    /** 1 on the first page. */
    number: computed(() => trail().length + 1),
    next(cursor: string | null | undefined): void {
      if (cursor) trail.update((cursors) => [...cursors, cursor]);
    },
    previous(): void {
      trail.update((cursors) => cursors.slice(0, -1));
    },
    first(): void {
      trail.set([]);
    },
  };
}

export type CursorPages = ReturnType<typeof cursorPages>;

/**
 * First, previous and next page of a list, and which page of how many it shows. Shown only when the list
 * has more than one page. The buttons stay focusable when they cannot act (aria-disabled), so that focus
 * stays where the reader left it when the last or first page is reached.
 */
@Component({
  selector: 'koop-pager',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (count() > 1) {
      <nav class="pager" *transloco="let t; read: 'pager'" [attr.aria-label]="label() ?? t('label')">
        <button type="button" class="koop-button" [attr.aria-disabled]="atStart()" (click)="first()">
          {{ t('first') }}
        </button>
        <button type="button" class="koop-button" [attr.aria-disabled]="atStart()" (click)="previous()">
          <span aria-hidden="true">‹</span> {{ t('previous') }}
        </button>
        <span class="page" aria-live="polite">{{
          t('page', { page: pages().number(), pages: count() })
        }}</span>
        <button type="button" class="koop-button" [attr.aria-disabled]="!hasNext()" (click)="next()">
          {{ t('next') }} <span aria-hidden="true">›</span>
        </button>
      </nav>
    }
  `,
  styles: `
    .pager {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-top: 0.75rem;
    }
    .page {
      padding: 0 0.25rem;
    }
    [aria-disabled='true'] {
      border-color: #9aa5b1;
      color: #5f6b78;
      cursor: default;
    }
  `,
})
export class PagerComponent {
  readonly pages = input.required<CursorPages>();
  readonly total = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly hasNext = input.required<boolean>();
  readonly endCursor = input<string | null | undefined>(null);
  /** Names the navigation for screen readers where a page has more than one list. */
  readonly label = input<string | null>(null);

  protected readonly count = computed(() => Math.max(1, Math.ceil(this.total() / this.pageSize())));
  protected readonly atStart = computed(() => this.pages().number() === 1);

  protected first(): void {
    this.pages().first();
  }

  protected previous(): void {
    this.pages().previous();
  }

  protected next(): void {
    if (this.hasNext()) this.pages().next(this.endCursor());
  }
}
