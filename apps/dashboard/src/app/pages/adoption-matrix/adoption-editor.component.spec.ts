import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, inject, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { InMemoryCache } from '@apollo/client';
import { provideTranslocoScope, TranslocoTestingModule } from '@jsverse/transloco';
import { provideRouter } from '@angular/router';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import de from '../../../../public/i18n/de.json';
import matrixDe from '../../../../public/i18n/adoptionMatrix/de.json';
import { AdoptionEditorComponent } from './adoption-editor.component';
import type { MatrixCellView } from './matrix-shape';

/*
 * The grid knows only a cell's stage and maturity; the editor loads the rest (notes, source, version)
 * when it opens, and opens once it has it.
 */

const CELL: MatrixCellView = {
  city: { id: '7', name: 'Kempten (Allgäu)' },
  service: { id: '42', title: 'Wohnsitz anmelden', ozgTopic: null },
  adoption: { stage: 'LIVE', maturityModel: '1.1', maturityLevel: 3 },
  matches: true,
};

@Component({
  imports: [AdoptionEditorComponent],
  template: `<koop-adoption-editor [cell]="cell()" />`,
})
class HostComponent {
  readonly cell = signal(CELL);
}

interface Body {
  readonly operationName: string;
  readonly variables: Record<string, unknown>;
}

function setup() {
  // jsdom has the element but not its modal behaviour.
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.open = true;
  };
  TestBed.configureTestingModule({
    imports: [
      HostComponent,
      TranslocoTestingModule.forRoot({
        langs: { de, 'adoptionMatrix/de': matrixDe },
        translocoConfig: { availableLangs: ['de', 'en'], defaultLang: 'de' },
      }),
    ],
    providers: [
      // As the page's route provides it.
      provideTranslocoScope('adoptionMatrix'),
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideApollo(() => ({
        link: inject(HttpLink).create({ uri: '/graphql' }),
        cache: new InMemoryCache(),
      })),
    ],
  });
  const fixture = TestBed.createComponent(HostComponent);
  const http = TestBed.inject(HttpTestingController);
  const element = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    for (let round = 0; round < 3; round++) {
      fixture.detectChanges();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return { fixture, http, element, settle };
}

describe('the adoption editor', () => {
  it('loads the cell in full when it opens, and opens once it has it', async () => {
    const { http, element, settle } = setup();
    await settle();
    const dialog = element.querySelector('dialog');
    expect(dialog?.open).toBe(false);
    const request = http.expectOne('/graphql');
    const body = request.request.body as Body;
    expect(body.operationName).toBe('AdoptionMatrixCellDetail');
    expect(body.variables).toEqual({ projectId: '42', cityId: '7' });
    request.flush({
      data: {
        adoption: {
          __typename: 'Adoption',
          id: '900',
          cityId: '7',
          projectId: '42',
          stage: 'LIVE',
          maturityModel: '1.1',
          maturityLevel: 3,
          liveSince: '2025-03-01',
          source: 'EFA_SUBSCRIPTION',
          notes: 'Über EfA angeschlossen.',
          version: 4,
          updatedAt: '2026-02-01T10:00:00.000Z',
          reusedSolution: null,
        },
      },
    });
    await settle();
    expect(dialog?.open).toBe(true);
    // Taken over via EfA: the service's solutions are offered, once loaded.
    const solutions = http.expectOne('/graphql');
    expect((solutions.request.body as Body).operationName).toBe('AdoptionMatrixSolutions');
    solutions.flush({ data: { project: { __typename: 'Project', id: '42', solutions: [] } } });
    await settle();
    const field = (name: string) => element.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value;
    expect(field('stage')).toBe('LIVE');
    expect(field('maturityLevel')).toBe('3');
    expect(field('liveSince')).toBe('2025-03-01');
    expect(field('source')).toBe('EFA_SUBSCRIPTION');
    expect(field('notes')).toBe('Über EfA angeschlossen.');
    expect(element.querySelector('.meta')?.textContent).toContain('Version 4');
    expect(field('reusedSolutionId')).toBe('');
    expect(element.querySelector(`[id$="reusedSolutionId-hint"]`)?.textContent).toContain(
      de.adoptionReuse.noneFit,
    );
    http.verify();
  });

  it('offers the service’s solutions of other cities when the source takes over someone’s work, and sends the one chosen', async () => {
    const { http, element, settle } = setup();
    await settle();
    http.expectOne('/graphql').flush({ data: { adoption: null } });
    await settle();
    // Built by the city itself: no solution to name, nothing loaded.
    expect(element.querySelector('[name="reusedSolutionId"]')).toBeNull();
    const source = element.querySelector<HTMLSelectElement>('[name="source"]');
    if (!source) throw new Error('no source field');
    source.value = 'REUSED_FROM_PARTNER';
    source.dispatchEvent(new Event('change'));
    await settle();
    const request = http.expectOne('/graphql');
    expect((request.request.body as Body).variables).toEqual({ projectId: '42' });
    const city = (id: string, name: string) => ({ __typename: 'City', id, name });
    request.flush({
      data: {
        project: {
          __typename: 'Project',
          id: '42',
          solutions: [
            { __typename: 'Solution', id: '5', title: 'Wohnsitzmodul', developedBy: [city('1', 'Augsburg')] },
            { __typename: 'Solution', id: '6', title: 'Eigenes Modul', developedBy: [city('7', 'Kempten')] },
          ],
        },
      },
    });
    await settle();
    const select = element.querySelector<HTMLSelectElement>('[name="reusedSolutionId"]');
    const label = element.querySelector(`label[for="${select?.id}"]`);
    expect(label?.textContent?.trim()).toBe(de.adoptionReuse.label);
    const options = [...(select?.options ?? [])].map((option) =>
      option.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(options).toEqual([de.adoptionReuse.none, 'Wohnsitzmodul (von Augsburg)']);
    if (!select) throw new Error('no solution field');
    select.value = '5';
    select.dispatchEvent(new Event('change'));
    await settle();
    const link = element.querySelector<HTMLAnchorElement>('a[href="/loesungen/5"]');
    expect(link?.textContent).toContain('Wohnsitzmodul');
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle();
    const save = http.expectOne('/graphql');
    expect((save.request.body as Body).variables).toEqual({
      input: expect.objectContaining({ source: 'REUSED_FROM_PARTNER', reusedSolutionId: '5' }),
    });
  });

  it('starts a new record where the city has none', async () => {
    const { http, element, settle } = setup();
    await settle();
    http.expectOne('/graphql').flush({ data: { adoption: null } });
    await settle();
    expect(element.querySelector('dialog')?.open).toBe(true);
    expect(element.querySelector('.meta')?.textContent).toContain(matrixDe.editor.newRecord);
    expect(element.querySelector<HTMLSelectElement>('[name="stage"]')?.value).toBe('NOT_PLANNED');
  });

  it('says so when the cell cannot be loaded, and offers only to close', async () => {
    const { http, element, settle } = setup();
    await settle();
    http.expectOne('/graphql').error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await settle();
    expect(element.querySelector('dialog')?.open).toBe(true);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(matrixDe.editor.loadNetworkFailed);
    expect(element.querySelector('form select, form textarea')).toBeNull();
    const buttons = [...element.querySelectorAll('button')].map((button) => button.textContent?.trim());
    expect(buttons).toEqual([de.common.close]);
  });
});
