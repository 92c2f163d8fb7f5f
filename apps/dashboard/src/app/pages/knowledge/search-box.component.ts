import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** The search field of the header: one search over projects, solutions, knowledge entries and decisions. */
@Component({
  selector: 'koop-search-box',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      *transloco="let t"
      role="search"
      [attr.aria-label]="t('knowledge.searchBox.label')"
      (submit)="go($event)"
    >
      <label [for]="inputId()" class="visually-hidden">{{ t('knowledge.searchBox.field') }}</label>
      <input
        [id]="inputId()"
        name="q"
        type="search"
        maxlength="200"
        [placeholder]="t('knowledge.searchBox.placeholder')"
      />
      <button type="submit">{{ t('knowledge.searchBox.submit') }}</button>
    </form>
  `,
  styles: `
    /* A block in the header's wrapping row: on a phone it takes its own line instead of running off it. */
    :host {
      display: block;
      flex: 1 1 14rem;
      min-width: 0;
      max-width: 100%;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    form {
      display: flex;
      gap: 0.25rem;
      max-width: 100%;
    }
    input {
      font: inherit;
      padding: 0.25rem 0.5rem;
      border-radius: 4px;
      border: 1px solid #fff;
      /* Narrow enough for a phone's header row; it may grow where there is room. */
      width: 12rem;
      min-width: 0;
      flex: 1 1 auto;
      min-height: 2.25rem;
      box-sizing: border-box;
    }
    button {
      font: inherit;
      /* Its own background: on a phone the header's rows wrap, and white on whatever lies below fails. */
      background: var(--koop-blue);
      color: #fff;
      border: 1px solid #fff;
      border-radius: 4px;
      padding: 0.2rem 0.6rem;
      cursor: pointer;
      min-height: 2.25rem;
    }
  `,
})
export class SearchBoxComponent {
  private readonly router = inject(Router);
  /** The field's id: the header's box and the search page's own must differ. */
  readonly inputId = input('koop-search');

  protected async go(event: Event): Promise<void> {
    event.preventDefault();
    const query = String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim();
    if (query) await this.router.navigate(['/suche'], { queryParams: { q: query } });
  }
}
