import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => {
  // Nothing else can report a failed start: the page stays empty otherwise.
  document.body.textContent = `Das Kooperationscockpit konnte nicht starten: ${String(error)}`;
});
