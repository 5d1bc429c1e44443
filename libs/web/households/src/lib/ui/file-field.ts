import { ChangeDetectionStrategy, Component, ElementRef, input, output, viewChild } from '@angular/core';

let nextId = 0;

export const ACCEPTED_DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The reason a file cannot be sent, in the page's language, or null when it can. */
export function documentFileProblem(file: File | null): string | null {
  if (!file) return $localize`:@@households.fileField.required:Choisissez un fichier.`;
  const byExtension = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!ACCEPTED_DOCUMENT_TYPES.includes(file.type) && !(file.type === '' && byExtension)) {
    return $localize`:@@households.fileField.type:Ce fichier n’est pas accepté : choisissez un PDF, une image JPEG ou PNG.`;
  }
  if (file.size > MAX_DOCUMENT_BYTES)
    return $localize`:@@households.fileField.tooLarge:Ce fichier dépasse 10 Mo : réduisez-le ou scannez-le en plus basse qualité.`;
  if (file.size === 0) return $localize`:@@households.fileField.empty:Ce fichier est vide.`;
  return null;
}

/** A native file input (Material has none) with a visible label, a hint and an error linked to it. */
@Component({
  selector: 'foyer-file-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="file-field">
      <label [for]="id">{{ label() }}</label>
      <p class="field-hint" [id]="id + '-hint'">{{ hint() }}</p>
      <input
        #input
        type="file"
        [id]="id"
        [accept]="accept"
        [attr.aria-invalid]="error() ? 'true' : null"
        [attr.aria-describedby]="error() ? id + '-hint ' + id + '-error' : id + '-hint'"
        (change)="onChange()"
      />
      @if (error()) {
        <p class="field-error" [id]="id + '-error'">{{ error() }}</p>
      }
    </div>
  `,
})
export class FileField {
  readonly label = input.required<string>();
  readonly hint = input($localize`:@@households.fileField.hint:PDF, JPEG ou PNG, 10 Mo maximum.`);
  readonly error = input<string | null>(null);
  readonly fileChange = output<File | null>();

  protected readonly id = `file-field-${nextId++}`;
  protected readonly accept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
  private readonly input = viewChild.required<ElementRef<HTMLInputElement>>('input');

  /** Empties the field after a successful upload. */
  clear(): void {
    this.input().nativeElement.value = '';
    this.fileChange.emit(null);
  }

  focus(): void {
    this.input().nativeElement.focus();
  }

  protected onChange(): void {
    this.fileChange.emit(this.input().nativeElement.files?.[0] ?? null);
  }
}
