import { ChangeDetectionStrategy, Component } from '@angular/core';

// Interim: this page is being written.
@Component({
  selector: 'koop-projects-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>projects</h1>',
})
export class ProjectsPage {}
