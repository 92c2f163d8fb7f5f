import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { Component, inject, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { InMemoryCache } from '@apollo/client';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import de from '../../../../public/i18n/de.json';
import adminDe from '../../../../public/i18n/admin/de.json';
import { HistoryComponent, historyFilter } from './history.component';

@Component({
  imports: [HistoryComponent],
  template: `<koop-history [entity]="entity()" [entityId]="entityId()" />`,
})
class HostComponent {
  readonly entity = signal('Project');
  readonly entityId = signal('5');
}

interface Body {
  readonly operationName: string;
  readonly variables: Record<string, unknown>;
}

function entry(id: number, operation: string) {
  return {
    __typename: 'AuditEntry',
    id: String(id),
    at: '2026-03-12T14:05:00.000Z',
    accountId: '1',
    username: 'demo-lead',
    authorName: 'Leitung Onlinedienste',
    operation,
    subject: 'Wohnsitz anmelden',
    entity: 'Project',
    entityId: '5',
    city: null,
    project: { __typename: 'Project', id: '5', title: 'Wohnsitz anmelden' },
    changes: [{ __typename: 'FieldChange', field: 'phase', before: '"PILOT"', after: '"LIVE"' }],
    batchRowCount: 0,
    batchRows: [] as unknown[],
  };
}

/** The one entry of an import of 30 rows, of which the city's history shows the first. */
function importEntry() {
  const change = (field: string, before: string, after: string) => ({
    __typename: 'FieldChange',
    field,
    before,
    after,
  });
  return {
    ...entry(20, 'importSatisfaction'),
    entity: 'Satisfaction',
    entityId: '',
    subject: 'zufriedenheit.csv',
    project: null,
    changes: [change('fileName', 'null', '"zufriedenheit.csv"'), change('changed', 'null', '1')],
    batchRowCount: 30,
    batchRows: [
      {
        __typename: 'AuditBatchRow',
        position: 0,
        entityId: '77',
        key: '2025-02',
        city: { __typename: 'City', id: '3', name: 'Kempten (Allgäu)' },
        project: { __typename: 'Project', id: '5', title: 'Wohnsitz anmelden' },
        changes: [change('visits', '400', '444')],
      },
    ],
  };
}

function page(entries: readonly object[], hasNextPage: boolean, total: number) {
  return {
    auditLog: {
      __typename: 'AuditEntryConnection',
      totalCount: total,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: hasNextPage ? 'cursor-1' : null },
      edges: entries.map((node) => ({ __typename: 'AuditEntryEdge', node })),
    },
  };
}

function setup(role: string) {
  TestBed.configureTestingModule({
    imports: [
      HostComponent,
      TranslocoTestingModule.forRoot({
        langs: { de, 'admin/de': adminDe },
        translocoConfig: { availableLangs: ['de', 'en'], defaultLang: 'de' },
      }),
    ],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      provideApollo(() => ({
        link: inject(HttpLink).create({ uri: '/graphql' }),
        cache: new InMemoryCache(),
      })),
    ],
  });
  const fixture = TestBed.createComponent(HostComponent);
  const http = TestBed.inject(HttpTestingController);
  const me = {
    __typename: 'Me',
    account: {
      __typename: 'Account',
      id: '1',
      username: 'someone',
      displayName: 'Someone',
      mustChangePassword: false,
    },
    roles: [{ __typename: 'RoleGrant', role, cityId: role === 'CDO' ? '3' : null, workingGroupId: null }],
  };
  /** Answers every pending request; `auditLog` by `pages`, the rest as a signed-in `role`. */
  async function answer(pages: Record<string, unknown> = {}): Promise<Body[]> {
    const bodies: Body[] = [];
    for (let round = 0; round < 5; round++) {
      fixture.detectChanges();
      // Not whenStable: a request still open keeps the application unstable until it is answered.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const requests: TestRequest[] = http.match('/graphql');
      for (const request of requests) {
        const body = request.request.body as Body;
        bodies.push(body);
        if (body.operationName === 'Me') request.flush({ data: { me } });
        else if (body.operationName === 'ScopeNames')
          request.flush({ data: { cities: [], cooperations: [] } });
        else request.flush({ data: pages[String(body.variables['after'] ?? 'first')] });
      }
    }
    fixture.detectChanges();
    return bodies;
  }
  return { fixture, answer, element: fixture.nativeElement as HTMLElement };
}

