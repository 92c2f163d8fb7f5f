import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv();

// jsdom has no canvas: charts are drawn for real only in the browser tests.
Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { value: () => null });
