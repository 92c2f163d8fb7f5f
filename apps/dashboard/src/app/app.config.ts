import { provideHttpClient, withFetch } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  Injector,
  isDevMode,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  provideRouter,
  Router,
  TitleStrategy,
  withComponentInputBinding,
  withInMemoryScrolling,
  withNavigationErrorHandler,
} from '@angular/router';
import { ApolloLink, CombinedGraphQLErrors, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { provideTransloco } from '@jsverse/transloco';
import { provideTranslocoLocale } from '@jsverse/transloco-locale';
import { provideTranslocoPersistLang } from '@jsverse/transloco-persist-lang';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { from, of, switchMap, throwError } from 'rxjs';
import { routes } from './app.routes';
import { AuthService } from './core/auth.service';
import { LANGUAGES, LOCALES } from './core/languages';
import { TranslatedTitleStrategy } from './core/page-title.service';
import { SessionService } from './core/session.service';
import { isStaleChunkError, StaleVersionService } from './core/stale-version';
import { TranslationLoader } from './core/transloco-loader';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch()),
    provideRouter(
      routes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
      withNavigationErrorHandler((navigation) => {
        if (isStaleChunkError(navigation.error)) {
          inject(StaleVersionService).staleVersion(navigation.url);
        }
      }),
    ),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideApollo(() => {
      const router = inject(Router);
      // Read when a request fails, not now: AuthService itself needs Apollo.
      const injector = inject(Injector);
      /*
       * A session that ended under a signed-in user (expired, ended elsewhere) must not cost what they typed:
       * the shell asks them to sign in again over the page, and the refused request waits and is sent again
       * (it was refused before it ran, so sending it again is safe). Giving up lets it fail as refused.
       * Someone the page does not know as signed in goes to the sign-in page, as before.
       */
      const signInAgainWhenUnauthenticated = new ErrorLink(({ error, result, operation, forward }) => {
        const unauthenticated =
          CombinedGraphQLErrors.is(error) &&
          error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
        // A wrong password at sign-in is refused as UNAUTHENTICATED too: that is the answer, not an expiry.
        if (!unauthenticated || operation.operationName === 'Login' || router.url.startsWith('/anmelden')) {
          return;
        }
        const auth = injector.get(AuthService);
        if (!auth.account()) {
          void router.navigate(['/anmelden'], { queryParams: { ziel: router.url } });
          return;
        }
        return from(injector.get(SessionService).signInAgain()).pipe(
          switchMap((resumed) =>
            resumed ? forward(operation) : result ? of(result) : throwError(() => error),
          ),
        );
      });
      return {
        link: ApolloLink.from([signInAgainWhenUnauthenticated, inject(HttpLink).create({ uri: '/graphql' })]),
        cache: new InMemoryCache(),
      };
    }),
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: 'de',
        fallbackLang: 'de',
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader: TranslationLoader,
    }),
    provideTranslocoLocale({ langToLocaleMapping: LOCALES }),
    provideTranslocoPersistLang({ storage: { useValue: localStorage }, storageKey: 'koop.language' }),
  ],
};
