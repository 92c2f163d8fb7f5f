import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { monthOf } from '@koop/domain';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { FormatService } from '../../core/format.service';
import { requestProblem } from '../../core/graphql-errors';
import { loaded, queryResource } from '../../core/graphql-resource';
import { LanguageService } from '../../core/language.service';
import {
  RecordSatisfactionEntryDocument,
  SatisfactionEntryCityDocument,
  SatisfactionEntryMonthsDocument,
  type SatisfactionEntryRowFragment,
} from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { pageTitle } from '../../shared/page-title';
import { ConflictNoticeComponent, type CurrentValue } from './conflict-notice.component';
import { hasProblems, localizedProblem, NO_PROBLEMS, problemsAt, type FormProblems } from './field-problems';
import { RecordFormComponent, type FieldSpec, type FormValues } from './record-form.component';
import {
  FIGURE_FIELDS,
  figureInput,
  figureProblems,
  monthsUpTo,
  monthValues,
  sameFigures,
  SATISFACTION_FIELDS,
  type FigureField,
  type RecordedMonth,
} from './satisfaction-entry';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** A grid row's outcome after saving. */
interface RowState {
  readonly problems: FormProblems;
  readonly conflict: RecordedMonth | null;
}

const NO_ROW_STATE: RowState = { problems: NO_PROBLEMS, conflict: null };

/** The row a CONFLICT carries, as the API stores it. */
function recordedOf(current: unknown): RecordedMonth | null {
  if (!current || typeof current !== 'object') return null;
  const row = current as Record<string, unknown>;
  return typeof row['version'] === 'number' && typeof row['month'] === 'string'
    ? (row as unknown as RecordedMonth)
    : null;
}

/**
 * A city's satisfaction figures, entered by its editors, its CDO and administrators: month by month for one
 * service, or one month for all the services the city runs live. Each month is checked with the API's rules
 * at the field before it is sent; the API's own answer is shown at the field it names; a month someone else
 * changed meanwhile is shown as it is now, to take or to overwrite.
 */
