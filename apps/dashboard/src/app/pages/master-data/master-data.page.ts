import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AGS_PATTERN, CITY_KINDS, DISTRICTS, membershipEndError, todayIso } from '@koop/domain';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import {
  MasterAddMembershipDocument,
  MasterCreateCityDocument,
  MasterCreateCooperationDocument,
  MasterDataPageDocument,
  MasterEndMembershipDocument,
  MasterUpdateCityDocument,
  MasterUpdateCooperationDocument,
  MasterUpdateMembershipDocument,
  type MasterCityFragment,
  type MasterCooperationFragment,
  type MasterMembershipFragment,
} from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { pageTitle } from '../../shared/page-title';
import { EditPanelComponent, type SendValues } from '../data-entry/edit-panel.component';
import { missingFields, parseNumber, textOrNull, type FormProblems } from '../data-entry/field-problems';
import type { FieldSpec, FormValues } from '../data-entry/record-form.component';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The one form open on the page, and the row it concerns. */
type Editor =
  | { readonly kind: 'newCooperation' }
  | { readonly kind: 'cooperation'; readonly id: string }
  | { readonly kind: 'newCity' }
  | { readonly kind: 'city'; readonly id: string }
  | { readonly kind: 'addMember' }
  | { readonly kind: 'member'; readonly id: string }
  | { readonly kind: 'endMember'; readonly id: string };

const str = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * The cooperation office's master data: cooperations, their member cities (joining, changing, ending a
 * membership, which stays as history) and the cities themselves. Every change carries the version the
 * office saw; a change made by someone else meanwhile is shown to take or to overwrite.
 */
