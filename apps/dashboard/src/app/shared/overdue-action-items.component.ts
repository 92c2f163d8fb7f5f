import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { StatusBadgeComponent } from '@koop/ui';
import { FormatService } from '../core/format.service';
import { loaded, queryResource } from '../core/graphql-resource';
import { OverdueActionItemsDocument, type ActionItemFilter } from '../graphql/generated/graphql';
import { LoadStateComponent } from './load-state.component';

let nextId = 0;

/**
 * The action items still open past their due date, for a cooperation, a working group, a project or the
 * city that owns them: each with its owner, due date and the meeting that agreed it.
 */
@Component({
  selector: 'koop-overdue-action-items',
  imports: [RouterLink, TranslocoDirective, StatusBadgeComponent, LoadStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <section
        class="card koop-card overdue-items"
        [attr.aria-labelledby]="id"
        data-section="overdue-action-items"
      >
        <h2 [id]="id">
          {{ t('meetings.overdueSection.title') }}
          @if (items().length > 0) {
            <span class="count">({{ items().length }})</span>
          }
        </h2>
        <koop-load-state
          [resource]="overdue"
          [empty]="items().length === 0"
          [emptyText]="t('meetings.overdueSection.none')"
        >
          <ul>
            @for (item of items(); track item.id) {
              <li [attr.data-action-item]="item.id" data-overdue="true">
                <koop-status-badge tone="red" [label]="t('meetings.overdue')" />
                <span class="title">{{ item.title }}</span>
                <span class="meta">
                  {{ item.ownerCity?.name ?? item.ownerWorkingGroup?.name ?? '' }} ·
                  {{ t('meetings.detail.dueOn') }} {{ format.date(item.dueOn) }} ·
                  <a [routerLink]="['/sitzungen', item.meeting.id]">{{
                    t('meetings.detail.fromMeeting', { title: item.meeting.title })
                  }}</a>
                </span>
              </li>
            }
          </ul>
        </koop-load-state>
      </section>
    </ng-container>
  `,
  styles: `
    h2 {
      font-size: 1.15rem;
      margin: 0 0 0.5rem;
    }
    .count {
      font-weight: normal;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      padding: 0.4rem 0;
      border-bottom: 1px solid var(--koop-line, #d0d7de);
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: baseline;
    }
    li:last-child {
      border-bottom: none;
    }
    .title {
      font-weight: 600;
    }
    .meta {
      color: var(--koop-muted);
    }
    a {
      color: var(--koop-blue);
    }
  `,
})
export class OverdueActionItemsComponent {
  protected readonly format = inject(FormatService);
  protected readonly id = `koop-overdue-${nextId++}`;

  /** Which action items: of a cooperation, a working group, a project, or owned by a city. */
  readonly filter = input.required<Omit<ActionItemFilter, 'overdue'> | undefined>();

  protected readonly overdue = queryResource(OverdueActionItemsDocument, () => {
    const filter = this.filter();
    return filter ? { filter: { ...filter, overdue: true } } : undefined;
  });
  protected readonly items = computed(
    () => loaded(this.overdue)?.actionItems.edges.map((edge) => edge.node) ?? [],
  );
}
