import { ChangeDetectionStrategy, Component } from '@angular/core';

// Interim: this page is being written.
@Component({
  selector: 'koop-cockpit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>cockpit</h1>',
})
export class CockpitPage {}
