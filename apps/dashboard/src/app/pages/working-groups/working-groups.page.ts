import { ChangeDetectionStrategy, Component } from '@angular/core';

// Interim: this page is being written.
@Component({
  selector: 'koop-working-groups-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>working-groups</h1>',
})
export class WorkingGroupsPage {}
