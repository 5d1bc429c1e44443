import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import type { SimpleKeyboard } from 'simple-keyboard';

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** Fields typed as text; a checkbox, a date picker or a file input needs no keyboard. */
const TEXT_TYPES = new Set(['text', 'email', 'search', 'tel', 'url', 'number', 'password']);

/** A French AZERTY layout, with what e-mail addresses and names need within reach. */
const LAYOUT = {
  default: [
    '1 2 3 4 5 6 7 8 9 0 {bksp}',
    'a z e r t y u i o p',
    'q s d f g h j k l m',
    '{shift} w x c v b n é è à ç',
    "{close} @ . - _ ' {space} {enter}",
  ],
  shift: [
    '! ? , ; : / ( ) + = {bksp}',
    'A Z E R T Y U I O P',
    'Q S D F G H J K L M',
    '{shift} W X C V B N É È À Ç',
    "{close} @ . - _ ' {space} {enter}",
  ],
};

type KeyboardClass = typeof SimpleKeyboard;

/**
 * simple-keyboard ships as UMD: depending on the bundler's CommonJS interop, the class is the named
 * export, or sits one level down under `default`.
 */
function keyboardClass(module: unknown): KeyboardClass | undefined {
  const outer = module as {
    SimpleKeyboard?: unknown;
    default?: { SimpleKeyboard?: unknown; default?: unknown };
  };
  const candidates = [
    outer.SimpleKeyboard,
    outer.default?.SimpleKeyboard,
    outer.default?.default,
    outer.default,
  ];
  return candidates.find((c): c is KeyboardClass => typeof c === 'function');
}

function isTextField(target: EventTarget | null): target is TextField {
  if (target instanceof HTMLTextAreaElement) return !target.readOnly && !target.disabled;
  return (
    target instanceof HTMLInputElement && TEXT_TYPES.has(target.type) && !target.readOnly && !target.disabled
  );
}

/**
 * The kiosk's on-screen keyboard (simple-keyboard): shown under any text field that gets the focus,
 * it types into that field as a physical keyboard would (the form sees an `input` event). Keys keep
 * the focus in the field. Hidden from assistive technologies: it repeats the hardware keyboard.
 */
@Component({
  selector: 'foyer-kiosk-keyboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  host: {
    '(document:focusin)': 'focused($event)',
    '(document:focusout)': 'blurred()',
  },
  template: `
    <div class="kiosk-keyboard" [hidden]="!open()" aria-hidden="true">
      <div #keys class="simple-keyboard"></div>
    </div>
  `,
  styles: `
    .kiosk-keyboard {
      position: fixed;
      inset: auto 0 0;
      z-index: 900;
      padding: 0.5rem;
      background: #dfe3ea;
      border-top: 2px solid #8a93a3;
    }
    .kiosk-keyboard[hidden] {
      display: none;
    }
    body.kiosk-keyboard-open {
      padding-bottom: 22rem;
    }
    .kiosk-keyboard .hg-row {
      display: flex;
      gap: 0.4rem;
      margin-bottom: 0.4rem;
    }
    .kiosk-keyboard .hg-button {
      display: flex;
      flex: 1 1 0;
      align-items: center;
      justify-content: center;
      min-width: 44px;
      height: 56px;
      background: #fff;
      color: #1b1d21;
      border: 1px solid #8a93a3;
      border-radius: 8px;
      font-size: 1.35rem;
      cursor: pointer;
      user-select: none;
      touch-action: manipulation;
    }
    .kiosk-keyboard .hg-button span {
      pointer-events: none;
    }
    .kiosk-keyboard .hg-button.hg-activeButton {
      background: #c9d6ee;
    }
    .kiosk-keyboard .hg-button-space {
      flex-grow: 5;
    }
    .kiosk-keyboard .hg-button-bksp,
    .kiosk-keyboard .hg-button-shift,
    .kiosk-keyboard .hg-button-enter,
    .kiosk-keyboard .hg-button-close {
      flex-grow: 2;
      font-size: 1.05rem;
    }
  `,
})
export class KioskKeyboard {
  private readonly document = inject(DOCUMENT);
  private readonly keys = viewChild.required<ElementRef<HTMLDivElement>>('keys');
  protected readonly open = signal(false);
  private keyboard: SimpleKeyboard | null = null;
  private field: TextField | null = null;
  private shifted = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.keyboard?.destroy();
      this.document.body.classList.remove('kiosk-keyboard-open');
    });
  }

  protected focused(event: FocusEvent): void {
    if (!isTextField(event.target)) {
      this.show(null);
      return;
    }
    this.show(event.target);
  }

  /** Focus that leaves for nothing (a tap on the page's background) closes the keyboard. */
  protected blurred(): void {
    setTimeout(() => {
      if (!isTextField(this.document.activeElement)) this.show(null);
    });
  }

  private show(field: TextField | null): void {
    this.field = field;
    this.open.set(field !== null);
    this.document.body.classList.toggle('kiosk-keyboard-open', field !== null);
    if (field && !this.keyboard) void this.create();
  }

  private async create(): Promise<void> {
    const Keyboard = keyboardClass(await import('simple-keyboard'));
    if (this.keyboard || !Keyboard) return;
    this.keyboard = new Keyboard(this.keys().nativeElement, {
      layout: LAYOUT,
      layoutName: 'default',
      display: {
        '{bksp}': $localize`:@@kiosk.keyboard.backspace:⌫ Effacer`,
        '{shift}': $localize`:@@kiosk.keyboard.shift:⇧ Maj`,
        '{space}': $localize`:@@kiosk.keyboard.space:Espace`,
        '{enter}': $localize`:@@kiosk.keyboard.enter:Entrée`,
        '{close}': $localize`:@@kiosk.keyboard.close:Fermer`,
      },
      // Keeps the focus (and the caret) in the field while keys are touched.
      preventMouseDownDefault: true,
      onKeyPress: (button: string) => this.press(button),
    });
  }

  private press(button: string): void {
    const field = this.field;
    if (!field) return;
    switch (button) {
      case '{shift}':
        this.shifted = !this.shifted;
        this.keyboard?.setOptions({ layoutName: this.shifted ? 'shift' : 'default' });
        return;
      case '{close}':
        field.blur();
        this.show(null);
        return;
      case '{bksp}':
        this.edit(field, '', true);
        return;
      case '{space}':
        this.edit(field, ' ', false);
        return;
      case '{enter}':
        if (field instanceof HTMLTextAreaElement) this.edit(field, '\n', false);
        else field.form?.requestSubmit();
        return;
      default:
        this.edit(field, button, false);
        if (this.shifted) {
          this.shifted = false;
          this.keyboard?.setOptions({ layoutName: 'default' });
        }
    }
  }

  /** Types at the caret (or at the end where the field type has no caret API: email, number). */
  private edit(field: TextField, text: string, backspace: boolean): void {
    let start: number | null = null;
    let end: number | null = null;
    try {
      start = field.selectionStart;
      end = field.selectionEnd;
    } catch {
      // email and number inputs have no selection: type at the end.
    }
    const value = field.value;
    const from = start ?? value.length;
    const to = end ?? value.length;
    if (backspace) {
      const cut = from === to ? Math.max(0, from - 1) : from;
      field.value = value.slice(0, cut) + value.slice(to);
      this.moveCaret(field, cut);
    } else {
      field.value = value.slice(0, from) + text + value.slice(to);
      this.moveCaret(field, from + text.length);
    }
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }

  private moveCaret(field: TextField, position: number): void {
    try {
      field.setSelectionRange(position, position);
    } catch {
      // No caret API for this field type.
    }
  }
}