@Component({
  selector: 'koop-master-data-page',
  imports: [TranslocoDirective, LoadStateComponent, EditPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('masterData.title') }}</h1>
      <p class="koop-lead">{{ t('masterData.lead') }}</p>
      <p class="notice" role="status">{{ notice() }}</p>

      <koop-load-state [resource]="page">
        <section aria-labelledby="cooperations-heading">
          <h2 id="cooperations-heading">{{ t('masterData.cooperations.title') }}</h2>
          <div class="koop-table-wrap" role="region" aria-labelledby="cooperations-caption" tabindex="0">
            <table class="koop-table">
              <caption id="cooperations-caption">
                {{
                  t('masterData.cooperations.caption')
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ t('masterData.field.name') }}</th>
                  <th scope="col">{{ t('masterData.field.shortName') }}</th>
                  <th scope="col">{{ t('masterData.cooperations.members') }}</th>
                  <th scope="col">{{ t('masterData.actions') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (c of cooperations(); track c.id) {
                  <tr [class.chosen]="c.id === cooperationId()">
                    <th scope="row">{{ c.name }}</th>
                    <td>{{ c.shortName }}</td>
                    <td>{{ activeMembers(c) }}</td>
                    <td class="actions">
                      <button
                        type="button"
                        class="koop-button"
                        (click)="open({ kind: 'cooperation', id: c.id })"
                      >
                        {{ t('masterData.change') }} <span class="sr-only">{{ c.name }}</span>
                      </button>
                      <button
                        type="button"
                        class="koop-button"
                        [attr.aria-pressed]="c.id === cooperationId()"
                        (click)="chooseCooperation(c.id)"
                      >
                        {{ t('masterData.cooperations.showMembers') }}
                        <span class="sr-only">{{ c.name }}</span>
                      </button>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @let e = editor();
          @if (e?.kind === 'cooperation' || e?.kind === 'newCooperation') {
            <koop-edit-panel
              [fields]="cooperationFields(t)"
              [initial]="cooperationInitial()"
              [heading]="
                e?.kind === 'newCooperation'
                  ? t('masterData.cooperations.new')
                  : t('masterData.cooperations.edit')
              "
              [submitLabel]="t('masterData.save')"
              [check]="checkCooperation"
              [send]="sendCooperation(t)"
              [valuesOf]="cooperationValues"
              (done)="saved($event)"
              (cancelled)="close()"
            />
          } @else {
            <p>
              <button type="button" class="koop-button-primary" (click)="open({ kind: 'newCooperation' })">
                {{ t('masterData.cooperations.new') }}
              </button>
            </p>
          }
        </section>

        @if (cooperation(); as co) {
          <section aria-labelledby="members-heading">
            <h2 id="members-heading" tabindex="-1">
              {{ t('masterData.members.title', { cooperation: co.name }) }}
            </h2>
            <div class="koop-table-wrap" role="region" aria-labelledby="members-caption" tabindex="0">
              <table class="koop-table">
                <caption id="members-caption">
                  {{
                    t('masterData.members.caption', { cooperation: co.shortName })
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ t('common.city') }}</th>
                    <th scope="col">{{ t('masterData.field.joinedOn') }}</th>
                    <th scope="col">{{ t('masterData.field.endedOn') }}</th>
                    <th scope="col">{{ t('masterData.field.role') }}</th>
                    <th scope="col">{{ t('masterData.actions') }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (m of co.members; track m.id) {
                    <tr [class.ended]="m.endedOn">
                      <th scope="row">{{ m.city.name }}</th>
                      <td>{{ m.joinedOn ? format.date(m.joinedOn) : '–' }}</td>
                      <td>{{ m.endedOn ? format.date(m.endedOn) : t('masterData.members.active') }}</td>
                      <td>{{ m.role ?? '–' }}</td>
                      <td class="actions">
                        <button
                          type="button"
                          class="koop-button"
                          (click)="open({ kind: 'member', id: m.id })"
                        >
                          {{ t('masterData.change') }} <span class="sr-only">{{ m.city.name }}</span>
                        </button>
                        @if (!m.endedOn) {
                          <button
                            type="button"
                            class="koop-button"
                            (click)="open({ kind: 'endMember', id: m.id })"
                          >
                            {{ t('masterData.members.end') }} <span class="sr-only">{{ m.city.name }}</span>
                          </button>
                        }
                      </td>
                    </tr>
                  } @empty {
                    <tr>
                      <td colspan="5">{{ t('masterData.members.none') }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
            @if (e?.kind === 'addMember') {
              <koop-edit-panel
                [fields]="addMemberFields(t)"
                [initial]="{ cityId: '', joinedOn: today, role: '' }"
                [heading]="t('masterData.members.add', { cooperation: co.shortName })"
                [submitLabel]="t('masterData.members.addSubmit')"
                [check]="checkAddMember"
                [send]="sendAddMember(t)"
                (done)="saved($event)"
                (cancelled)="close()"
              />
            } @else if (e?.kind === 'member' && membership(); as m) {
              <koop-edit-panel
                [fields]="memberFields(t)"
                [initial]="memberInitial()"
                [heading]="t('masterData.members.edit', { city: m.city.name })"
                [submitLabel]="t('masterData.save')"
                [send]="sendMember(t)"
                [valuesOf]="memberValuesOfRow"
                (done)="saved($event)"
                (cancelled)="close()"
              />
            } @else if (e?.kind === 'endMember' && membership(); as m) {
              <koop-edit-panel
                [fields]="endFields(t)"
                [initial]="{ endedOn: today }"
                [heading]="t('masterData.members.endTitle', { city: m.city.name, cooperation: co.shortName })"
                [submitLabel]="t('masterData.members.endSubmit')"
                [check]="checkEnd(m)"
                [send]="sendEnd(t)"
                [valuesOf]="endValuesOfRow"
                (done)="saved($event)"
                (cancelled)="close()"
              />
            } @else {
              <p>
                <button type="button" class="koop-button-primary" (click)="open({ kind: 'addMember' })">
                  {{ t('masterData.members.add', { cooperation: co.shortName }) }}
                </button>
              </p>
            }
          </section>
        }

        <section aria-labelledby="cities-heading">
          <h2 id="cities-heading">{{ t('masterData.cities.title') }}</h2>
          @if (e?.kind === 'city' || e?.kind === 'newCity') {
            <koop-edit-panel
              [fields]="cityFields(t)"
              [initial]="cityInitial()"
              [heading]="e?.kind === 'newCity' ? t('masterData.cities.new') : t('masterData.cities.edit')"
              [submitLabel]="t('masterData.save')"
              [check]="checkCity"
              [send]="sendCity(t)"
              [valuesOf]="cityValues"
              (done)="saved($event)"
              (cancelled)="close()"
            />
          } @else {
            <p>
              <button type="button" class="koop-button-primary" (click)="open({ kind: 'newCity' })">
                {{ t('masterData.cities.new') }}
              </button>
            </p>
          }
          <div class="koop-table-wrap" role="region" aria-labelledby="cities-caption" tabindex="0">
            <table class="koop-table">
              <caption id="cities-caption">
                {{
                  t('masterData.cities.caption', { count: cities().length })
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ t('masterData.field.name') }}</th>
                  <th scope="col">{{ t('masterData.field.ags') }}</th>
                  <th scope="col" class="num">{{ t('masterData.field.population') }}</th>
                  <th scope="col">{{ t('masterData.field.district') }}</th>
                  <th scope="col">{{ t('masterData.field.kind') }}</th>
                  <th scope="col">{{ t('masterData.actions') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (c of cities(); track c.id) {
                  <tr>
                    <th scope="row">{{ c.name }}</th>
                    <td>{{ c.ags }}</td>
                    <td class="num">{{ format.number(c.population) }}</td>
                    <td>{{ c.district }}</td>
                    <td>{{ c.kind }}</td>
                    <td>
                      <button type="button" class="koop-button" (click)="open({ kind: 'city', id: c.id })">
                        {{ t('masterData.change') }} <span class="sr-only">{{ c.name }}</span>
                      </button>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </section>
      </koop-load-state>
    </ng-container>
  `,
  styles: `
    section {
      margin-bottom: 1.75rem;
    }
    h2 {
      font-size: 1.25rem;
    }
    .notice {
      color: #1b5e20;
      font-weight: 600;
    }
    .notice:empty {
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    .num {
      text-align: right;
    }
    tr.chosen th,
    tr.chosen td {
      background: #eef4fb;
    }
    tr.ended th,
    tr.ended td {
      color: var(--koop-muted, #4a5560);
    }
  `,
})
export class MasterDataPage {
  private readonly apollo = inject(Apollo);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly format = inject(FormatService);
  protected readonly today = todayIso();

  protected readonly page = queryResource(MasterDataPageDocument, () => ({}));
  protected readonly cooperations = computed(() => loaded(this.page)?.cooperations ?? []);
  protected readonly cities = computed(() => loaded(this.page)?.cities ?? []);
  protected readonly editor = signal<Editor | null>(null);
  protected readonly notice = signal('');
  private readonly chosenCooperation = signal<string | null>(null);
  protected readonly cooperationId = computed(
    () => this.chosenCooperation() ?? this.cooperations()[0]?.id ?? null,
  );
  protected readonly cooperation = computed(() =>
    this.cooperations().find((c) => c.id === this.cooperationId()),
  );
  protected readonly membership = computed(() => {
    const e = this.editor();
    return e && 'id' in e ? this.cooperation()?.members.find((m) => m.id === e.id) : undefined;
  });

  constructor() {
    pageTitle(toSignal(this.transloco.selectTranslate<string>('title', {}, 'masterData')));
  }

  protected activeMembers(c: MasterCooperationFragment): number {
    return c.members.filter((m) => !m.endedOn).length;
  }

  protected open(editor: Editor): void {
    this.notice.set('');
    this.editor.set(editor);
    this.focusFirstField();
  }

  protected close(): void {
    this.editor.set(null);
  }

  protected chooseCooperation(id: string): void {
    this.chosenCooperation.set(id);
    this.editor.set(null);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('#members-heading')?.focus(), {
      injector: this.injector,
    });
  }

  protected saved(notice: string): void {
    this.notice.set(notice);
    this.editor.set(null);
    this.page.reload();
  }

  private focusFirstField(): void {
    afterNextRender(
      () =>
        this.host.nativeElement
          .querySelector<HTMLElement>('koop-edit-panel input, koop-edit-panel select')
          ?.focus(),
      { injector: this.injector },
    );
  }

  private async mutate<T>(options: Parameters<Apollo['mutate']>[0]): Promise<T> {
    const result = await firstValueFrom(this.apollo.mutate(options as never));
    if (!result.data) throw result.error ?? new Error('no data');
    return result.data as T;
  }

  // ---- cooperations ----

  protected cooperationFields(t: Translate): FieldSpec[] {
    return [
      { name: 'name', label: t('masterData.field.name'), kind: 'text', required: true },
      { name: 'shortName', label: t('masterData.field.shortName'), kind: 'text', required: true },
      { name: 'description', label: t('masterData.field.description'), kind: 'textarea' },
    ];
  }

  protected readonly cooperationValues = (row: Record<string, unknown>): FormValues => ({
    name: str(row['name']),
    shortName: str(row['shortName']),
    description: str(row['description']),
  });

  protected readonly cooperationInitial = computed(() => {
    const e = this.editor();
    const row = e?.kind === 'cooperation' ? this.cooperations().find((c) => c.id === e.id) : undefined;
    return row ? this.cooperationValues(row) : { name: '', shortName: '', description: '' };
  });

  protected readonly checkCooperation = (values: FormValues): FormProblems => ({
    fields: missingFields(values, ['name', 'shortName']),
    general: null,
  });

  protected sendCooperation(t: Translate): SendValues {
    return async (values, version) => {
      const e = this.editor();
      const fields = {
        name: String(values['name']),
        shortName: String(values['shortName']),
        description: textOrNull(values['description']),
      };
      if (e?.kind === 'cooperation') {
        const row = this.cooperations().find((c) => c.id === e.id);
        await this.mutate({
          mutation: MasterUpdateCooperationDocument,
          variables: { input: { id: e.id, version: version ?? row?.version ?? 1, ...fields } },
        });
        return t('masterData.cooperations.saved', { name: fields.name });
      }
      await this.mutate({ mutation: MasterCreateCooperationDocument, variables: { input: fields } });
      return t('masterData.cooperations.created', { name: fields.name });
    };
  }

  // ---- memberships ----

  protected addMemberFields(t: Translate): FieldSpec[] {
    const members = new Set(this.cooperation()?.members.map((m) => m.city.id) ?? []);
    return [
      {
        name: 'cityId',
        label: t('common.city'),
        kind: 'select',
        required: true,
        options: this.cities()
          .filter((c) => !members.has(c.id))
          .map((c) => ({ value: c.id, label: c.name })),
      },
      { name: 'joinedOn', label: t('masterData.field.joinedOn'), kind: 'date' },
      {
        name: 'role',
        label: t('masterData.field.role'),
        kind: 'text',
        hint: t('masterData.members.roleHint'),
      },
    ];
  }

  protected readonly checkAddMember = (values: FormValues): FormProblems => ({
    fields: missingFields(values, ['cityId']),
    general: null,
  });

  protected sendAddMember(t: Translate): SendValues {
    return async (values) => {
      const cityId = String(values['cityId']);
      await this.mutate({
        mutation: MasterAddMembershipDocument,
        variables: {
          input: {
            cooperationId: this.cooperationId(),
            cityId,
            joinedOn: textOrNull(values['joinedOn']),
            role: textOrNull(values['role']),
          },
        },
      });
      const city = this.cities().find((c) => c.id === cityId)?.name ?? cityId;
      return t('masterData.members.added', { city, cooperation: this.cooperation()?.shortName ?? '' });
    };
  }

  protected memberFields(t: Translate): FieldSpec[] {
    return [
      { name: 'joinedOn', label: t('masterData.field.joinedOn'), kind: 'date' },
      {
        name: 'role',
        label: t('masterData.field.role'),
        kind: 'text',
        hint: t('masterData.members.roleHint'),
      },
    ];
  }

  protected readonly memberInitial = computed<FormValues>(() => {
    const m = this.membership();
    return { joinedOn: m?.joinedOn ?? '', role: m?.role ?? '' };
  });

  protected readonly memberValuesOfRow = (row: Record<string, unknown>): FormValues => ({
    joinedOn: str(row['joinedOn']),
    role: str(row['role']),
  });

  protected sendMember(t: Translate): SendValues {
    return async (values, version) => {
      const m = this.membership();
      if (!m) throw new Error('no membership');
      await this.mutate({
        mutation: MasterUpdateMembershipDocument,
        variables: {
          input: {
            id: m.id,
            version: version ?? m.version,
            joinedOn: textOrNull(values['joinedOn']),
            role: textOrNull(values['role']),
          },
        },
      });
      return t('masterData.members.saved', { city: m.city.name });
    };
  }

  protected endFields(t: Translate): FieldSpec[] {
    return [
      {
        name: 'endedOn',
        label: t('masterData.field.endedOn'),
        kind: 'date',
        required: true,
        hint: t('masterData.members.endHint'),
      },
    ];
  }

  protected readonly endValuesOfRow = (row: Record<string, unknown>): FormValues => ({
    endedOn: str(row['endedOn']),
  });

  protected checkEnd(m: MasterMembershipFragment): (values: FormValues) => FormProblems {
    return (values) => {
      const endedOn = String(values['endedOn'] ?? '');
      const problem = endedOn === '' ? 'must not be empty' : membershipEndError(m.joinedOn, endedOn);
      const fields: Record<string, string> = problem ? { endedOn: problem } : {};
      return { fields, general: null };
    };
  }

  protected sendEnd(t: Translate): SendValues {
    return async (values, version) => {
      const m = this.membership();
      if (!m) throw new Error('no membership');
      const endedOn = String(values['endedOn']);
      await this.mutate({
        mutation: MasterEndMembershipDocument,
        variables: { input: { id: m.id, version: version ?? m.version, endedOn } },
      });
      return t('masterData.members.ended', { city: m.city.name, date: this.format.date(endedOn) });
    };
  }

  // ---- cities ----

  protected cityFields(t: Translate): FieldSpec[] {
    return [
      { name: 'name', label: t('masterData.field.name'), kind: 'text', required: true },
      {
        name: 'ags',
        label: t('masterData.field.ags'),
        kind: 'text',
        required: true,
        hint: t('masterData.cities.agsHint'),
      },
      { name: 'population', label: t('masterData.field.population'), kind: 'count', required: true },
      {
        name: 'district',
        label: t('masterData.field.district'),
        kind: 'select',
        required: true,
        options: DISTRICTS.map((d) => ({ value: d, label: d })),
      },
      {
        name: 'kind',
        label: t('masterData.field.kind'),
        kind: 'select',
        required: true,
        options: CITY_KINDS.map((k) => ({ value: k, label: k })),
      },
    ];
  }

  protected readonly cityValues = (row: Record<string, unknown>): FormValues => ({
    name: str(row['name']),
    ags: str(row['ags']),
    population: str(row['population']),
    district: str(row['district']),
    kind: str(row['kind']),
  });

  protected readonly cityInitial = computed(() => {
    const e = this.editor();
    const row: MasterCityFragment | undefined =
      e?.kind === 'city' ? this.cities().find((c) => c.id === e.id) : undefined;
    return row ? this.cityValues(row) : { name: '', ags: '', population: '', district: '', kind: '' };
  });

  protected readonly checkCity = (values: FormValues): FormProblems => {
    const fields = missingFields(values, ['name', 'ags', 'population', 'district', 'kind']);
    const ags = String(values['ags'] ?? '').trim();
    if (!fields['ags'] && !AGS_PATTERN.test(ags)) fields['ags'] = 'must be exactly 8 digits';
    const population = parseNumber(String(values['population'] ?? ''));
    if (!fields['population'] && (population === null || !Number.isInteger(population))) {
      fields['population'] = 'must be a whole number';
    } else if (!fields['population'] && population !== null && population < 0) {
      fields['population'] = 'must not be negative';
    }
    return { fields, general: null };
  };

  protected sendCity(t: Translate): SendValues {
    return async (values, version) => {
      const e = this.editor();
      const fields = {
        name: String(values['name']).trim(),
        ags: String(values['ags']).trim(),
        population: parseNumber(String(values['population'])) ?? 0,
        district: String(values['district']),
        kind: String(values['kind']),
      };
      if (e?.kind === 'city') {
        const row = this.cities().find((c) => c.id === e.id);
        await this.mutate({
          mutation: MasterUpdateCityDocument,
          variables: { input: { id: e.id, version: version ?? row?.version ?? 1, ...fields } },
        });
        return t('masterData.cities.saved', { name: fields.name });
      }
      await this.mutate({ mutation: MasterCreateCityDocument, variables: { input: fields } });
      return t('masterData.cities.created', { name: fields.name });
    };
  }
}
