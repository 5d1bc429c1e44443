import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  OnInit,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { SiteKind, type SiteView } from '@foyer/shared/contracts';
import {
  ErrorAlert,
  fieldErrorMessage,
  FormState,
  formState,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { AdminApi } from '../data-access/admin-api';

const KIND_LABELS: Record<SiteKind, string> = {
  [SiteKind.School]: $localize`:@@admin.sitesPage.kind.school:École`,
  [SiteKind.LeisureCentre]: $localize`:@@admin.sitesPage.kind.leisureCentre:Centre de loisirs`,
};

/** /admin/sites: the schools and leisure centres families choose from. */
@Component({
  selector: 'foyer-sites-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorAlert,
    StatusMessage,
  ],
  template: `
    <h1 i18n="@@admin.sitesPage.sites">Sites</h1>
    <p i18n="@@admin.sitesPage.schoolsLeisureCentresFamilies" class="lead">
      Les écoles et les centres de loisirs que les familles choisissent.
    </p>

    <section class="panel" aria-labelledby="sites-title">
      <h2 i18n="@@admin.sitesPage.citysSites" id="sites-title">Sites de la ville</h2>
      <foyer-error-alert [message]="listError()" />
      <ul class="plain-list">
        @for (site of sites(); track site.id) {
          <li class="site-card">
            <h3>
              {{ site.name }} <span class="badge badge-neutral">{{ kindLabels[site.kind] }}</span>
            </h3>
            <p>{{ site.address }}</p>
            <foyer-status-message [message]="stateOf(site).status()" />
            <foyer-error-alert [message]="stateOf(site).error()" />
            @if (editing() === site.id) {
              <form class="form-stack" [formGroup]="editForm" (ngSubmit)="saveSite(site)" novalidate>
                <mat-form-field>
                  <mat-label i18n="@@admin.sitesPage.siteName">Nom du site</mat-label>
                  <input matInput formControlName="name" required />
                  <mat-error>{{ errorOf(editForm.controls.name) }}</mat-error>
                </mat-form-field>
                <mat-form-field>
                  <mat-label i18n="@@admin.sitesPage.siteAddress">Adresse du site</mat-label>
                  <input matInput formControlName="address" required />
                  <mat-error>{{ errorOf(editForm.controls.address) }}</mat-error>
                </mat-form-field>
                <div class="actions">
                  <button
                    i18n="@@admin.sitesPage.save"
                    mat-flat-button
                    type="submit"
                    [disabled]="stateOf(site).busy()"
                  >
                    Enregistrer
                  </button>
                  <button
                    i18n="@@admin.sitesPage.cancel"
                    mat-button
                    type="button"
                    (click)="editing.set(null)"
                  >
                    Annuler
                  </button>
                </div>
              </form>
            } @else {
              <button i18n="@@admin.sitesPage.edit" mat-stroked-button type="button" (click)="edit(site)">
                Modifier<span class="visually-hidden"> {{ site.name }}</span>
              </button>
            }
          </li>
        }
      </ul>
    </section>

    <section class="panel" aria-labelledby="new-site-title">
      <h2 i18n="@@admin.sitesPage.addSite" id="new-site-title">Ajouter un site</h2>
      <foyer-status-message [message]="creation.status()" />
      <foyer-error-alert [message]="creation.error()" />
      <form id="new-site-form" class="form-stack" [formGroup]="form" (ngSubmit)="create()" novalidate>
        <div class="form-row">
          <mat-form-field>
            <mat-label i18n="@@admin.sitesPage.type">Type</mat-label>
            <mat-select formControlName="kind" required>
              <mat-option [value]="school">{{ kindLabels[school] }}</mat-option>
              <mat-option [value]="leisure">{{ kindLabels[leisure] }}</mat-option>
            </mat-select>
            <mat-error>{{ errorOf(form.controls.kind) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@admin.sitesPage.code">Code</mat-label>
            <input matInput formControlName="code" autocomplete="off" spellcheck="false" required />
            <mat-hint i18n="@@admin.sitesPage.lowerCaseLettersHyphens"
              >Minuscules et tirets, par exemple ecole-jean-jaures.</mat-hint
            >
            <mat-error>{{ errorOf(form.controls.code, codeMessages) }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label i18n="@@admin.sitesPage.name">Nom</mat-label>
          <input matInput formControlName="name" required />
          <mat-error>{{ errorOf(form.controls.name) }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@admin.sitesPage.address">Adresse</mat-label>
          <input matInput formControlName="address" required />
          <mat-error>{{ errorOf(form.controls.address) }}</mat-error>
        </mat-form-field>
        <div class="form-actions">
          <button
            i18n="@@admin.sitesPage.addSite2"
            mat-flat-button
            type="submit"
            [disabled]="creation.busy()"
          >
            Ajouter le site
          </button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .site-card {
      border: 1px solid #c4c7cf;
      border-radius: 8px;
      padding: 0.25rem 1rem 0.75rem;
      margin: 0.75rem 0;
      background: #fff;
    }
    .site-card h3 {
      font-size: 1.1rem;
    }
  `,
})
export class SitesPage implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly school = SiteKind.School;
  protected readonly leisure = SiteKind.LeisureCentre;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly errorOf = fieldErrorMessage;
  protected readonly codeMessages = {
    pattern: $localize`:@@admin.sitesPage.codePattern:Minuscules, chiffres et tirets, par exemple ecole-jean-jaures.`,
  };
  protected readonly sites = signal<SiteView[]>([]);
  protected readonly listError = signal<string | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly creation = formState('#new-site-form');
  private readonly states = new Map<string, FormState>();
  protected readonly form = this.fb.group({
    kind: [SiteKind.School as SiteKind, [Validators.required]],
    code: [
      '',
      [Validators.required, Validators.pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/), Validators.maxLength(60)],
    ],
    name: ['', [Validators.required, Validators.maxLength(200)]],
    address: ['', [Validators.required, Validators.maxLength(300)]],
  });
  protected readonly editForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    address: ['', [Validators.required, Validators.maxLength(300)]],
  });

  ngOnInit(): void {
    void this.load();
  }

  protected stateOf(site: SiteView): FormState {
    let state = this.states.get(site.id);
    if (!state) {
      state = new FormState(this.host.nativeElement, this.injector);
      this.states.set(site.id, state);
    }
    return state;
  }

  protected edit(site: SiteView): void {
    this.editForm.reset({ name: site.name, address: site.address });
    this.stateOf(site).clear();
    this.editing.set(site.id);
  }

  protected async saveSite(site: SiteView): Promise<void> {
    const value = this.editForm.getRawValue();
    const saved = await submitForm({
      state: this.stateOf(site),
      form: this.editForm,
      invalidMessage: $localize`:@@admin.sitesPage.nameAddressRequired:Le nom et l’adresse sont obligatoires.`,
      send: () => this.api.updateSite(site.id, { name: value.name.trim(), address: value.address.trim() }),
      success: (result) => $localize`:@@admin.sitesPage.saved:Site « ${result.name}:name: » enregistré.`,
    });
    if (saved) {
      this.sites.update((all) => all.map((s) => (s.id === saved.id ? saved : s)));
      this.editing.set(null);
    }
  }

  protected async create(): Promise<void> {
    const value = this.form.getRawValue();
    const created = await submitForm({
      state: this.creation,
      form: this.form,
      invalidMessage: $localize`:@@admin.sitesPage.invalid:Le site contient des erreurs. Corrigez les champs signalés.`,
      send: () =>
        this.api.createSite({
          kind: value.kind,
          code: value.code.trim(),
          name: value.name.trim(),
          address: value.address.trim(),
        }),
      resetTo: { kind: SiteKind.School, code: '', name: '', address: '' },
      success: (site) => $localize`:@@admin.sitesPage.added:Site « ${site.name}:name: » ajouté.`,
    });
    if (created) await this.load();
  }

  private async load(): Promise<void> {
    try {
      this.sites.set(await this.api.sites());
      this.listError.set(null);
    } catch (failure) {
      this.listError.set(toFormError(failure).message);
    }
  }
}
