import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../../core/auth.service';
import { LedGroupProjectsComponent } from './led-group-projects.component';

/** A lead's own work: the projects of the working groups they lead, where they post status updates. */
@Component({
  selector: 'koop-my-projects-page',
  imports: [RouterLink, TranslocoDirective, LedGroupProjectsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('myProjects.title') }}</h1>
      @if (auth.ledWorkingGroupIds().length === 0) {
        <p>{{ t('myProjects.none') }}</p>
        <p>
          <a routerLink="/projekte">{{ t('myProjects.allProjects') }}</a>
        </p>
      } @else {
        <p class="koop-lead">{{ t('myProjects.lead') }}</p>
        @for (id of auth.ledWorkingGroupIds(); track id) {
          <koop-led-group-projects [workingGroupId]="id" />
        }
      }
    </ng-container>
  `,
  styles: `
    h1 {
      margin: 0 0 0.25rem;
    }
    a {
      color: var(--koop-blue);
    }
  `,
})
export class MyProjectsPage {
  protected readonly auth = inject(AuthService);
}
