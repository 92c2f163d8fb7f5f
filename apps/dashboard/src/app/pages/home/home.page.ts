import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, resource } from '@angular/core';
import { GraphQLService } from '../../graphql.service';

interface Figures {
  year: number;
  activeProjects: number;
  servicesLive: number;
  adoptionRate: number;
  averageSatisfaction: number | null;
}

interface CooperationOverview {
  id: string;
  name: string;
  members: { city: { name: string } }[];
  overview: Figures & { previous: Figures | null };
}

const COOPERATIONS = `query Cooperations {
  cooperations { id name members { city { name } } }
}`;

const OVERVIEW = `query Overview($id: ID!, $year: Int!) {
  overview(cooperationId: $id, year: $year) {
    year activeProjects servicesLive adoptionRate averageSatisfaction
    previous { year activeProjects servicesLive adoptionRate averageSatisfaction }
  }
}`;

/** Key figures of every cooperation for the current year, with the year before. */
@Component({
  selector: 'koop-home-page',
  imports: [DecimalPipe, PercentPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Kooperationen im Überblick {{ year }}</h1>
    @if (cooperations.isLoading()) {
      <p role="status">Daten werden geladen …</p>
    } @else if (cooperations.error()) {
      <div role="alert">
        <p>Die Daten konnten nicht geladen werden. Ist der Server erreichbar?</p>
        <button type="button" (click)="cooperations.reload()">Erneut versuchen</button>
      </div>
    } @else {
      @for (cooperation of cooperations.value(); track cooperation.id) {
        <section [attr.aria-labelledby]="'coop-' + cooperation.id">
          <h2 [id]="'coop-' + cooperation.id">{{ cooperation.name }}</h2>
          <p>{{ cooperation.members.length }} Mitgliedskommunen</p>
          <table>
            <caption>
              Kennzahlen
              {{
                year
              }}
              und Vorjahr
            </caption>
            <thead>
              <tr>
                <th scope="col">Kennzahl</th>
                <th scope="col">{{ year }}</th>
                <th scope="col">{{ year - 1 }}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Aktive Projekte</th>
                <td>{{ cooperation.overview.activeProjects }}</td>
                <td>{{ cooperation.overview.previous?.activeProjects ?? '–' }}</td>
              </tr>
              <tr>
                <th scope="row">Dienste live</th>
                <td>{{ cooperation.overview.servicesLive }}</td>
                <td>{{ cooperation.overview.previous?.servicesLive ?? '–' }}</td>
              </tr>
              <tr>
                <th scope="row">Nachnutzungsquote</th>
                <td>{{ cooperation.overview.adoptionRate | percent: '1.0-1' }}</td>
                <td>{{ (cooperation.overview.previous?.adoptionRate | percent: '1.0-1') ?? '–' }}</td>
              </tr>
              <tr>
                <th scope="row">Zufriedenheit (1–5)</th>
                <td>{{ (cooperation.overview.averageSatisfaction | number: '1.2-2') ?? '–' }}</td>
                <td>{{ (cooperation.overview.previous?.averageSatisfaction | number: '1.2-2') ?? '–' }}</td>
              </tr>
            </tbody>
          </table>
        </section>
      } @empty {
        <p>Es sind noch keine Kooperationen angelegt.</p>
      }
    }
  `,
  styles: `
    section {
      background: var(--koop-surface);
      border: 1px solid var(--koop-border);
      border-radius: 6px;
      padding: 1rem 1.5rem;
      margin-block: 1rem;
    }
    table {
      border-collapse: collapse;
      min-width: min(36rem, 100%);
    }
    caption {
      text-align: left;
      color: var(--koop-muted);
      padding-bottom: 0.25rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.35rem 0.75rem;
      border-bottom: 1px solid var(--koop-border);
    }
    td {
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class HomePage {
  private readonly graphql = inject(GraphQLService);
  protected readonly year = new Date().getFullYear();

  protected readonly cooperations = resource({
    loader: async (): Promise<CooperationOverview[]> => {
      const { cooperations } = await this.graphql.query<{
        cooperations: Omit<CooperationOverview, 'overview'>[];
      }>(COOPERATIONS);
      return Promise.all(
        cooperations.map(async (cooperation) => {
          const { overview } = await this.graphql.query<{ overview: CooperationOverview['overview'] }>(
            OVERVIEW,
            {
              id: cooperation.id,
              year: this.year,
            },
          );
          return { ...cooperation, overview };
        }),
      );
    },
  });
}
