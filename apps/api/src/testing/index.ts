// The testing feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
export { API_NODE_ARGS, ROOT, requireBuiltServer, startApiProcess, type ApiProcess } from './api-process.js';
export { writtenAt } from './clock.js';
export { DEMO_PASSWORD, SUBSCRIPTION, openStream, signInCookie, type EventStream } from './event-stream.js';
export {
  buildFixture,
  createCity,
  expectEachRefused,
  expectRefused,
  isoDaysFromToday,
  monthsFromNow,
  ok,
  text,
  type ExpectedError,
  type Fixture,
} from './fixtures.js';
export { errorCode, fileGetter, signedInGetter, type FileAnswer, type FileGetter } from './http-files.js';
export { freePort, startTestProvider, type TestProvider } from './oidc-test-provider.js';
export {
  rawOverview,
  rawSatisfactionSeries,
  rawTimeline,
  type RawOverview,
  type RawSatisfactionPoint,
} from './raw-figures.js';
export { rebuiltSummaryRows, roughly, summaryRows } from './summary-rows.js';
export {
  TEST_PASSWORD,
  onlyError,
  snapshot,
  startTestApp,
  type GraphQLClient,
  type GraphQLResponse,
  type TestApp,
} from './test-app.js';
export { TestBrowser, type Visit } from './test-browser.js';
export { TEST_DIALECT, freshDatabase, sql, type TestDatabase } from './test-database.js';
