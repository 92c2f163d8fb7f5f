import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/language.service';
import { exportUrl, type ExportDataset, type ExportFile, type ExportParams } from './export-url';

/**
 * The downloads of a list as it is filtered: CSV for German Excel, CSV per RFC 4180 and XLSX. Plain links
 * to the API: the browser saves the file itself (the session cookie goes along on the same origin), so that
 * a large export streams to disk instead of through the page.
 */
@Component({
  selector: 'koop-export-links',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; read: 'exports'">
      <nav class="export-links" [attr.aria-label]="t('group', { what: label() })">
        <span class="label">{{ t('download') }}</span>
        @for (file of files; track file.kind) {
          <a
            class="koop-button"
            [href]="urls()[file.kind]"
            download
            [attr.data-export]="file.kind"
            [attr.title]="file.hint ? t(file.hint) : null"
            >{{ t(file.text) }}<span class="sr-only">: {{ label() }}, {{ t('filtered') }}</span></a
          >
        }
      </nav>
    </ng-container>
  `,
  styles: `
    .export-links {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin: 0.5rem 0 1rem;
    }
    .label {
      font-weight: 600;
    }
    a {
      text-decoration: none;
    }
  `,
})
export class ExportLinksComponent {
  readonly dataset = input.required<ExportDataset>();
  /** The page's filters, as the API's query parameters name them. */
  readonly params = input<ExportParams>({});
  /** What is downloaded, for screen readers ("Projekte"). */
  readonly label = input.required<string>();

  private readonly language = inject(LanguageService).language;

  protected readonly files: readonly { kind: ExportFile; text: string; hint?: string }[] = [
    { kind: 'excel-de', text: 'excel', hint: 'excelHint' },
    { kind: 'rfc4180', text: 'rfc4180', hint: 'rfc4180Hint' },
    { kind: 'xlsx', text: 'xlsx' },
  ];

  protected readonly urls = computed(() => {
    const language = this.language();
    const url = (file: ExportFile) => exportUrl(this.dataset(), file, this.params(), language);
    return { 'excel-de': url('excel-de'), rfc4180: url('rfc4180'), xlsx: url('xlsx') } as Record<
      ExportFile,
      string
    >;
  });
}