describe('the history of a row', () => {
  it('takes in what belongs to a project or a city, and any other row alone', () => {
    expect(historyFilter('Project', '5')).toEqual({ projectId: '5' });
    expect(historyFilter('City', '3')).toEqual({ cityId: '3' });
    expect(historyFilter('WorkingGroup', '2')).toEqual({ entity: 'WorkingGroup', entityId: '2' });
  });

  it('shows an admin the changes of a project, newest first, and loads older ones on request', async () => {
    const { answer, element } = setup('ADMIN');
    const bodies = await answer({
      first: page([entry(12, 'postStatusUpdate'), entry(11, 'updateProject')], true, 3),
      'cursor-1': page([entry(4, 'createProject')], false, 3),
    });
    const audit = bodies.filter((body) => body.operationName === 'AuditLogPage');
    expect(audit.map((body) => body.variables)).toEqual([{ filter: { projectId: '5' }, first: 10 }]);
    expect(element.querySelector('h2')?.textContent).toContain('Änderungsverlauf');
    const titles = () => [...element.querySelectorAll('h3')].map((h) => h.textContent?.trim());
    expect(titles()).toEqual(['Statusmeldung veröffentlicht', 'Projekt geändert']);
    // Fields, authors and rows as people read them: "Phase", not "phase"; the display name, not the username
    expect(element.querySelector('tbody tr th')?.textContent?.trim()).toBe('Phase');
    expect(element.querySelector('.meta strong')?.textContent).toBe('Leitung Onlinedienste');
    expect(element.querySelector('.what span')?.textContent).toBe('Projekt „Wohnsitz anmelden“');
    expect(element.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-12T14:05:00.000Z');

    const more = [...element.querySelectorAll('button')].find((b) => b.textContent?.includes('Ältere'));
    expect(more).toBeDefined();
    more?.click();
    const next = await answer({ 'cursor-1': page([entry(4, 'createProject')], false, 3) });
    expect(next.filter((b) => b.operationName === 'AuditLogPage').map((b) => b.variables)).toEqual([
      { filter: { projectId: '5' }, first: 10, after: 'cursor-1' },
    ]);
    expect(titles()).toEqual(['Statusmeldung veröffentlicht', 'Projekt geändert', 'Projekt angelegt']);
    expect(element.textContent).toContain('3 von 3 Änderungen angezeigt.');
    expect([...element.querySelectorAll('button')].some((b) => b.textContent?.includes('Ältere'))).toBe(
      false,
    );
  });

  it('shows an import as one entry with the rows it wrote beneath it', async () => {
    const { answer, element } = setup('ADMIN');
    await answer({ first: page([importEntry()], false, 1) });
    expect(element.querySelector('h3')?.textContent?.trim()).toBe('Zufriedenheitswerte importiert');
    expect(element.querySelector('.what span')?.textContent).toBe('Zufriedenheitswerte „zufriedenheit.csv“');
    expect(element.querySelector('h4')?.textContent?.trim()).toBe('Importierte Zeilen (30)');
    const table = element.querySelector('table.batch');
    expect(table?.querySelector('caption')?.textContent?.trim()).toBe('Importierte Zeilen (30)');
    const cells = [...(table?.querySelectorAll('tbody th, tbody td') ?? [])].map((cell) =>
      cell.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(cells).toEqual(['Wohnsitz anmelden', 'Kempten (Allgäu)', '2025-02', 'Besuche: 400 →zu 444']);
    expect(element.textContent).toContain('Die ersten 1 von 30 Zeilen sind gezeigt');
  });

  it('shows nothing and asks nothing of those who may not read the audit log', async () => {
    const { answer, element } = setup('CITY_EDITOR');
    const bodies = await answer();
    expect(bodies.map((body) => body.operationName)).toEqual(['Me']);
    expect(element.textContent?.trim()).toBe('');
  });
});
