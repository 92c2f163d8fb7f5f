import { ChangeDetectionStrategy, Component } from '@angular/core';

// Interim: this page is being written.
@Component({
  selector: 'koop-city-profile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>city-profile</h1>',
})
export class CityProfilePage {}
