import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  OnInit,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TariffMethod, type TariffView } from '@foyer/shared/contracts';
import { formatDateFr, tariffRulesProblems } from '@foyer/shared/domain';
import {
  DayFrPipe,
  ErrorAlert,
  fieldErrorMessage,
  focusAfterRender,
  formState,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { FrenchCalendarHeader, isoDateOf } from '@foyer/web/households';
import { BillingAdminApi } from '../data-access/billing-api';
import {
  describeOptions,
  describePrice,
  emptyTariffForm,
  formToRequest,
  TARIFF_METHOD_LABELS,
  TariffInputError,
  type TariffFormValue,
  tariffToForm,
} from '../ui/tariff-model';

type SurchargeMode = TariffFormValue['lateMode'];

/**
 * /admin/tarifs: the price rules of each activity for each period of validity: QF brackets, effort rate
 * or flat price, and the non-resident, PAI, sibling, late-booking and unbooked-presence rules.
 */
@Component({
  selector: 'foyer-tariffs-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    DayFrPipe,
    ErrorAlert,
    StatusMessage,
  ],
  template: `
    <h1 i18n="@@billing.tariffs.title">Tarifs</h1>
    <p i18n="@@billing.tariffs.lead" class="lead">
      Pour chaque activité et chaque période de validité, une méthode de calcul. Une journée est facturée avec
      le quotient familial valide ce jour-là ; sans quotient validé, la tranche la plus haute s'applique. Les
      absences justifiées et les fermetures ne sont jamais facturées ; une absence non justifiée l'est au
      plein tarif.
    </p>
    <foyer-status-message [message]="status()" />
    <foyer-error-alert [message]="listError()" />

    @if (tariffs(); as list) {
      @if (list.length === 0) {
        <p i18n="@@billing.tariffs.none">Aucun tarif pour le moment.</p>
      } @else {
        <div class="stacked-table">
          <table class="tariffs">
            <caption i18n="@@billing.tariffs.caption" class="visually-hidden">
              Tarifs par activité et période
            </caption>
            <thead>
              <tr>
                <th i18n="@@billing.tariffs.activity" scope="col">Activité</th>
                <th i18n="@@billing.tariffs.period" scope="col">Période</th>
                <th i18n="@@billing.tariffs.method" scope="col">Méthode</th>
                <th i18n="@@billing.tariffs.price" scope="col">Prix</th>
                <th i18n="@@billing.tariffs.options" scope="col">Options</th>
                <th scope="col">
                  <span i18n="@@billing.tariffs.action" class="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              @for (tariff of list; track tariff.id) {
                <tr>
                  <td data-label="Activité" i18n-data-label="@@billing.tariffs.activityCell">
                    {{ tariff.activityLabel }}
                  </td>
                  <td data-label="Période" i18n-data-label="@@billing.tariffs.periodCell">
                    {{ periodText(tariff) }}
                  </td>
                  <td data-label="Méthode" i18n-data-label="@@billing.tariffs.methodCell">
                    {{ methodLabels[tariff.method] }}
                  </td>
                  <td
                    data-label="Prix"
                    i18n-data-label="@@billing.tariffs.priceCell"
                    i18n="@@billing.tariffs.pricePer"
                  >
                    {{ price(tariff) }} par {{ tariff.unit.one }}
                  </td>
                  <td data-label="Options" i18n-data-label="@@billing.tariffs.optionsCell">
                    {{ options(tariff) }}
                  </td>
                  <td data-label="Action" i18n-data-label="@@billing.tariffs.actionCell">
                    <button
                      i18n="@@billing.tariffs.edit"
                      mat-stroked-button
                      type="button"
                      (click)="edit(tariff)"
                    >
                      Modifier<span class="visually-hidden">
                        le tarif {{ tariff.activityLabel }} du {{ tariff.validFrom | dayFr }}</span
                      >
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    } @else if (!listError()) {
      <p i18n="@@billing.tariffs.loading" role="status">Chargement des tarifs…</p>
    }

    <section class="panel tariff-editor" aria-labelledby="editor-title">
      <h2 id="editor-title" tabindex="-1">
        @if (editing(); as tariff) {
          <ng-container i18n="@@billing.tariffs.editTitle"
            >Modifier le tarif de {{ tariff.activityLabel }}</ng-container
          >
        } @else {
          <ng-container i18n="@@billing.tariffs.newTitle">Nouveau tarif</ng-container>
        }
      </h2>
      <foyer-error-alert [message]="save.error()" />
      <form class="form-stack" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-form-field>
          <mat-label i18n="@@billing.tariffs.activity">Activité</mat-label>
          <mat-select formControlName="activityId" required>
            @for (activity of activities(); track activity.id) {
              <mat-option [value]="activity.id">{{ activity.label }}</mat-option>
            }
          </mat-select>
          <mat-hint i18n="@@billing.tariffs.activityHint"
            >Les périodes d'une activité ne se chevauchent pas : donnez d'abord une fin à la
            précédente.</mat-hint
          >
          <mat-error>{{ errorOf(form.controls.activityId) }}</mat-error>
        </mat-form-field>
        <div class="form-row">
          <mat-form-field>
            <mat-label i18n="@@billing.tariffs.validFrom">Valable à partir du</mat-label>
            <input matInput [matDatepicker]="fromPicker" formControlName="validFrom" required />
            <mat-datepicker-toggle matIconSuffix [for]="fromPicker" />
            <mat-datepicker #fromPicker [calendarHeaderComponent]="calendarHeader" />
            <mat-error>{{ errorOf(form.controls.validFrom, dateMessages) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@billing.tariffs.validTo">Jusqu'au (facultatif)</mat-label>
            <input matInput [matDatepicker]="toPicker" formControlName="validTo" />
            <mat-datepicker-toggle matIconSuffix [for]="toPicker" />
            <mat-datepicker #toPicker [calendarHeaderComponent]="calendarHeader" />
            <mat-hint i18n="@@billing.tariffs.validToHint">Inclus. Vide : sans date de fin.</mat-hint>
            <mat-error>{{ errorOf(form.controls.validTo, dateMessages) }}</mat-error>
          </mat-form-field>
        </div>
        <div class="form-row">
          <mat-form-field>
            <mat-label i18n="@@billing.tariffs.unitOne">Unité (singulier)</mat-label>
            <input matInput formControlName="unitOne" required />
            <mat-hint i18n="@@billing.tariffs.unitHint">repas, journée, séance…</mat-hint>
            <mat-error>{{ errorOf(form.controls.unitOne) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@billing.tariffs.unitMany">Unité (pluriel)</mat-label>
            <input matInput formControlName="unitMany" required />
            <mat-error>{{ errorOf(form.controls.unitMany) }}</mat-error>
          </mat-form-field>
        </div>

        <div class="radio-field">
          <p i18n="@@billing.tariffs.methodLabel" class="radio-label" id="method-label">Méthode de calcul</p>
          <mat-radio-group formControlName="method" aria-labelledby="method-label" class="stacked">
            @for (method of methods; track method) {
              <mat-radio-button [value]="method">{{ methodLabels[method] }}</mat-radio-button>
            }
          </mat-radio-group>
        </div>

        @switch (method()) {
          @case ('brackets') {
            <fieldset class="brackets" formArrayName="brackets">
              <legend i18n="@@billing.tariffs.bracketsLegend">Tranches de quotient familial</legend>
              <p i18n="@@billing.tariffs.bracketsHint" class="muted">
                Chaque tranche commence où finit la précédente (la première à 0 €) ; laissez vide le QF
                maximum de la dernière.
              </p>
              @for (row of brackets.controls; track row; let i = $index) {
                <div class="bracket-row" [formGroupName]="i" role="group" [attr.aria-label]="bracketLabel(i)">
                  <p i18n="@@billing.tariffs.bracketFrom" class="bracket-from">
                    À partir de {{ bracketStart(i) }} €
                  </p>
                  <mat-form-field>
                    <mat-label i18n="@@billing.tariffs.bracketName"
                      >Nom<span class="visually-hidden"> de la tranche {{ i + 1 }}</span></mat-label
                    >
                    <input matInput formControlName="label" />
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label i18n="@@billing.tariffs.qfMax"
                      >QF maximum (exclu)<span class="visually-hidden">, tranche {{ i + 1 }}</span></mat-label
                    >
                    <input matInput formControlName="qfMax" inputmode="numeric" />
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label i18n="@@billing.tariffs.bracketPrice"
                      >Prix en euros<span class="visually-hidden">, tranche {{ i + 1 }}</span></mat-label
                    >
                    <input matInput formControlName="price" inputmode="decimal" required />
                    <mat-error>{{ errorOf(row.get('price')) }}</mat-error>
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label i18n="@@billing.tariffs.bracketPai"
                      >Prix PAI (facultatif)<span class="visually-hidden"
                        >, tranche {{ i + 1 }}</span
                      ></mat-label
                    >
                    <input matInput formControlName="paiPrice" inputmode="decimal" />
                  </mat-form-field>
                  @if (brackets.length > 1) {
                    <button
                      i18n="@@billing.tariffs.removeBracket"
                      mat-button
                      type="button"
                      (click)="removeBracket(i)"
                    >
                      Retirer la tranche {{ i + 1 }}
                    </button>
                  }
                </div>
              }
              <button
                i18n="@@billing.tariffs.addBracket"
                mat-stroked-button
                type="button"
                (click)="addBracket()"
              >
                Ajouter une tranche
              </button>
            </fieldset>
          }
          @case ('effort_rate') {
            <div class="form-row">
              <mat-form-field>
                <mat-label i18n="@@billing.tariffs.effortPercent">Taux d'effort en % du QF</mat-label>
                <input matInput formControlName="effortPercent" inputmode="decimal" />
                <mat-hint i18n="@@billing.tariffs.effortHint">0,36 : un QF de 712 € donne 2,56 €.</mat-hint>
              </mat-form-field>
              <mat-form-field>
                <mat-label i18n="@@billing.tariffs.floor">Plancher en euros</mat-label>
                <input matInput formControlName="effortFloor" inputmode="decimal" />
              </mat-form-field>
              <mat-form-field>
                <mat-label i18n="@@billing.tariffs.ceiling">Plafond en euros</mat-label>
                <input matInput formControlName="effortCeiling" inputmode="decimal" />
              </mat-form-field>
            </div>
          }
          @case ('flat') {
            <mat-form-field>
              <mat-label i18n="@@billing.tariffs.flatPrice">Prix unique en euros</mat-label>
              <input matInput formControlName="flatPrice" inputmode="decimal" />
            </mat-form-field>
          }
        }

        <fieldset>
          <legend i18n="@@billing.tariffs.specialRules">Règles particulières (facultatives)</legend>
          <div class="form-row">
            <mat-form-field>
              <mat-label i18n="@@billing.tariffs.nonResident">Prix hors commune en euros</mat-label>
              <input matInput formControlName="nonResidentPrice" inputmode="decimal" />
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n="@@billing.tariffs.paiPrice">Prix PAI en euros</mat-label>
              <input matInput formControlName="paiPrice" inputmode="decimal" />
              <mat-hint i18n="@@billing.tariffs.paiHint">Quand la famille fournit le repas.</mat-hint>
            </mat-form-field>
          </div>
          <div class="form-row">
            <mat-form-field>
              <mat-label i18n="@@billing.tariffs.siblingRank">Fratrie : dès le rang</mat-label>
              <input matInput formControlName="siblingFromRank" inputmode="numeric" />
              <mat-hint i18n="@@billing.tariffs.siblingHint">3 : le 3e enfant et les suivants.</mat-hint>
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n="@@billing.tariffs.siblingPercent">Fratrie : réduction en %</mat-label>
              <input matInput formControlName="siblingPercent" inputmode="numeric" />
            </mat-form-field>
          </div>
          <div class="form-row">
            <mat-form-field>
              <mat-label i18n="@@billing.tariffs.lateMode">Réservation tardive</mat-label>
              <mat-select formControlName="lateMode">
                @for (mode of surchargeModes; track mode.value) {
                  <mat-option [value]="mode.value">{{ mode.label }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            @if (lateMode() !== 'none') {
              <mat-form-field>
                <mat-label>
                  @if (lateMode() === 'fixed') {
                    <ng-container i18n="@@billing.tariffs.lateAmount"
                      >Montant en euros<span class="visually-hidden">
                        de la majoration de réservation tardive</span
                      ></ng-container
                    >
                  } @else {
                    <ng-container i18n="@@billing.tariffs.latePercent"
                      >Pourcentage<span class="visually-hidden">
                        de la majoration de réservation tardive</span
                      ></ng-container
                    >
                  }
                </mat-label>
                <input matInput formControlName="lateValue" inputmode="decimal" />
              </mat-form-field>
            }
          </div>
          <div class="form-row">
            <mat-form-field>
              <mat-label i18n="@@billing.tariffs.unbookedMode">Présence sans réservation</mat-label>
              <mat-select formControlName="unbookedMode">
                @for (mode of surchargeModes; track mode.value) {
                  <mat-option [value]="mode.value">{{ mode.label }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            @if (unbookedMode() !== 'none') {
              <mat-form-field>
                <mat-label>
                  @if (unbookedMode() === 'fixed') {
                    <ng-container i18n="@@billing.tariffs.unbookedAmount"
                      >Montant en euros<span class="visually-hidden">
                        de la pénalité de présence sans réservation</span
                      ></ng-container
                    >
                  } @else {
                    <ng-container i18n="@@billing.tariffs.unbookedPercent"
                      >Pourcentage<span class="visually-hidden">
                        de la pénalité de présence sans réservation</span
                      ></ng-container
                    >
                  }
                </mat-label>
                <input matInput formControlName="unbookedValue" inputmode="decimal" />
              </mat-form-field>
            }
          </div>
        </fieldset>

        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="save.busy()">
            @if (editing()) {
              <ng-container i18n="@@billing.tariffs.saveTariff">Enregistrer le tarif</ng-container>
            } @else {
              <ng-container i18n="@@billing.tariffs.createTariff">Créer le tarif</ng-container>
            }
          </button>
          @if (editing()) {
            <button i18n="@@billing.tariffs.cancelEdit" mat-button type="button" (click)="startNew()">
              Annuler la modification
            </button>
          }
        </div>
      </form>
    </section>
  `,
  styles: `
    .tariffs {
      border-collapse: collapse;
      width: 100%;
      background: #fff;
    }
    .tariffs th,
    .tariffs td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid #d0d0d0;
      vertical-align: top;
    }
    fieldset {
      border: 1px solid #c4c7cf;
      border-radius: 8px;
      padding: 0.5rem 1rem 1rem;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    fieldset {
      display: flex;
      flex-direction: column;
      gap: 1.1rem;
    }
    fieldset > p {
      margin: 0;
    }
    .bracket-row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
      gap: 1.1rem 1rem;
      align-items: start;
      padding-bottom: 1rem;
      border-bottom: 1px solid #e0e0e0;
    }
    .bracket-row > * {
      min-width: 0;
    }
    .bracket-from {
      grid-column: 1 / -1;
      margin: 0;
      font-weight: 600;
    }
  `,
})
export class TariffsPage implements OnInit {
  private readonly api = inject(BillingAdminApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly methods = Object.values(TariffMethod);
  protected readonly methodLabels = TARIFF_METHOD_LABELS;
  protected readonly calendarHeader = FrenchCalendarHeader;
  protected readonly errorOf = fieldErrorMessage;
  protected readonly dateMessages = {
    matDatepickerParse: $localize`:@@billing.tariffs.dateInvalid:Saisissez une date, par exemple 01/09/2027.`,
  };
  protected readonly surchargeModes: { value: SurchargeMode; label: string }[] = [
    { value: 'none', label: $localize`:@@billing.tariffs.surchargeNone:Aucune` },
    { value: 'fixed', label: $localize`:@@billing.tariffs.surchargeFixed:Montant fixe ajouté` },
    { value: 'percent', label: $localize`:@@billing.tariffs.surchargePercent:Pourcentage du prix` },
  ];
  protected readonly tariffs = signal<TariffView[] | null>(null);
  protected readonly listError = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly editing = signal<TariffView | null>(null);
  protected readonly save = formState('form');
  private readonly cityActivities = signal<{ id: string; name: string }[]>([]);
  /** The city's activities (managed with the bookings), and any activity already tariffed. */
  protected readonly activities = computed(() => {
    const seen = new Map<string, string>();
    for (const activity of this.cityActivities()) seen.set(activity.id, activity.name);
    for (const tariff of this.tariffs() ?? []) seen.set(tariff.activityId, tariff.activityLabel);
    return [...seen].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label));
  });

  protected readonly form = this.buildForm(emptyTariffForm());
  protected readonly method = signal<TariffMethod>(TariffMethod.Brackets);
  protected readonly lateMode = signal<SurchargeMode>('none');
  protected readonly unbookedMode = signal<SurchargeMode>('none');
  private readonly bracketMaxes = signal<string[]>([]);

  protected get brackets() {
    return this.form.controls.brackets;
  }

  constructor() {
    this.form.valueChanges.subscribe(() => this.syncSignals());
    this.syncSignals();
  }

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    // Without the list, the activities already tariffed remain to choose from.
    this.api.activities().then(
      (list) => this.cityActivities.set(list),
      () => undefined,
    );
    try {
      const list = await this.api.tariffs();
      this.tariffs.set(
        [...list].sort(
          (a, b) => a.activityLabel.localeCompare(b.activityLabel) || b.validFrom.localeCompare(a.validFrom),
        ),
      );
    } catch (failure) {
      this.listError.set(
        $localize`:@@billing.tariffs.loadFailed:Les tarifs n'ont pas pu être chargés. ${toFormError(failure).message}:ERROR:`,
      );
    }
  }

  private bracketGroup(row: TariffFormValue['brackets'][number]) {
    return this.fb.group({
      label: [row.label],
      qfMax: [row.qfMax],
      price: [row.price, [Validators.required]],
      paiPrice: [row.paiPrice],
    });
  }

  private buildForm(value: TariffFormValue) {
    return this.fb.group({
      activityId: [value.activityId, [Validators.required]],
      validFrom: [value.validFrom as string | Date, [Validators.required]],
      validTo: [value.validTo as string | Date],
      unitOne: [value.unitOne, [Validators.required, Validators.maxLength(40)]],
      unitMany: [value.unitMany, [Validators.required, Validators.maxLength(40)]],
      method: [value.method],
      brackets: this.fb.array(value.brackets.map((row) => this.bracketGroup(row))),
      effortPercent: [value.effortPercent],
      effortFloor: [value.effortFloor],
      effortCeiling: [value.effortCeiling],
      flatPrice: [value.flatPrice],
      nonResidentPrice: [value.nonResidentPrice],
      paiPrice: [value.paiPrice],
      siblingFromRank: [value.siblingFromRank],
      siblingPercent: [value.siblingPercent],
      lateMode: [value.lateMode],
      lateValue: [value.lateValue],
      unbookedMode: [value.unbookedMode],
      unbookedValue: [value.unbookedValue],
    });
  }

  private syncSignals(): void {
    const raw = this.form.getRawValue() as TariffFormValue;
    this.method.set(raw.method);
    this.lateMode.set(raw.lateMode);
    this.unbookedMode.set(raw.unbookedMode);
    this.bracketMaxes.set(raw.brackets.map((b) => b.qfMax));
  }

  protected bracketLabel(index: number): string {
    return $localize`:@@billing.tariffs.bracketGroup:Tranche ${index + 1}:NUMBER:`;
  }

  protected bracketStart(index: number): string {
    if (index === 0) return '0';
    return this.bracketMaxes()[index - 1] || '…';
  }

  protected addBracket(): void {
    this.brackets.push(
      this.bracketGroup({ label: String(this.brackets.length + 1), qfMax: '', price: '', paiPrice: '' }),
    );
  }

  protected removeBracket(index: number): void {
    this.brackets.removeAt(index);
  }

  private fill(value: TariffFormValue): void {
    this.brackets.clear();
    for (const row of value.brackets) this.brackets.push(this.bracketGroup(row));
    const { brackets: _b, ...rest } = value;
    this.form.reset({ ...rest, brackets: value.brackets });
    this.save.clear();
  }

  protected edit(tariff: TariffView): void {
    this.editing.set(tariff);
    this.fill(tariffToForm(tariff));
    this.form.controls.activityId.disable();
    this.status.set(null);
    focusAfterRender(
      () => this.host.nativeElement.querySelector<HTMLElement>('#editor-title'),
      this.injector,
    );
  }

  protected startNew(): void {
    this.editing.set(null);
    this.form.controls.activityId.enable();
    this.fill(emptyTariffForm());
  }

  protected async submit(): Promise<void> {
    const raw = this.form.getRawValue() as TariffFormValue;
    const value: TariffFormValue = {
      ...raw,
      validFrom: raw.validFrom ? isoDateOf(raw.validFrom) : '',
      validTo: raw.validTo ? isoDateOf(raw.validTo) : '',
    };
    let problem: string | null = null;
    let request: ReturnType<typeof formToRequest> | null = null;
    try {
      request = formToRequest(value);
      problem =
        tariffRulesProblems(request)
          .map((p) => p.message)
          .join(' ') || null;
    } catch (error) {
      problem =
        error instanceof TariffInputError
          ? error.message
          : $localize`:@@billing.tariffs.incomplete:Le tarif saisi est incomplet.`;
    }
    const editing = this.editing();
    const saved = await submitForm({
      state: this.save,
      form: this.form,
      invalidMessage:
        problem ??
        $localize`:@@billing.tariffs.invalid:Le tarif ne peut pas être enregistré : corrigez les champs signalés.`,
      extraProblem: () => problem,
      send: () => {
        // extraProblem stops the submission before this runs when the form did not give a request.
        const body = request as NonNullable<typeof request>;
        if (editing) {
          const { activityId: _a, ...update } = body;
          return this.api.updateTariff(editing.id, update);
        }
        return this.api.createTariff(body);
      },
    });
    if (saved) {
      this.status.set(
        editing
          ? $localize`:@@billing.tariffs.saved:Tarif ${saved.activityLabel}:ACTIVITY: enregistré.`
          : $localize`:@@billing.tariffs.created:Tarif ${saved.activityLabel}:ACTIVITY: créé, valable à partir du ${formatDateFr(saved.validFrom)}:FROM:.`,
      );
      this.startNew();
      await this.load();
    }
  }

  /** « du 01/09/2026 au 31/08/2027 », « à partir du 01/09/2026 ». */
  protected periodText(tariff: TariffView): string {
    return tariff.validTo
      ? $localize`:@@billing.tariffs.periodRange:du ${formatDateFr(tariff.validFrom)}:FROM: au ${formatDateFr(tariff.validTo)}:TO:`
      : $localize`:@@billing.tariffs.periodFrom:à partir du ${formatDateFr(tariff.validFrom)}:FROM:`;
  }

  protected price(tariff: TariffView): string {
    return describePrice(tariff);
  }

  protected options(tariff: TariffView): string {
    return describeOptions(tariff);
  }
}
