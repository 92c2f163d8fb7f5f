import { contactError, experienceError, solutionUrlError } from './solutions.js';

describe('contactError', () => {
  it.each([
    'Team Onlinedienste, Amt für Digitalisierung, Stadt Augsburg',
    'Referat 3, Stadt Kempten (Allgäu), digitalisierung@kempten.de',
    'OZG-Team (ozg-team@stadt-rosenheim.de), Projekt 2024-2026',
    'Bürgerbüro, Rathausplatz 1, 86150 Augsburg',
  ])('accepts a role and an office: %s', (contact) => {
    expect(contactError(contact)).toBeNull();
  });

  it.each([
    ['Frau Huber, Bürgerbüro', /not a person/],
    ['Bürgerbüro, z. Hd. Herr Maier', /not a person/],
    ['Dr. Weber', /not a person/],
    ['Amt für Digitalisierung, max.mustermann@augsburg.de', /personal e-mail/],
    ['m_huber@kempten.de', /personal e-mail/],
    ['Servicestelle, Tel. 0821 324-1234', /phone number/],
    ['Servicestelle +49 (821) 324 1234', /phone number/],
  ])('refuses %s', (contact, reason) => {
    expect(contactError(contact)).toMatch(reason);
  });

  it('refuses a contact longer than 300 characters', () => {
    expect(contactError('x'.repeat(301))).toMatch(/at most 300/);
  });
});

describe('solutionUrlError', () => {
  it('accepts absolute http and https links only', () => {
    expect(solutionUrlError('https://gitlab.opencode.de/x/y')).toBeNull();
    expect(solutionUrlError('http://intranet.example/x')).toBeNull();
    expect(solutionUrlError('javascript:alert(1)')).toMatch(/https:\/\//);
    expect(solutionUrlError('ftp://example.org')).toMatch(/https:\/\//);
    expect(solutionUrlError('/relative')).toMatch(/absolute/);
    expect(solutionUrlError('https:/missing-slash')).toMatch(/absolute/);
    expect(solutionUrlError('https://exa mple.org')).toMatch(/absolute/);
    expect(solutionUrlError('https://example.org:8443/a?b=c#d')).toBeNull();
    expect(solutionUrlError('https://user:secret@example.org')).toMatch(/password/);
  });
});

describe('experienceError', () => {
  it('accepts whole numbers from 1 to 5 and nothing', () => {
    expect([1, 5, null, undefined].map(experienceError)).toEqual([null, null, null, null]);
    expect([0, 6, 2.5].map(experienceError).every((m) => m?.includes('1 to 5'))).toBe(true);
  });
});
