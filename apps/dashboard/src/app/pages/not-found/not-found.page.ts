import { ChangeDetectionStrategy, Component } from '@angular/core';
import { NotFoundComponent } from '../../shared/not-found.component';

/** Any address the dashboard does not know. */
@Component({
  selector: 'koop-not-found-page',
  imports: [NotFoundComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<koop-not-found kind="page" />`,
})
export class NotFoundPage {}
