import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import {
  type DeclareQuotientRequest,
  DocumentType,
  QuotientMethod,
  type QuotientView,
} from '@foyer/shared/contracts';
import { parseEuros } from '@foyer/shared/domain';
import {
  ErrorAlert,
  fieldErrorMessage,
  formState,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { HouseholdStore } from '../data-access/household-store';
import { HouseholdsApi } from '../data-access/households-api';
import { documentFileProblem, FileField } from '../ui/file-field';
import { QuotientHistory } from '../ui/quotient-history';
import { QuotientSummary } from '../ui/quotient-summary';

/** « 1 234,50 » or « 1234.5 » → true when parseEuros understands it. */
function euroAmount(control: { value: string }): Record<string, boolean> | null {
  const value = control.value.trim();
  if (!value) return null;
  const cents = parseEuros(value);
  return cents === null || cents < 0 ? { amount: true } : null;
}

function partsValue(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return Number.isFinite(value) && value >= 1 && value <= 20 && Number.isInteger(value * 4) ? value : null;
}

@Component({
  selector: 'foyer-quotient-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    ErrorAlert,
    StatusMessage,
    FileField,
    QuotientHistory,
    QuotientSummary,
  ],
  templateUrl: './quotient-page.html',
})
export class QuotientPage implements OnInit {
  protected readonly store = inject(HouseholdStore);
  private readonly api = inject(HouseholdsApi);
  private readonly fileField = viewChild(FileField);

  protected readonly methods = QuotientMethod;
  protected readonly quotients = signal<QuotientView[]>([]);
  protected readonly listError = signal<string | null>(null);
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly declaration = formState();
  protected readonly errorOf = fieldErrorMessage;
  protected readonly cafNumberMessages = {
    pattern: $localize`:@@households.quotient.cafNumberPattern:Le numéro d'allocataire compte 7 chiffres.`,
  };
  protected readonly amountMessages = {
    amount: $localize`:@@households.quotient.amountInvalid:Saisissez un montant en euros, par exemple 1 250,50.`,
    pattern: $localize`:@@households.quotient.amountWhole:Saisissez un nombre entier d’euros, par exemple 850.`,
  };
  protected readonly partsMessages = {
    parts: $localize`:@@households.quotient.partsInvalid:Saisissez un nombre de parts entre 1 et 20, par exemple 2,5.`,
  };

  protected readonly form = inject(NonNullableFormBuilder).group({
    method: [QuotientMethod.Caf as QuotientMethod],
    cafNumber: ['', [Validators.required, Validators.pattern(/^\d{7}$/)]],
    cafValue: ['', [Validators.required, Validators.pattern(/^\d{1,6}$/)]],
    annualResources: ['', [Validators.required, euroAmount]],
    monthlyBenefits: ['', [Validators.required, euroAmount]],
    parts: [
      '',
      [
        Validators.required,
        (c: { value: string }) => (c.value && partsValue(c.value) === null ? { parts: true } : null),
      ],
    ],
  });
  protected readonly method = toSignal(this.form.controls.method.valueChanges, {
    initialValue: this.form.controls.method.value,
  });
  protected readonly fileHint = computed(() =>
    this.method() === QuotientMethod.Caf
      ? $localize`:@@households.quotient.fileHintCaf:Attestation CAF de moins de 3 mois : PDF, JPEG ou PNG, 10 Mo maximum.`
      : $localize`:@@households.quotient.fileHintTax:Dernier avis d'imposition : PDF, JPEG ou PNG, 10 Mo maximum.`,
  );

  ngOnInit(): void {
    void this.store.load();
    void this.loadQuotients();
  }

  protected onFile(file: File | null): void {
    this.file.set(file);
    this.fileError.set(file ? documentFileProblem(file) : null);
  }

  protected async submit(): Promise<void> {
    const caf = this.form.controls.method.value === QuotientMethod.Caf;
    const controls = this.form.controls;
    const done = await submitForm({
      state: this.declaration,
      form: this.form,
      controls: caf
        ? [controls.cafNumber, controls.cafValue]
        : [controls.annualResources, controls.monthlyBenefits, controls.parts],
      invalidMessage: $localize`:@@households.quotient.invalid:La déclaration contient des erreurs. Corrigez les champs signalés.`,
      extraProblem: () => {
        this.fileError.set(documentFileProblem(this.file()));
        return this.fileError();
      },
      send: async () => {
        const document = await this.api.uploadDocument(this.file() as File, {
          type: caf ? DocumentType.CafAttestation : DocumentType.TaxNotice,
        });
        return this.api.declareQuotient(this.toRequest(document.id));
      },
      resetTo: { method: controls.method.value },
      success: () =>
        $localize`:@@households.quotient.sent:Votre quotient familial a été transmis. La mairie va vérifier votre justificatif ; le nouveau tarif s’appliquera dès sa validation.`,
      aliases: { annualResourcesCents: 'annualResources', monthlyBenefitsCents: 'monthlyBenefits' },
      onError: (error) => {
        const message = error.fields['file'] ?? error.fields['documentId'];
        if (message) this.fileError.set(message);
        return message ? [message] : [];
      },
    });
    if (done) {
      this.fileField()?.clear();
      await Promise.all([this.loadQuotients(), this.store.load()]);
    }
  }

  private toRequest(documentId: string): DeclareQuotientRequest {
    const value = this.form.getRawValue();
    if (value.method === QuotientMethod.Caf) {
      return {
        method: value.method,
        cafNumber: value.cafNumber.trim(),
        cafValue: Number(value.cafValue),
        documentId,
      };
    }
    return {
      method: value.method,
      annualResourcesCents: parseEuros(value.annualResources) ?? 0,
      monthlyBenefitsCents: parseEuros(value.monthlyBenefits) ?? 0,
      parts: partsValue(value.parts) ?? 1,
      documentId,
    };
  }

  private async loadQuotients(): Promise<void> {
    try {
      this.quotients.set(await this.api.quotients());
      this.listError.set(null);
    } catch (failure) {
      this.listError.set(toFormError(failure).message);
    }
  }
}
