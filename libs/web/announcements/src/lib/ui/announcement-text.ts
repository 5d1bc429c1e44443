import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { textSegments, type TextSegment } from '@foyer/shared/domain';

/**
 * An announcement's text: paragraphs of plain text in which http(s) URLs are links. The text is
 * never parsed as HTML: each segment is interpolated (escaped) or bound to an href checked to be
 * http(s) by `textSegments`.
 */
@Component({
  selector: 'foyer-announcement-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (paragraph of paragraphs(); track $index) {
      <p>
        @for (segment of paragraph; track $index) {
          @if (segment.kind === 'link') {
            <a [href]="segment.href" rel="noopener noreferrer" target="_blank"
              >{{ segment.text
              }}<span i18n="@@announcements.announcementText.newWindow" class="visually-hidden">
                (nouvelle fenêtre)</span
              ></a
            >
          } @else {
            {{ segment.text }}
          }
        }
      </p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    p {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
})
export class AnnouncementText {
  readonly text = input.required<string>();
  protected readonly paragraphs = computed<TextSegment[][]>(() =>
    this.text()
      .split(/\n{2,}/)
      .filter((p) => p.trim() !== '')
      .map((p) => textSegments(p)),
  );
}
