import { ChangeDetectionStrategy, Component, computed, effect, input, signal } from '@angular/core';
import { PASSWORD_POLICY } from '@foyer/shared/contracts';
import { storedLocale } from '@foyer/web/core';

type Check = (password: string, userInputs?: string[]) => { score: number; feedback: string };

let loading: Promise<Check> | undefined;

/**
 * zxcvbn-ts with the same dictionaries and French feedback as the API, loaded on first use (its
 * dictionaries are a separate chunk, not part of the first page load).
 */
function loadEstimator(): Promise<Check> {
  loading ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-fr'),
  ]).then(([core, common, french]) => {
    const zxcvbn = new core.ZxcvbnFactory({
      translations: french.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...french.dictionary },
    });
    return (password: string, userInputs: string[] = []) => {
      const result = zxcvbn.check(password.slice(0, PASSWORD_POLICY.maxLength), userInputs);
      return {
        score: result.score,
        feedback: [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' '),
      };
    };
  });
  return loading;
}

const LABELS = [
  $localize`:@@accounts.passwordStrength.level0:très faible`,
  $localize`:@@accounts.passwordStrength.level1:faible`,
  $localize`:@@accounts.passwordStrength.level2:moyenne`,
  $localize`:@@accounts.passwordStrength.level3:bonne`,
  $localize`:@@accounts.passwordStrength.level4:très bonne`,
];

/**
 * Live estimate of a new password's strength, the one the API applies: a meter, the level said in
 * words (announced politely to screen readers) and the French advice. Presentational: give it the
 * password (and optionally the person's names and e-mail, which count against it).
 *
 *   <foyer-password-strength [password]="form.controls.password.value" [userInputs]="[email]" />
 */
@Component({
  selector: 'foyer-password-strength',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (password()) {
      <div class="strength" [attr.data-score]="estimate()?.score ?? ''">
        <div class="strength-meter" aria-hidden="true">
          @for (step of steps; track step) {
            <span class="strength-step" [class.on]="(estimate()?.score ?? -1) >= step"></span>
          }
        </div>
        <p class="strength-text" aria-live="polite" aria-atomic="true">
          @if (estimate(); as e) {
            <ng-container i18n="@@accounts.passwordStrength.passwordStrength"
              >Robustesse du mot de passe : <strong>{{ label() }}</strong>.
            </ng-container>
            @if (tooShort()) {
              <ng-container i18n="@@accounts.passwordStrength.atLeastCharactersAre"
                >Il faut au moins {{ minLength }} caractères.
              </ng-container>
            } @else if (e.score < minScore) {
              @if (e.feedback && frenchAdvice) {
                {{ e.feedback }}
              } @else {
                <ng-container i18n="@@accounts.passwordStrength.defaultAdvice"
                  >Ajoutez des mots ou des caractères moins prévisibles.</ng-container
                >
              }
            } @else {
              <ng-container i18n="@@accounts.passwordStrength.passwordWillDo"
                >Ce mot de passe convient.
              </ng-container>
            }
          }
        </p>
      </div>
    }
  `,
  styles: `
    .strength {
      margin: -0.5rem 0 1rem;
    }
    .strength-meter {
      display: flex;
      gap: 4px;
    }
    .strength-step {
      flex: 1;
      height: 6px;
      border-radius: 3px;
      background: #d5d5d5;
    }
    .strength[data-score='0'] .on,
    .strength[data-score='1'] .on {
      background: #b3261e;
    }
    .strength[data-score='2'] .on {
      background: #8a5300;
    }
    .strength[data-score='3'] .on,
    .strength[data-score='4'] .on {
      background: #1b6b2f;
    }
    .strength-text {
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
    }
  `,
})
export class PasswordStrength {
  readonly password = input<string>('');
  /** The person's own words (names, e-mail), which make a password easier to guess. */
  readonly userInputs = input<string[]>([]);

  protected readonly steps = [0, 1, 2, 3, 4];
  /** zxcvbn's advice exists in French only: English pages give the general advice instead. */
  protected readonly frenchAdvice = storedLocale() === 'fr';
  protected readonly minLength = PASSWORD_POLICY.minLength;
  protected readonly minScore = PASSWORD_POLICY.minScore;
  private readonly check = signal<Check | undefined>(undefined);

  protected readonly tooShort = computed(() => this.password().length < PASSWORD_POLICY.minLength);
  protected readonly estimate = computed(() => {
    const check = this.check();
    const password = this.password();
    if (!check || !password) return undefined;
    const words = this.userInputs()
      .flatMap((w) => [w, ...w.split(/[@.\-_+\s]/)])
      .filter((w) => w.length >= 3);
    const result = check(password, words);
    // The length rule comes first: a short password is never more than weak.
    return this.tooShort() ? { ...result, score: Math.min(result.score, 1) } : result;
  });
  protected readonly label = computed(() => LABELS[this.estimate()?.score ?? 0]);

  constructor() {
    effect(() => {
      if (this.password() && !this.check()) void loadEstimator().then((check) => this.check.set(check));
    });
  }
}