@Component({
  selector: 'koop-satisfaction-entry-page',
  imports: [TranslocoDirective, RouterLink, LoadStateComponent, RecordFormComponent, ConflictNoticeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('dataEntry.satisfaction.title', { city: cityName() }) }}</h1>
      <p class="koop-lead">{{ t('dataEntry.satisfaction.lead') }}</p>
      @if (!mayEdit()) {
        <p class="notice-problem" role="alert">{{ t('dataEntry.satisfaction.noAccess') }}</p>
      }
      <p>
        <a [routerLink]="['/kommunen', cityId()]">{{ t('dataEntry.satisfaction.backToCity') }}</a>
      </p>
      <koop-load-state [resource]="cityQuery">
        @if (services().length === 0) {
          <p>{{ t('dataEntry.satisfaction.noServices') }}</p>
        } @else {
          <section class="koop-card" aria-labelledby="by-service-heading">
            <h2 id="by-service-heading">{{ t('dataEntry.satisfaction.byService') }}</h2>
            <div class="field">
              <label for="entry-service">{{ t('dataEntry.satisfaction.service') }}</label>
              <select
                id="entry-service"
                class="koop-input"
                (change)="chooseService($any($event.target).value)"
              >
                @for (s of services(); track s.id) {
                  <option [value]="s.id" [selected]="s.id === serviceId()">{{ s.title }}</option>
                }
              </select>
            </div>

            <koop-load-state [resource]="monthsQuery">
              <div class="koop-table-wrap" role="region" aria-labelledby="months-caption" tabindex="0">
                <table class="koop-table">
                  <caption id="months-caption">
                    {{
                      t('dataEntry.satisfaction.monthsCaption', { service: serviceTitle() })
                    }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ t('common.month') }}</th>
                      @for (f of figureFields; track f) {
                        <th scope="col" class="num">{{ t('dataEntry.satisfaction.field.' + f) }}</th>
                      }
                      <th scope="col">{{ t('dataEntry.satisfaction.action') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (month of tableMonths(); track month) {
                      @let row = recordedMonth(month);
                      <tr [class.editing]="month === editMonth()">
                        <th scope="row">{{ format.month(month) }}</th>
                        @for (f of figureFields; track f) {
                          <td class="num">{{ row ? shown(row[f], f) : '–' }}</td>
                        }
                        <td>
                          <button type="button" class="koop-button" (click)="editAt(month)">
                            {{ row ? t('dataEntry.satisfaction.edit') : t('dataEntry.satisfaction.enter') }}
                            <span class="sr-only">{{ format.month(month) }}</span>
                          </button>
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            </koop-load-state>

            <p class="notice" role="status">{{ notice() }}</p>
            <koop-record-form
              [fields]="monthFields(t)"
              [initial]="formInitial()"
              [heading]="
                t('dataEntry.satisfaction.formHeading', {
                  month: format.month(editMonth()),
                  service: serviceTitle(),
                })
              "
              [submitLabel]="t('dataEntry.satisfaction.save')"
              [problems]="problems()"
              [sending]="sending()"
              (submitted)="save($event, t)"
            >
              @if (conflict(); as c) {
                <koop-conflict-notice
                  [current]="currentValues(c, t)"
                  (takeCurrent)="takeCurrent(c)"
                  (overwrite)="overwrite(c, t)"
                />
              }
            </koop-record-form>
          </section>

          <section class="koop-card" aria-labelledby="grid-heading">
            <h2 id="grid-heading">{{ t('dataEntry.satisfaction.byMonth') }}</h2>
            <p>{{ t('dataEntry.satisfaction.gridLead') }}</p>
            <div class="field">
              <label for="grid-month">{{ t('common.month') }}</label>
              <input
                id="grid-month"
                type="month"
                class="koop-input"
                [value]="gridMonth()"
                [max]="thisMonth"
                (change)="chooseGridMonth($any($event.target).value)"
              />
            </div>
            <koop-load-state [resource]="gridQuery">
              <form novalidate (submit)="saveGrid($event, t)">
                <div class="koop-table-wrap grid" role="region" aria-labelledby="grid-caption" tabindex="0">
                  <table class="koop-table">
                    <caption id="grid-caption">
                      {{
                        t('dataEntry.satisfaction.gridCaption', { month: format.month(gridMonth()) })
                      }}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{{ t('dataEntry.satisfaction.service') }}</th>
                        @for (f of figureFields; track f) {
                          <th scope="col" [id]="'grid-col-' + f">
                            {{ t('dataEntry.satisfaction.field.' + f) }}
                          </th>
                        }
                        <th scope="col">{{ t('dataEntry.satisfaction.rowState') }}</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (s of services(); track s.id) {
                        @let state = rowState(s.id);
                        <tr>
                          <th scope="row" [id]="'grid-row-' + s.id">{{ s.title }}</th>
                          @for (f of figureFields; track f) {
                            @let problem = state.problems.fields[f];
                            <td>
                              <input
                                type="text"
                                class="koop-input cell"
                                [attr.inputmode]="
                                  f === 'averageRating' || f === 'nps' ? 'decimal' : 'numeric'
                                "
                                [id]="'grid-' + s.id + '-' + f"
                                [attr.aria-labelledby]="'grid-col-' + f + ' grid-row-' + s.id"
                                [attr.aria-invalid]="problem ? true : null"
                                [attr.aria-describedby]="problem ? 'grid-' + s.id + '-' + f + '-error' : null"
                                [value]="gridValue(s.id, f)"
                                (input)="setGridValue(s.id, f, $any($event.target).value)"
                              />
                              @if (problem) {
                                @let text = localized(problem);
                                <span
                                  class="error"
                                  [id]="'grid-' + s.id + '-' + f + '-error'"
                                  [attr.lang]="text.lang"
                                  >{{ text.text }}</span
                                >
                              }
                            </td>
                          }
                          <td class="state">
                            @if (state.conflict; as current) {
                              <span class="error">{{ t('dataEntry.satisfaction.rowConflict') }}</span>
                              <button
                                type="button"
                                class="koop-button"
                                (click)="takeRowCurrent(s.id, current)"
                              >
                                {{ t('dataEntry.conflict.takeCurrent') }}
                                <span class="sr-only">{{ s.title }}</span>
                              </button>
                            } @else if (state.problems.general; as general) {
                              @let text = localized(general);
                              <span class="error" [attr.lang]="text.lang">{{ text.text }}</span>
                            } @else if (savedRows().has(s.id)) {
                              <span class="saved">✓ {{ t('dataEntry.satisfaction.rowSaved') }}</span>
                            } @else if (gridRow(s.id)) {
                              {{ t('dataEntry.satisfaction.rowRecorded') }}
                            }
                          </td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </div>
                <p class="notice" role="status">{{ gridNotice() }}</p>
                <button type="submit" class="koop-button-primary" [attr.aria-disabled]="gridSending()">
                  {{ gridSending() ? t('dataEntry.form.saving') : t('dataEntry.satisfaction.saveGrid') }}
                </button>
              </form>
            </koop-load-state>
          </section>
        }
      </koop-load-state>
    </ng-container>
  `,
  styles: `
    section {
      margin-bottom: 1.25rem;
    }
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.5rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      max-width: 28rem;
      margin-bottom: 0.75rem;
    }
    label {
      font-weight: 600;
    }
    .num {
      text-align: right;
    }
    tr.editing th,
    tr.editing td {
      background: #eef4fb;
    }
    .notice {
      color: #1b5e20;
      font-weight: 600;
    }
    .notice:empty {
      margin: 0;
    }
    .notice-problem,
    .error {
      color: #9a0007;
      font-weight: 600;
    }
    .grid .cell {
      width: 6.5rem;
    }
    .grid td {
      vertical-align: top;
    }
    .grid .error {
      display: block;
      font-size: 0.85rem;
      max-width: 10rem;
    }
    .saved {
      color: #1b5e20;
    }
  `,
})
export class SatisfactionEntryPage {
  readonly cityId = input.required<string>();

  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly format = inject(FormatService);
  protected readonly figureFields = FIGURE_FIELDS;
  protected readonly thisMonth = monthOf(new Date());

  protected readonly cityQuery = queryResource(SatisfactionEntryCityDocument, () => ({ id: this.cityId() }));
  protected readonly cityName = computed(() => loaded(this.cityQuery)?.city.name ?? '');
  protected readonly mayEdit = computed(() => this.auth.mayEditCity(this.cityId()));
  /** The services the city runs live, by title. */
  protected readonly services = computed(() =>
    (loaded(this.cityQuery)?.city.adoptions ?? [])
      .filter((adoption) => adoption.stage === 'LIVE')
      .map((adoption) => adoption.project)
      .sort((a, b) => a.title.localeCompare(b.title, 'de')),
  );

  // ---- one service, month by month ----

  private readonly chosenService = signal<string | null>(null);
  protected readonly serviceId = computed(() => this.chosenService() ?? this.services()[0]?.id ?? null);
  protected readonly serviceTitle = computed(
    () => this.services().find((s) => s.id === this.serviceId())?.title ?? '',
  );
  protected readonly tableMonths = computed(() => monthsUpTo(this.thisMonth, 12));
  protected readonly monthsQuery = queryResource(SatisfactionEntryMonthsDocument, () => {
    const projectId = this.serviceId();
    const months = this.tableMonths();
    return projectId
      ? { cityId: this.cityId(), projectId, from: months[months.length - 1], to: months[0] }
      : undefined;
  });
  protected readonly editMonth = signal(monthsUpTo(monthOf(new Date()), 2)[1]);
  protected readonly problems = signal<FormProblems>(NO_PROBLEMS);
  protected readonly sending = signal(false);
  protected readonly notice = signal('');
  protected readonly conflict = signal<{ current: RecordedMonth; values: FormValues } | null>(null);
  /** The form starts from the month being edited, as recorded; a new object resets what was typed. */
  protected readonly formInitial = linkedSignal(() =>
    monthValues(this.editMonth(), this.recordedMonth(this.editMonth()), this.language.language()),
  );
  /** Rows saved here since the months were loaded, newer than the query's. */
  private readonly savedMonths = signal(new Map<string, RecordedMonth>());

  // ---- one month, every service ----

  protected readonly gridMonth = signal(monthsUpTo(monthOf(new Date()), 2)[1]);
  protected readonly gridQuery = queryResource(SatisfactionEntryMonthsDocument, () => ({
    cityId: this.cityId(),
    from: this.gridMonth(),
    to: this.gridMonth(),
  }));
  private readonly gridRows = computed(
    () =>
      new Map(
        (loaded(this.gridQuery)?.satisfactionMonths ?? []).map((row) => [row.project.id, row] as const),
      ),
  );
  /** Rows saved in the grid since it was loaded. */
  protected readonly savedRows = linkedSignal<Map<string, RecordedMonth>>(() => {
    this.gridRows();
    return new Map();
  });
  /** What is typed in the grid, per service; starts from the recorded month. */
  private readonly gridValues = linkedSignal<Map<string, FormValues>>(() => {
    const language = this.language.language();
    const rows = this.gridRows();
    return new Map(
      this.services().map((s) => {
        const { month: _month, ...figures } = monthValues(this.gridMonth(), rows.get(s.id) ?? null, language);
        return [s.id, figures] as const;
      }),
    );
  });
  private readonly rowStates = linkedSignal<Map<string, RowState>>(() => {
    this.gridRows();
    return new Map();
  });
  protected readonly gridSending = signal(false);
  protected readonly gridNotice = signal('');

  constructor() {
    pageTitle(toSignal(this.transloco.selectTranslate<string>('satisfaction.title', {}, 'dataEntry')));
  }

  protected monthFields(t: Translate): FieldSpec[] {
    return SATISFACTION_FIELDS.map((name) => ({
      name,
      label: t(`dataEntry.satisfaction.field.${name}`),
      kind: name === 'month' ? 'month' : name === 'averageRating' || name === 'nps' ? 'decimal' : 'count',
      required: name === 'month' || name === 'ratingsCount',
      hint:
        name === 'month' || name === 'ratingsCount' ? undefined : t(`dataEntry.satisfaction.hint.${name}`),
    }));
  }

  protected recordedMonth(month: string): RecordedMonth | null {
    return (
      this.savedMonths().get(`${this.serviceId()}:${month}`) ??
      loaded(this.monthsQuery)?.satisfactionMonths.find((row) => row.month === month) ??
      null
    );
  }

  protected shown(value: number | null, field: FigureField): string {
    if (value === null) return '–';
    return field === 'averageRating' ? this.format.number(value, 2) : this.format.number(value);
  }

  protected localized(message: string) {
    return localizedProblem(message, this.language.language());
  }

  protected chooseService(id: string): void {
    this.chosenService.set(id);
    this.savedMonths.set(new Map());
    this.resetForm();
  }

  protected editAt(month: string): void {
    this.editMonth.set(month);
    this.resetForm();
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>('koop-record-form input')?.focus(),
      {
        injector: this.injector,
      },
    );
  }

  private resetForm(): void {
    this.problems.set(NO_PROBLEMS);
    this.conflict.set(null);
    this.notice.set('');
  }

  protected currentValues(c: { current: RecordedMonth }, t: Translate): CurrentValue[] {
    return FIGURE_FIELDS.map((field) => ({
      label: t(`dataEntry.satisfaction.field.${field}`),
      value: this.shown(c.current[field], field),
    }));
  }

  protected takeCurrent(c: { current: RecordedMonth }): void {
    this.remember(c.current);
    this.editMonth.set(c.current.month);
    this.formInitial.set(monthValues(c.current.month, c.current, this.language.language()));
    this.resetForm();
  }

  protected overwrite(c: { current: RecordedMonth; values: FormValues }, t: Translate): void {
    void this.send(c.values, c.current.version, t);
  }

  protected async save(values: FormValues, t: Translate): Promise<void> {
    this.notice.set('');
    this.conflict.set(null);
    const problems = figureProblems(values);
    if (hasProblems(problems)) {
      this.problems.set(problems);
      return;
    }
    const month = String(values['month']);
    const recorded = this.recordedMonth(month);
    if (recorded && sameFigures(values, recorded)) {
      this.problems.set(NO_PROBLEMS);
      this.notice.set(t('dataEntry.satisfaction.unchanged'));
      return;
    }
    await this.send(values, recorded?.version ?? null, t);
  }

  private async send(values: FormValues, version: number | null, t: Translate): Promise<void> {
    const projectId = this.serviceId();
    if (!projectId || this.sending()) return;
    const month = String(values['month']);
    this.sending.set(true);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: RecordSatisfactionEntryDocument,
          variables: { input: { projectId, cityId: this.cityId(), month, ...figureInput(values), version } },
        }),
      );
      const row = result.data?.recordSatisfaction;
      if (!row) throw result.error ?? new Error('no data');
      this.remember(row);
      this.conflict.set(null);
      this.problems.set(NO_PROBLEMS);
      this.editMonth.set(row.month);
      this.formInitial.set(monthValues(row.month, row, this.language.language()));
      this.notice.set(
        t('dataEntry.satisfaction.saved', {
          month: this.format.month(row.month),
          service: this.serviceTitle(),
        }),
      );
    } catch (error) {
      const problem = requestProblem(error);
      const current = recordedOf(problem.current);
      if (problem.code === 'CONFLICT' && current) {
        this.problems.set(NO_PROBLEMS);
        this.conflict.set({ current, values });
      } else {
        this.problems.set(
          problem.code === 'NETWORK'
            ? { fields: {}, general: this.transloco.translate('state.networkError') }
            : problemsAt(problem, SATISFACTION_FIELDS),
        );
      }
    } finally {
      this.sending.set(false);
    }
  }

  private remember(row: RecordedMonth): void {
    const key = `${this.serviceId()}:${row.month}`;
    this.savedMonths.update((rows) => new Map(rows).set(key, row));
  }

  // ---- grid ----

  protected chooseGridMonth(month: string): void {
    if (/^\d{4}-\d{2}$/.test(month)) {
      this.gridMonth.set(month);
      this.gridNotice.set('');
    }
  }

  protected gridRow(projectId: string): RecordedMonth | null {
    return this.savedRows().get(projectId) ?? this.gridRows().get(projectId) ?? null;
  }

  protected gridValue(projectId: string, field: FigureField): string {
    return String(this.gridValues().get(projectId)?.[field] ?? '');
  }

  protected setGridValue(projectId: string, field: FigureField, value: string): void {
    this.gridValues.update((all) => new Map(all).set(projectId, { ...all.get(projectId), [field]: value }));
  }

  protected rowState(projectId: string): RowState {
    return this.rowStates().get(projectId) ?? NO_ROW_STATE;
  }

  protected takeRowCurrent(projectId: string, current: RecordedMonth): void {
    const { month: _month, ...figures } = monthValues(current.month, current, this.language.language());
    this.gridValues.update((all) => new Map(all).set(projectId, figures));
    this.savedRows.update((rows) => new Map(rows).set(projectId, current));
    this.rowStates.update((states) => new Map(states).set(projectId, NO_ROW_STATE));
  }

  /** Saves every changed row, one after the other; each row says how it went, what was typed stays. */
  protected async saveGrid(event: Event, t: Translate): Promise<void> {
    event.preventDefault();
    if (this.gridSending()) return;
    const month = this.gridMonth();
    const changed = this.services().filter((s) => {
      const values = this.gridValues().get(s.id) ?? {};
      return !sameFigures(values, this.gridRow(s.id));
    });
    if (changed.length === 0) {
      this.gridNotice.set(t('dataEntry.satisfaction.gridUnchanged'));
      return;
    }
    const states = new Map<string, RowState>();
    for (const s of changed) {
      const problems = figureProblems({ month, ...this.gridValues().get(s.id) });
      if (hasProblems(problems)) states.set(s.id, { problems, conflict: null });
    }
    if (states.size > 0) {
      this.rowStates.set(states);
      this.gridNotice.set(t('dataEntry.satisfaction.gridProblems', { count: states.size }));
      this.focusFirstGridProblem(states);
      return;
    }
    this.gridSending.set(true);
    let saved = 0;
    try {
      for (const s of changed) {
        const values = this.gridValues().get(s.id) ?? {};
        try {
          const result = await firstValueFrom(
            this.apollo.mutate({
              mutation: RecordSatisfactionEntryDocument,
              variables: {
                input: {
                  projectId: s.id,
                  cityId: this.cityId(),
                  month,
                  ...figureInput(values),
                  version: this.gridRow(s.id)?.version ?? null,
                },
              },
            }),
          );
          const row: SatisfactionEntryRowFragment | undefined = result.data?.recordSatisfaction;
          if (!row) throw result.error ?? new Error('no data');
          this.savedRows.update((rows) => new Map(rows).set(s.id, row));
          saved += 1;
        } catch (error) {
          const problem = requestProblem(error);
          const current = recordedOf(problem.current);
          states.set(
            s.id,
            problem.code === 'CONFLICT' && current
              ? { problems: NO_PROBLEMS, conflict: current }
              : {
                  problems:
                    problem.code === 'NETWORK'
                      ? { fields: {}, general: this.transloco.translate('state.networkError') }
                      : problemsAt(problem, FIGURE_FIELDS),
                  conflict: null,
                },
          );
        }
      }
    } finally {
      this.gridSending.set(false);
    }
    this.rowStates.set(states);
    this.gridNotice.set(
      states.size === 0
        ? t('dataEntry.satisfaction.gridSaved', { count: saved, month: this.format.month(month) })
        : t('dataEntry.satisfaction.gridPartly', { saved, failed: states.size }),
    );
    if (states.size > 0) this.focusFirstGridProblem(states);
  }

  private focusFirstGridProblem(states: Map<string, RowState>): void {
    const first = this.services().find((s) => states.has(s.id));
    if (!first) return;
    const state = states.get(first.id);
    const field = FIGURE_FIELDS.find((f) => state?.problems.fields[f]) ?? FIGURE_FIELDS[0];
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>(`#grid-${first.id}-${field}`)?.focus(),
      {
        injector: this.injector,
      },
    );
  }
}
