import {
  afterNextRender,
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { STAGE_SYMBOLS } from '../../shared/labels';
import { clampPosition, type GridPosition, isDataCell, nextPosition } from './grid-keys';
import { type Range, type Segment, segments, visibleRange } from './grid-window';
import type { MatrixCellState, MatrixCellView, ShapedMatrix } from './matrix-shape';

/** Sizes of the grid in rem, shared by the styles (bound below) and the arithmetic of what is in view. */
const ROW_REM = 2.5;
const COL_REM = 4.75;
const CITY_REM = 10;
const CITY_REM_NARROW = 7;
const TOTAL_REM = 3.5;
/** Rows and columns drawn beyond those in view, so that short scrolls find them drawn already. */
const ROW_MARGIN = 8;
const COL_MARGIN = 4;

type Translate = (key: string, params?: Record<string, unknown>) => string;

interface CellTexts {
  readonly stage: string;
  readonly maturity: string;
  readonly spoken: string;
}

/** What is in view of the scrolling box, in pixels; the sticky headers and totals already taken off. */
interface Viewport {
  readonly top: number;
  readonly left: number;
  readonly height: number;
  readonly width: number;
  readonly rowPx: number;
  readonly colPx: number;
}

const sameRange = (a: Range | null, b: Range | null) =>
  a === b || (!!a && !!b && a.first === b.first && a.last === b.last);

/**
 * The matrix as an ARIA grid: one tab stop, arrow keys move between cells (roving tabindex), Enter or
 * Space asks to edit the focused cell. Headers and totals stay in view while the grid scrolls in its own
 * box. Only the rows and columns in view (and a margin) are drawn, so that 100 × 600 cells scroll
 * smoothly; aria-rowcount, aria-colcount and the indexes on each row and cell tell assistive technology
 * the whole size. The focused cell's row and column are always drawn, so that focus survives scrolling.
 */
@Component({
  selector: 'koop-adoption-grid',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './adoption-grid.component.html',
  // Listened to once on the host for all cells, rather than once on each of hundreds of cells.
  host: {
    '(keydown)': 'onKeydown($event)',
    '(focusin)': 'onFocusin($event)',
    '(click)': 'onClick($event)',
  },
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
  private readonly changes = inject(ChangeDetectorRef);
  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  protected readonly symbols = STAGE_SYMBOLS;
  protected readonly rowRem = ROW_REM;
  protected readonly colRem = COL_REM;
  protected readonly totalRem = TOTAL_REM;

  /** Phones get a narrower column of city names. */
  private readonly phone =
    typeof window !== 'undefined' && typeof window.matchMedia === 'function'
      ? window.matchMedia('(max-width: 40rem)')
      : null;
  protected readonly narrow = signal(this.phone?.matches ?? false);
  protected readonly cityRem = computed(() => (this.narrow() ? CITY_REM_NARROW : CITY_REM));
  protected readonly tableRem = computed(
    () => this.cityRem() + this.matrix().services.length * COL_REM + TOTAL_REM,
  );

  protected readonly size = computed(() => ({
    rows: this.matrix().cities.length + 2,
    cols: this.matrix().services.length + 2,
  }));
  /** The cell that holds the grid's one tab stop; the first data cell until the user moves. */
  private readonly chosen = signal<GridPosition>({ row: 1, col: 1 });
  protected readonly active = computed(() => clampPosition(this.chosen(), this.size()));

  /**
   * Until the box is measured, an estimate from the window's size (less the page around the box and the
   * sticky parts), so that the first drawing is about the right size.
   */
  private readonly viewport = signal<Viewport>({
    top: 0,
    left: 0,
    height: Math.max((typeof window === 'undefined' ? 900 : window.innerHeight) - 20 * 16, 10 * 16),
    width: Math.max((typeof window === 'undefined' ? 1440 : window.innerWidth) - 16 * 16, 10 * 16),
    rowPx: ROW_REM * 16,
    colPx: COL_REM * 16,
  });
  /**
   * The margin beyond the view is drawn once the first view is on screen: the first drawing is then only
   * what the user sees, and the page is usable sooner.
   */
  private readonly withMargin = signal(false);
  private readonly rowRange = computed(
    () => {
      const v = this.viewport();
      const margin = this.withMargin() ? ROW_MARGIN : 0;
      return visibleRange(v.top, v.height, v.rowPx, this.matrix().cities.length, margin);
    },
    { equal: sameRange },
  );
  private readonly colRange = computed(
    () => {
      const v = this.viewport();
      const margin = this.withMargin() ? COL_MARGIN : 0;
      return visibleRange(v.left, v.width, v.colPx, this.matrix().services.length, margin);
    },
    { equal: sameRange },
  );
  protected readonly rowSegments = computed(() =>
    segments(this.rowRange(), this.matrix().cities.length, [this.active().row - 1]),
  );
  protected readonly colSegments = computed(() =>
    segments(this.colRange(), this.matrix().services.length, [this.active().col - 1]),
  );
  /** Rows that Page Up and Page Down move: those fully in view, less one for context. */
  private readonly pageRows = computed(() => {
    const v = this.viewport();
    return Math.max(1, Math.floor(v.height / v.rowPx) - 1);
  });

  /**
   * The space the sticky headers and totals take at each edge of the box, in pixels: the box's scroll
   * padding, so that the browser scrolls a focused cell clear of them.
   */
  protected readonly sticky = signal(
    { top: 0, bottom: 0, left: 0, right: 0 },
    { equal: (a, b) => a.top === b.top && a.bottom === b.bottom && a.left === b.left && a.right === b.right },
  );

  /** Texts of a cell's state, by language (each language has its own translate function) and code. */
  private readonly texts = new WeakMap<Translate, Map<string, CellTexts>>();

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const box = this.scroller().nativeElement;
      let frame = 0;
      const measureSoon = () => {
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          this.measure();
        });
      };
      box.addEventListener('scroll', measureSoon, { passive: true });
      const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(measureSoon) : null;
      resized?.observe(box);
      const phone = this.phone;
      const onMedia = () => this.narrow.set(phone?.matches ?? false);
      phone?.addEventListener('change', onMedia);
      this.measure();
      // After the frame that shows the first view has been painted.
      const painted = requestAnimationFrame(() => setTimeout(() => this.withMargin.set(true)));
      destroyRef.onDestroy(() => {
        cancelAnimationFrame(painted);
        cancelAnimationFrame(frame);
        box.removeEventListener('scroll', measureSoon);
        resized?.disconnect();
        phone?.removeEventListener('change', onMedia);
      });
    });
  }

  protected segmentKey(segment: Segment): number {
    return segment.kind === 'item' ? segment.index : -1 - segment.from;
  }

  /** The texts of a cell at a stage and maturity, worked out once per language. */
  protected textsOf(t: Translate, a: MatrixCellState): CellTexts {
    let known = this.texts.get(t);
    if (!known) {
      known = new Map();
      this.texts.set(t, known);
    }
    const key = `${a.stage} ${a.maturityModel} ${a.maturityLevel}`;
    let texts = known.get(key);
    if (!texts) {
      const level = a.maturityLevel;
      texts = {
        stage: `${this.symbols[a.stage]} ${t('adoptionMatrix.stageShort.' + a.stage)}`,
        maturity: `${t('adoptionMatrix.maturityPrefix')}${level ?? '–'} · ${a.maturityModel}`,
        spoken: `${t('enum.stage.' + a.stage)}, ${
          level === null
            ? t('adoptionMatrix.maturityNoLevel', { model: a.maturityModel })
            : t('adoptionMatrix.maturityLong', { level, model: a.maturityModel })
        }`,
      };
      known.set(key, texts);
    }
    return texts;
  }

  protected onKeydown(event: KeyboardEvent): void {
    // Keys count only on the grid's cells; the active cell is where focus is, or is about to be.
    if (!this.positionOf(event.target)) return;
    const from = this.active();
    if (event.key === 'Enter' || event.key === ' ') {
      if (isDataCell(from, this.size())) {
        event.preventDefault();
        this.onCellClick(this.matrix().cellAt(from.row - 1, from.col - 1));
      }
      return;
    }
    const to = nextPosition(from, event, { ...this.size(), pageRows: this.pageRows() });
    if (!to) return;
    event.preventDefault();
    this.moveTo(to);
  }

  /** Keeps the tab stop where the user clicked or tabbed to. */
  protected onFocusin(event: FocusEvent): void {
    const position = this.positionOf(event.target);
    if (position) this.chosen.set(position);
  }

  /** A click on a data cell asks to edit it. */
  protected onClick(event: MouseEvent): void {
    const position = this.positionOf(event.target);
    if (position && isDataCell(position, this.size()) && (event.target as Element).closest('td.cell')) {
      this.onCellClick(this.matrix().cellAt(position.row - 1, position.col - 1));
    }
  }

  private onCellClick(cell: MatrixCellView): void {
    if (this.mayEdit()(cell.city.id)) this.edit.emit(cell);
  }

  /** Moves focus to the cell of a city and a service (e.g. when its editor closes), or keeps it in the grid. */
  focusCell(cityId: string, serviceId: string): void {
    const matrix = this.matrix();
    const row = matrix.cities.findIndex((c) => c.id === cityId);
    const col = matrix.services.findIndex((s) => s.id === serviceId);
    if (row >= 0 && col >= 0) this.chosen.set({ row: row + 1, col: col + 1 });
    // The cell may just have been re-rendered with its new content, or filtered away: focus it once the
    // page has passed the matrix down.
    const position = this.active();
    this.reveal(position);
    afterNextRender(() => this.focusAt(position), { injector: this.injector });
  }

  /**
   * Makes `position` the tab stop, scrolls it into view and focuses it at once: the grid draws the cells
   * now rather than at the next frame, so that a key pressed next starts from the new cell.
   */
  private moveTo(position: GridPosition): void {
    this.chosen.set(position);
    this.reveal(position);
    this.changes.detectChanges();
    this.focusAt(position);
  }

  /**
   * Scrolls the box so that the cell at `position` is in view beside the sticky headers and totals. A
   * header or total goes to its end of the grid (Ctrl+Home shows the top left, Ctrl+End the bottom right).
   */
  private reveal(position: GridPosition): void {
    const box = this.scroller().nativeElement;
    const v = this.viewport();
    const { rows, cols } = this.size();
    const along = (index: number, last: number, at: number, itemPx: number, inView: number, max: number) => {
      if (index <= 0) return 0;
      if (index >= last) return max;
      const start = (index - 1) * itemPx;
      if (start < at) return start;
      if (start + itemPx > at + inView) return Math.min(start + itemPx - inView, max);
      return at;
    };
    const top = along(position.row, rows - 1, box.scrollTop, v.rowPx, v.height, box.scrollHeight);
    const left = along(position.col, cols - 1, box.scrollLeft, v.colPx, v.width, box.scrollWidth);
    if (top !== box.scrollTop || left !== box.scrollLeft) {
      box.scrollTo({ top, left, behavior: 'instant' });
      this.measure();
    }
  }

  private focusAt(position: GridPosition): void {
    const element = this.host.nativeElement.querySelector<HTMLElement>(
      `[data-row="${position.row}"][data-col="${position.col}"]`,
    );
    if (!element) return;
    element.focus({ preventScroll: true });
    // The box already shows the cell (reveal); this brings the box itself into the page's view. The box's
    // scroll padding keeps the cell clear of the sticky headers and totals.
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** Reads the box's scroll position and the space its sticky parts leave for the cells. */
  private measure(): void {
    const box = this.scroller().nativeElement;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const part = (selector: string, dimension: 'offsetHeight' | 'offsetWidth') =>
      box.querySelector<HTMLElement>(selector)?.[dimension] ?? 0;
    const sticky = {
      top: part('thead', 'offsetHeight'),
      bottom: part('tfoot', 'offsetHeight'),
      left: part('thead th.corner', 'offsetWidth'),
      right: part('thead th.total-col', 'offsetWidth'),
    };
    this.sticky.set(sticky);
    const next: Viewport = {
      top: box.scrollTop,
      left: box.scrollLeft,
      height: Math.max(box.clientHeight - sticky.top - sticky.bottom, 0),
      width: Math.max(box.clientWidth - sticky.left - sticky.right, 0),
      rowPx: ROW_REM * rem,
      colPx: COL_REM * rem,
    };
    const now = this.viewport();
    if ((Object.keys(next) as (keyof Viewport)[]).some((key) => next[key] !== now[key])) {
      this.viewport.set(next);
    }
  }

  private positionOf(target: EventTarget | null): GridPosition | null {
    const element = (target as HTMLElement | null)?.closest?.('[data-row]');
    if (!element || !this.host.nativeElement.contains(element)) return null;
    return { row: Number(element.getAttribute('data-row')), col: Number(element.getAttribute('data-col')) };
  }
}
