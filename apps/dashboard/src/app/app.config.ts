import { provideHttpClient, withFetch } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
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
} from '@angular/router';
import { ApolloLink, CombinedGraphQLErrors, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { provideTransloco } from '@jsverse/transloco';
import { provideTranslocoLocale } from '@jsverse/transloco-locale';
import { provideTranslocoPersistLang } from '@jsverse/transloco-persist-lang';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { routes } from './app.routes';
import { LANGUAGES, LOCALES } from './core/languages';
import { TranslatedTitleStrategy } from './core/page-title.service';
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
    ),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideApollo(() => {
      const router = inject(Router);
      // A session that ended (expired, signed out elsewhere) sends the user to the sign-in page.
      const signInWhenUnauthenticated = new ErrorLink(({ error }) => {
        const unauthenticated =
          CombinedGraphQLErrors.is(error) &&
          error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
        if (unauthenticated && !router.url.startsWith('/anmelden')) {
          void router.navigate(['/anmelden'], { queryParams: { ziel: router.url } });
        }
      });
      return {
        link: ApolloLink.from([signInWhenUnauthenticated, inject(HttpLink).create({ uri: '/graphql' })]),
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
