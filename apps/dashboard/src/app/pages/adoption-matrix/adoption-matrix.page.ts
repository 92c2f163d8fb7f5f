import { ChangeDetectionStrategy, Component } from '@angular/core';

// Interim: this page is being written.
@Component({
  selector: 'koop-adoption-matrix-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>adoption-matrix</h1>',
})
export class AdoptionMatrixPage {}
