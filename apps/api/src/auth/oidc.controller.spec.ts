import { safeReturnPath } from './oidc.controller.js';

describe('safeReturnPath', () => {
  it.each([
    ['/', '/'],
    ['/projekte', '/projekte'],
    ['/projekte?seite=2&sortierung=titel#liste', '/projekte?seite=2&sortierung=titel#liste'],
    ['/staedte/../projekte', '/projekte'],
    ['/%5Cevil.example', '/%5Cevil.example'],
  ])('keeps the same-site path %j', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    [undefined, 'missing'],
    [['/a', '/b'], 'given twice'],
    ['', 'empty'],
    ['projekte', 'relative to the current path'],
    ['https://evil.example/', 'absolute'],
    ['//evil.example/', 'protocol-relative'],
    ['/\\evil.example/', 'a backslash that browsers read as a slash'],
    ['/\tevil', 'with a control character'],
    ['javascript:alert(1)', 'a script URL'],
    [`/${'x'.repeat(2000)}`, 'longer than 2000 characters'],
  ])('refuses %j (%s) for /', (value, _reason) => {
    expect(safeReturnPath(value)).toBe('/');
  });
});
