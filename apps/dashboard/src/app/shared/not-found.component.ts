import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { switchMap } from 'rxjs';
import { pageTitle } from './page-title';

/** What was not found: an address of the dashboard, or a record an address names. */
export type NotFoundKind = 'page' | 'city' | 'project' | 'workingGroup';

/** Where to look instead, per kind. */
const LIST: Record<NotFoundKind, string | null> = {
  page: null,
  city: '/kommunen',
  project: '/projekte',
  workingGroup: '/arbeitskreise',
};

/**
 * Says, in the user's language, that an address names nothing: an unknown path, or an id the API does not
 * know (NOT_FOUND). It is the page's heading and title, and it offers the ways on.
 */
@Component({
  selector: 'koop-not-found',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; read: 'notFound.' + kind()">
      <h1>{{ t('title') }}</h1>
      <p>{{ t('text') }}</p>
      <ul class="ways">
        @if (list(); as path) {
          <li>
            <a [routerLink]="path">{{ t('list') }}</a>
          </li>
        }
        <li *transloco="let g">
          <a routerLink="/cockpit">{{ g('notFound.back') }}</a>
        </li>
      </ul>
    </ng-container>
  `,
  styles: `
    a {
      color: var(--koop-blue);
    }
    .ways {
      padding-left: 1.25rem;
    }
    .ways li {
      margin: 0.35rem 0;
    }
  `,
})
export class NotFoundComponent {
  readonly kind = input<NotFoundKind>('page');
  protected readonly list = computed(() => LIST[this.kind()]);

  constructor() {
    const transloco = inject(TranslocoService);
    const title = toSignal(
      toObservable(this.kind).pipe(
        switchMap((kind) => transloco.selectTranslate<string>(`notFound.${kind}.title`)),
      ),
    );
    pageTitle(title);
  }
}
