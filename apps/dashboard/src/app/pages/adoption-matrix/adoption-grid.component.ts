import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { STAGE_SYMBOLS } from '../../shared/labels';
import { clampPosition, type GridPosition, isDataCell, nextPosition } from './grid-keys';
import type { MatrixCellView, ShapedMatrix } from './matrix-shape';

/**
 * The matrix as an ARIA grid: one tab stop, arrow keys move between cells (roving tabindex), Enter or
 * Space asks to edit the focused cell. Headers stay in view while the grid scrolls in its own box.
 */
@Component({
  selector: 'koop-adoption-grid',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './adoption-grid.component.html',
  // Listened to on the host, for every cell at once.
  host: { '(keydown)': 'onKeydown($event)', '(focusin)': 'onFocusin($event)' },
  styleUrls: ['./adoption-grid.component.css', './stage-colours.css'],
})
export class AdoptionGridComponent {
  readonly matrix = input.required<ShapedMatrix>();
  /** Id of the element that names the grid. */
  readonly labelledBy = input.required<string>();
  readonly describedBy = input<string | null>(null);
  /** Whether the user may change a city's row; the API decides in the end. */
  readonly mayEdit = input<(cityId: string) => boolean>(() => true);
  /** Marks the editable rows, when only some are. */
  readonly markEditable = input(false);
  readonly edit = output<MatrixCellView>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly symbols = STAGE_SYMBOLS;

  protected readonly size = computed(() => ({
    rows: this.matrix().cities.length + 2,
    cols: this.matrix().services.length + 2,
  }));
  /** The cell that holds the grid's one tab stop; the first data cell until the user moves. */
  private readonly chosen = signal<GridPosition>({ row: 1, col: 1 });
  protected readonly active = computed(() => clampPosition(this.chosen(), this.size()));

  protected tabIndex(row: number, col: number): 0 | -1 {
    const active = this.active();
    return active.row === row && active.col === col ? 0 : -1;
  }

  protected onKeydown(event: KeyboardEvent): void {
    const from = this.positionOf(event.target);
    if (!from) return;
    if (event.key === 'Enter' || event.key === ' ') {
      if (isDataCell(from, this.size())) {
        event.preventDefault();
        this.onCellClick(this.matrix().cells[from.row - 1][from.col - 1]);
      }
      return;
    }
    const to = nextPosition(from, event, this.size());
    if (!to) return;
    event.preventDefault();
    this.moveTo(to);
  }

  /** Keeps the tab stop where the user clicked or tabbed to. */
  protected onFocusin(event: FocusEvent): void {
    const position = this.positionOf(event.target);
    if (position) this.chosen.set(position);
  }

  protected onCellClick(cell: MatrixCellView): void {
    if (this.mayEdit()(cell.city.id)) this.edit.emit(cell);
  }

  /** Moves focus to the cell of a city and a service (e.g. when its editor closes), or keeps it in the grid. */
  focusCell(cityId: string, serviceId: string): void {
    const matrix = this.matrix();
    const row = matrix.cities.findIndex((c) => c.id === cityId);
    const col = matrix.services.findIndex((s) => s.id === serviceId);
    if (row >= 0 && col >= 0) this.chosen.set({ row: row + 1, col: col + 1 });
    // The cell may just have been re-rendered with its new content, or filtered away.
    afterNextRender(() => this.focusAt(this.active()), { injector: this.injector });
  }

  private moveTo(position: GridPosition): void {
    this.chosen.set(position);
    this.focusAt(position);
  }

  private focusAt(position: GridPosition): void {
    const element = this.host.nativeElement.querySelector<HTMLElement>(
      `[data-row="${position.row}"][data-col="${position.col}"]`,
    );
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private positionOf(target: EventTarget | null): GridPosition | null {
    const element = (target as HTMLElement | null)?.closest?.('[data-row]');
    if (!element) return null;
    return { row: Number(element.getAttribute('data-row')), col: Number(element.getAttribute('data-col')) };
  }
}
