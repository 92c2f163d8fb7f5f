import { ChangeDetectionStrategy, Component } from '@angular/core';

// Interim: this page is being written.
@Component({
  selector: 'koop-satisfaction-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>satisfaction</h1>',
})
export class SatisfactionPage {}
