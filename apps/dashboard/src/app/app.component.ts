import { ChangeDetectionStrategy, Component, inject, resource } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { GraphQLService } from './graphql.service';

@Component({
  selector: 'koop-root',
  imports: [RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip" href="#main">Zum Inhalt springen</a>
    <header>
      <p class="brand">Kooperationscockpit</p>
      <p class="tagline">Digitale Zusammenarbeit bayerischer Kommunen</p>
    </header>
    @if (info.value()?.appInfo?.demoData) {
      <p class="demo" role="note">
        Demodaten: Alle Zahlen zur Nachnutzung und Zufriedenheit sind erzeugt, nicht echt.
      </p>
    }
    <main id="main" tabindex="-1">
      <router-outlet />
    </main>
  `,
  styles: `
    :host {
      display: block;
      min-height: 100vh;
    }
    header {
      background: var(--koop-blue);
      color: #fff;
      padding: 0.75rem 1.5rem;
    }
    .brand {
      font-size: 1.35rem;
      font-weight: 700;
      margin: 0;
    }
    .tagline {
      margin: 0;
    }
    .demo {
      margin: 0;
      padding: 0.5rem 1.5rem;
      background: #fff4d6;
      border-bottom: 1px solid #c9a227;
    }
    main {
      padding: 1.5rem;
      max-width: 80rem;
      margin: 0 auto;
    }
    .skip {
      position: absolute;
      left: -999px;
    }
    .skip:focus {
      left: 1rem;
      top: 1rem;
      background: #fff;
      padding: 0.5rem;
      z-index: 10;
    }
  `,
})
export class AppComponent {
  private readonly graphql = inject(GraphQLService);

  protected readonly info = resource({
    loader: () => this.graphql.query<{ appInfo: { demoData: boolean } }>('{ appInfo { demoData } }'),
  });
}
