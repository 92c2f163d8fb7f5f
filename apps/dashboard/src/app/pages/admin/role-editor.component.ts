import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  model,
  viewChild,
} from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/language.service';
import type { Role } from '../../graphql/generated/graphql';
import { NO_NAMES, type ScopeNames } from '../../shared/history/scope-names';
import { emptyRow, localizedMessage, ROLES, scopeOf, type RoleRow, type RowPart } from './role-form';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * The roles of an account as rows: a role each, with the city or working group the role needs. Every
 * control has its label; the API's messages appear next to the control they concern.
 */
@Component({
  selector: 'koop-role-editor',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="roles" *transloco="let t">
      <legend>{{ t('admin.roles.legend') }}</legend>
      <p class="hint">{{ t('admin.roles.hint') }}</p>
      @for (row of rows(); track row.key; let i = $index) {
        @let base = idPrefix() + '-' + row.key;
        @let scope = scopeOf(row.role);
        <fieldset class="row">
          <legend>{{ t('admin.roles.row', { n: i + 1 }) }}</legend>
          <div class="field koop-field">
            <label [for]="base + '-role'">{{ t('admin.roles.role') }}</label>
            <select
              [id]="base + '-role'"
              [attr.aria-invalid]="problem(i, 'role') ? true : null"
              [attr.aria-describedby]="problem(i, 'role') ? base + '-role-error' : null"
              (change)="setRole(i, $any($event.target).value)"
            >
              <option value="" [selected]="row.role === ''">{{ t('admin.roles.choose') }}</option>
              @for (role of roles; track role) {
                <option [value]="role" [selected]="row.role === role">{{ t('auth.roles.' + role) }}</option>
              }
            </select>
            @if (problem(i, 'role'); as message) {
              @let text = localized(message, t);
              <p class="error" [id]="base + '-role-error'" [attr.lang]="text.lang">{{ text.text }}</p>
            }
          </div>
          @if (scope === 'city') {
            <div class="field koop-field">
              <label [for]="base + '-city'">{{ t('admin.roles.city') }}</label>
              <select
                [id]="base + '-city'"
                [attr.aria-invalid]="problem(i, 'scope') ? true : null"
                [attr.aria-describedby]="problem(i, 'scope') ? base + '-scope-error' : null"
                (change)="setScope(i, 'cityId', $any($event.target).value)"
              >
                <option value="" [selected]="row.cityId === ''">{{ t('admin.roles.choose') }}</option>
                @for (city of names().cities; track city.id) {
                  <option [value]="city.id" [selected]="row.cityId === city.id">{{ city.name }}</option>
                }
              </select>
              @if (problem(i, 'scope'); as message) {
                @let text = localized(message, t);
                <p class="error" [id]="base + '-scope-error'" [attr.lang]="text.lang">{{ text.text }}</p>
              }
            </div>
          } @else if (scope === 'workingGroup') {
            <div class="field koop-field">
              <label [for]="base + '-group'">{{ t('admin.roles.workingGroup') }}</label>
              <select
                [id]="base + '-group'"
                [attr.aria-invalid]="problem(i, 'scope') ? true : null"
                [attr.aria-describedby]="problem(i, 'scope') ? base + '-scope-error' : null"
                (change)="setScope(i, 'workingGroupId', $any($event.target).value)"
              >
                <option value="" [selected]="row.workingGroupId === ''">{{ t('admin.roles.choose') }}</option>
                @for (group of names().workingGroups; track group.id) {
                  <option [value]="group.id" [selected]="row.workingGroupId === group.id">
                    {{ group.name }} ({{ group.cooperation }})
                  </option>
                }
              </select>
              @if (problem(i, 'scope'); as message) {
                @let text = localized(message, t);
                <p class="error" [id]="base + '-scope-error'" [attr.lang]="text.lang">{{ text.text }}</p>
              }
            </div>
          }
          <button type="button" class="remove koop-button" (click)="remove(i)">
            {{ t('admin.roles.remove') }}
            <span class="sr-only">{{ t('admin.roles.removeRow', { n: i + 1 }) }}</span>
          </button>
        </fieldset>
      } @empty {
        <p class="empty">{{ t('admin.roles.empty') }}</p>
      }
      <button type="button" class="add koop-button" #addButton (click)="add()">
        <span aria-hidden="true">+</span> {{ t('admin.roles.add') }}
      </button>
    </fieldset>
  `,
  styles: `
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    .roles > legend {
      font-weight: 600;
      padding: 0;
    }
    .hint,
    .empty {
      color: var(--koop-muted);
      font-size: 0.95rem;
      margin: 0.15rem 0 0.5rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem 0.75rem;
      border: 1px solid var(--koop-border);
      border-radius: 6px;
      padding: 0.4rem 0.75rem 0.75rem;
      margin-bottom: 0.5rem;
      background: #f8fafc;
    }
    .row > legend {
      font-size: 0.9rem;
      color: var(--koop-muted);
      padding: 0 0.25rem;
    }
    .field {
      flex: 1 1 12rem;
      min-width: 0;
      max-width: 24rem;
    }
    label {
      font-size: 0.95rem;
    }
    select {
      font: inherit;
      padding: 0.4rem 0.5rem;
      border: 1px solid #6b7785;
      border-radius: 4px;
      background: #fff;
      max-width: 100%;
    }
    select[aria-invalid='true'] {
      border: 2px solid #9a0007;
    }
    .error {
      color: #9a0007;
      font-size: 0.95rem;
      margin: 0;
    }
    button {
      padding: 0.4rem 0.8rem;
    }
    .remove {
      border-color: #6b7785;
      color: var(--koop-ink);
    }
  `,
})
export class RoleEditorComponent {
  private readonly language = inject(LanguageService);

  readonly rows = model.required<readonly RoleRow[]>();
  readonly names = input<ScopeNames>(NO_NAMES);
  /** Messages by row index and part, from the API or the form's own check. */
  readonly problems = input<Readonly<Record<number, Partial<Record<RowPart, string>>>>>({});
  /** Prefix of the controls' ids, unique on the page. */
  readonly idPrefix = input.required<string>();

  private readonly addButton = viewChild<ElementRef<HTMLButtonElement>>('addButton');
  protected readonly roles = ROLES;
  protected readonly scopeOf = scopeOf;

  protected problem(index: number, part: RowPart): string | undefined {
    return this.problems()[index]?.[part];
  }

  protected localized(message: string, t: Translate): { text: string; lang: string } {
    return localizedMessage(message, this.language.language(), (role) => t(`auth.roles.${role}`));
  }

  protected setRole(index: number, role: Role | ''): void {
    this.update(index, { role });
  }

  protected setScope(index: number, field: 'cityId' | 'workingGroupId', value: string): void {
    this.update(index, { [field]: value });
  }

  protected add(): void {
    this.rows.update((rows) => [...rows, emptyRow()]);
  }

  protected remove(index: number): void {
    this.rows.update((rows) => rows.filter((_, i) => i !== index));
    // The removed row took the focused button with it: go on from a control that stays.
    this.addButton()?.nativeElement.focus();
  }

  private update(index: number, changes: Partial<RoleRow>): void {
    this.rows.update((rows) => rows.map((row, i) => (i === index ? { ...row, ...changes } : row)));
  }
}
