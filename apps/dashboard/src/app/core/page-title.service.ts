import { computed, effect, inject, Injectable, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { of, switchMap } from 'rxjs';

export const PRODUCT = 'Kooperationscockpit';

/** The document title of a page: its own name first, then the product's (WCAG 2.4.2). */
export function documentTitle(page: string | null | undefined): string {
  return page ? `${page} – ${PRODUCT}` : PRODUCT;
}

/**
 * Keeps the document title. Every route names its page by a translation key (its `title`); a page that
 * knows a better name once its data is there (a city, a project) says so with `pageTitle()`. Both follow
 * the language.
 */
@Injectable({ providedIn: 'root' })
export class PageTitleService {
  private readonly transloco = inject(TranslocoService);
  private readonly title = inject(Title);

  private readonly routeKey = signal<string | null>(null);
  private readonly routeText = toSignal(
    toObservable(this.routeKey).pipe(
      // selectTranslate emits again when the language changes or the translation file arrives.
      switchMap((key) => (key ? this.transloco.selectTranslate<string>(key) : of(null))),
    ),
    { initialValue: null },
  );
  private readonly own = signal<{ readonly owner: object; readonly text: string | null } | null>(null);

  /** The title of the page shown now, without the product's name. */
  readonly page = computed(() => this.own()?.text || this.routeText() || null);

  constructor() {
    effect(() => this.title.setTitle(documentTitle(this.page())));
  }

  /** The route's title key, as the router resolved it. */
  setRouteKey(key: string | null): void {
    this.routeKey.set(key);
  }

  /** A page's own title while `owner` lives; null or empty falls back to the route's. */
  setOwn(owner: object, text: string | null): void {
    this.own.set({ owner, text });
  }

  /** Drops the page's own title, unless a newer page set one meanwhile. */
  clearOwn(owner: object): void {
    if (this.own()?.owner === owner) this.own.set(null);
  }
}

/** Route titles are translation keys: the service translates them and keeps them in the current language. */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly titles = inject(PageTitleService);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.titles.setRouteKey(this.buildTitle(snapshot) ?? null);
  }
}
