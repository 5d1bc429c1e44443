import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  type AuditEntryView,
  type ChildView,
  type ClassLevel,
  type ContactView,
  Diet,
  type DocumentView,
  type HouseholdView,
  Permission,
} from '@foyer/shared/contracts';
import {
  AuthStore,
  ErrorAlert,
  fieldErrorMessage,
  formState,
  InstantFrPipe,
  saveFile,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import {
  actionLabel,
  AddressSummary,
  CLASS_LEVEL_LABELS,
  CLASS_LEVELS,
  ChildList,
  ContactList,
  DIET_LABELS,
  DIETS,
  DocumentTable,
  GuardianList,
  householdLabel,
  QuotientHistory,
  QuotientSummary,
} from '@foyer/web/households';
import { HouseholdMessages } from '@foyer/web/notifications';
import { AgentApi } from '../data-access/agent-api';

const PHONE = /^\+?[0-9][0-9 .()-]{8,19}$/;
const ACTOR_LABELS: Record<string, string> = {
  resident: $localize`:@@agent.household.actorResident:la famille`,
  agent: $localize`:@@agent.household.actorAgent:un agent`,
  admin: $localize`:@@agent.household.actorAdmin:un administrateur`,
  system: $localize`:@@agent.household.actorSystem:le portail`,
};

/**
 * A family's file as an agent sees it: the residents' own components; an agent of the enfance scope
 * edits the address and the contacts on the family's behalf (audited under the agent's name).
 */
@Component({
  selector: 'foyer-agent-household-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorAlert,
    StatusMessage,
    InstantFrPipe,
    AddressSummary,
    ChildList,
    ContactList,
    DocumentTable,
    GuardianList,
    QuotientHistory,
    QuotientSummary,
    HouseholdMessages,
  ],
  template: `
    <p>
      <a routerLink="/agent/familles" i18n="@@agent.household.back"
        ><span aria-hidden="true">← </span>Recherche de familles</a
      >
    </p>
    <h1>{{ heading() }}</h1>
    <foyer-error-alert [message]="error()" />

    @if (household(); as household) {
      @if (canFileRequests()) {
        <p i18n="@@agent.household.fileRequest">
          <a routerLink="/agent/demarches/nouvelle" [queryParams]="{ famille: household.id }"
            >Déposer une démarche pour cette famille</a
          >
          (au guichet, par téléphone ou par courrier)
        </p>
      }
      @if (canEdit()) {
        <p class="muted" i18n="@@agent.household.canEdit">
          Vous pouvez modifier l'adresse et les personnes à contacter au nom de la famille ; chaque
          modification est inscrite à l'historique sous votre nom.
        </p>
      } @else {
        <p class="muted" i18n="@@agent.household.readOnly">
          Consultation seule : modifier un dossier relève du périmètre Enfance.
        </p>
      }

      <section class="panel" aria-labelledby="guardians-title">
        <h2 id="guardians-title" i18n="@@agent.household.guardians">Responsables légaux</h2>
        <foyer-guardian-list
          [guardians]="household.guardians"
          [pendingInvitationEmail]="household.pendingInvitationEmail"
        />
      </section>

      <section class="panel" aria-labelledby="children-title">
        <h2 id="children-title" i18n="@@agent.household.children">Enfants</h2>
        <foyer-child-list [children]="household.children" [detailed]="true" />
        <foyer-status-message [message]="child.status()" />
        <foyer-error-alert [message]="child.error()" />
        @if (canEdit()) {
          @if (editingChild(); as editing) {
            <h3 id="agent-child-title" i18n="@@agent.household.childTitle">
              Fiche de {{ editing.firstName }} {{ editing.lastName }}
            </h3>
            <form
              id="agent-child-form"
              class="form-stack"
              aria-labelledby="agent-child-title"
              [formGroup]="childForm"
              (ngSubmit)="saveChild(editing)"
              novalidate
            >
              <div class="form-row">
                <mat-form-field>
                  <mat-label i18n="@@agent.household.classLevel">Classe</mat-label>
                  <mat-select formControlName="classLevel">
                    <mat-option value="" i18n="@@agent.household.classLevelNone">Non renseignée</mat-option>
                    @for (level of classLevels; track level) {
                      <mat-option [value]="level">{{ classLevelLabels[level] }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
                <mat-form-field>
                  <mat-label i18n="@@agent.household.diet">Régime alimentaire</mat-label>
                  <mat-select formControlName="diet">
                    @for (diet of diets; track diet) {
                      <mat-option [value]="diet">{{ dietLabels[diet] }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
              </div>
              <mat-form-field>
                <mat-label i18n="@@agent.household.allergies">Allergies (facultatif)</mat-label>
                <textarea matInput formControlName="allergies" rows="2"></textarea>
                <mat-error>{{ errorOf(childForm.controls.allergies) }}</mat-error>
              </mat-form-field>
              <div class="form-row">
                <mat-form-field>
                  <mat-label i18n="@@agent.household.doctorName">Médecin traitant (facultatif)</mat-label>
                  <input matInput formControlName="doctorName" />
                  <mat-error>{{ errorOf(childForm.controls.doctorName) }}</mat-error>
                </mat-form-field>
                <mat-form-field>
                  <mat-label i18n="@@agent.household.doctorPhone"
                    >Téléphone du médecin (facultatif)</mat-label
                  >
                  <input matInput type="tel" formControlName="doctorPhone" />
                  <mat-error>{{ errorOf(childForm.controls.doctorPhone, phoneMessages) }}</mat-error>
                </mat-form-field>
              </div>
              <div class="form-actions">
                <button
                  mat-flat-button
                  type="submit"
                  [disabled]="child.busy()"
                  i18n="@@agent.household.saveChild"
                >
                  Enregistrer la fiche
                </button>
                <button
                  mat-button
                  type="button"
                  (click)="editingChild.set(null)"
                  i18n="@@agent.household.cancel"
                >
                  Annuler
                </button>
              </div>
            </form>
          } @else {
            <div class="actions">
              @for (each of household.children; track each.id) {
                <button
                  mat-stroked-button
                  type="button"
                  (click)="editChild(each)"
                  i18n="@@agent.household.editChild"
                >
                  Modifier la fiche de {{ each.firstName }}
                </button>
              }
            </div>
          }
        }
      </section>

      <section class="panel" aria-labelledby="quotient-title">
        <h2 id="quotient-title" i18n="@@agent.household.quotient">Quotient familial</h2>
        <foyer-quotient-summary [quotient]="household.currentQuotient" />
        <h3 i18n="@@agent.household.quotientHistory">Historique des déclarations</h3>
        <foyer-quotient-history
          [quotients]="household.quotients"
          caption="Déclarations de quotient familial de la famille"
          i18n-caption="@@agent.household.quotientCaption"
        />
      </section>

      <section class="panel" aria-labelledby="address-title">
        <div class="section-header">
          <h2 id="address-title" i18n="@@agent.household.address">Adresse</h2>
          @if (canEdit() && !editingAddress()) {
            <button
              mat-stroked-button
              type="button"
              (click)="editAddress(household)"
              i18n="@@agent.household.editAddress"
            >
              Modifier l'adresse
            </button>
          }
        </div>
        <foyer-status-message [message]="address.status()" />
        <foyer-error-alert [message]="address.error()" />
        @if (editingAddress()) {
          <form
            id="agent-address-form"
            class="form-stack"
            [formGroup]="addressForm"
            (ngSubmit)="saveAddress()"
            novalidate
          >
            <mat-form-field>
              <mat-label i18n="@@agent.household.line1">Numéro et rue</mat-label>
              <input matInput formControlName="line1" required />
              <mat-error>{{ errorOf(addressForm.controls.line1) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n="@@agent.household.line2">Complément d'adresse (facultatif)</mat-label>
              <input matInput formControlName="line2" />
              <mat-error>{{ errorOf(addressForm.controls.line2) }}</mat-error>
            </mat-form-field>
            <div class="form-row">
              <mat-form-field>
                <mat-label i18n="@@agent.household.postalCode">Code postal</mat-label>
                <input matInput formControlName="postalCode" inputmode="numeric" required />
                <mat-error>{{ errorOf(addressForm.controls.postalCode, postalCodeMessages) }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label i18n="@@agent.household.city">Ville</mat-label>
                <input matInput formControlName="city" required />
                <mat-error>{{ errorOf(addressForm.controls.city) }}</mat-error>
              </mat-form-field>
            </div>
            <div class="form-actions">
              <button
                mat-flat-button
                type="submit"
                [disabled]="address.busy()"
                i18n="@@agent.household.saveAddress"
              >
                Enregistrer l'adresse
              </button>
              <button
                mat-button
                type="button"
                (click)="editingAddress.set(false)"
                i18n="@@agent.household.cancel"
              >
                Annuler
              </button>
            </div>
          </form>
        } @else {
          <foyer-address-summary [address]="household.address" />
        }
      </section>

      <section class="panel" aria-labelledby="contacts-title">
        <h2 id="contacts-title" i18n="@@agent.household.contacts">Personnes à contacter</h2>
        <foyer-status-message [message]="contact.status()" />
        <foyer-error-alert [message]="contact.error()" />
        <foyer-contact-list
          [contacts]="household.contacts"
          [removable]="canEdit()"
          [busy]="contact.busy()"
          (remove)="removeContact($event)"
        />
        @if (canEdit()) {
          <h3 id="agent-contact-title" i18n="@@agent.household.addContactTitle">
            Ajouter une personne à contacter
          </h3>
          <form
            id="agent-contact-form"
            class="form-stack"
            aria-labelledby="agent-contact-title"
            [formGroup]="contactForm"
            (ngSubmit)="addContact()"
            novalidate
          >
            <div class="form-row">
              <mat-form-field>
                <mat-label i18n="@@agent.household.contactFirstName">Prénom du contact</mat-label>
                <input matInput formControlName="firstName" autocomplete="off" required />
                <mat-error>{{ errorOf(contactForm.controls.firstName) }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label i18n="@@agent.household.contactLastName">Nom du contact</mat-label>
                <input matInput formControlName="lastName" autocomplete="off" required />
                <mat-error>{{ errorOf(contactForm.controls.lastName) }}</mat-error>
              </mat-form-field>
            </div>
            <div class="form-row">
              <mat-form-field>
                <mat-label i18n="@@agent.household.contactPhone">Téléphone du contact</mat-label>
                <input matInput type="tel" formControlName="phone" autocomplete="off" required />
                <mat-error>{{ errorOf(contactForm.controls.phone, phoneMessages) }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label i18n="@@agent.household.contactRelationship">Lien avec la famille</mat-label>
                <input matInput formControlName="relationship" autocomplete="off" required />
                <mat-error>{{ errorOf(contactForm.controls.relationship) }}</mat-error>
              </mat-form-field>
            </div>
            <mat-checkbox formControlName="canPickUp" i18n="@@agent.household.canPickUp"
              >Peut venir chercher les enfants</mat-checkbox
            >
            <div class="form-actions">
              <button
                mat-flat-button
                type="submit"
                [disabled]="contact.busy()"
                i18n="@@agent.household.addContact"
              >
                Ajouter le contact
              </button>
            </div>
          </form>
        }
      </section>

      <section class="panel" aria-labelledby="documents-title">
        <h2 id="documents-title" i18n="@@agent.household.documents">Documents</h2>
        <foyer-error-alert [message]="documentsError()" />
        @if (documents(); as documents) {
          <foyer-document-table
            [documents]="documents"
            [children]="household.children"
            [downloadable]="true"
            caption="Documents de la famille"
            i18n-caption="@@agent.household.documentsCaption"
            emptyText="La famille n'a déposé aucun document que vos périmètres permettent de lire."
            i18n-emptyText="@@agent.household.documentsEmpty"
            (download)="download(household, $event)"
          />
        }
      </section>

      <section class="panel" aria-labelledby="history-title">
        <h2 id="history-title" i18n="@@agent.household.history">Historique</h2>
        <foyer-error-alert [message]="historyError()" />
        @if (history().length === 0 && !historyError()) {
          <p i18n="@@agent.household.historyEmpty">Aucune action enregistrée.</p>
        }
        <ol class="plain-list history">
          @for (entry of history(); track entry.id) {
            <li>
              <strong>{{ label(entry.action) }}</strong>
              <span class="muted" i18n="@@agent.household.historyEntry">
                — {{ entry.at | instantFr }}, par {{ who(entry) }}</span
              >
            </li>
          }
        </ol>
      </section>

      <div class="panel">
        <foyer-household-messages [householdId]="household.id" />
      </div>
    } @else if (loading()) {
      <p role="status" i18n="@@agent.household.loading">Chargement du dossier…</p>
    }
  `,
  styles: `
    .history li {
      padding: 0.35rem 0;
      border-bottom: 1px solid #dfe1e6;
    }
  `,
})
export class AgentHouseholdPage {
  /** From the route (:householdId). */
  readonly householdId = input.required<string>();

  private readonly api = inject(AgentApi);
  private readonly auth = inject(AuthStore);
  private readonly document = inject(DOCUMENT);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly household = signal<HouseholdView | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly documents = signal<DocumentView[] | null>(null);
  protected readonly documentsError = signal<string | null>(null);
  protected readonly history = signal<AuditEntryView[]>([]);
  protected readonly historyError = signal<string | null>(null);
  protected readonly canEdit = computed(() => this.auth.can(Permission.HouseholdsEdit));
  protected readonly canFileRequests = computed(() => this.auth.can(Permission.RequestsProcess));
  protected readonly editingAddress = signal(false);
  protected readonly address = formState('#agent-address-form');
  protected readonly contact = formState('#agent-contact-form');
  protected readonly child = formState('#agent-child-form');
  protected readonly editingChild = signal<ChildView | null>(null);
  protected readonly classLevels = CLASS_LEVELS;
  protected readonly classLevelLabels = CLASS_LEVEL_LABELS;
  protected readonly diets = DIETS;
  protected readonly dietLabels = DIET_LABELS;
  protected readonly childForm = this.fb.group({
    classLevel: ['' as ClassLevel | ''],
    diet: [Diet.None as Diet],
    allergies: ['', [Validators.maxLength(1000)]],
    doctorName: ['', [Validators.maxLength(200)]],
    doctorPhone: ['', [Validators.pattern(PHONE)]],
  });
  protected readonly errorOf = fieldErrorMessage;
  protected readonly label = actionLabel;
  protected readonly postalCodeMessages = {
    pattern: $localize`:@@agent.household.postalCodePattern:Le code postal compte 5 chiffres.`,
  };
  protected readonly phoneMessages = {
    pattern: $localize`:@@agent.household.phonePattern:Saisissez un numéro de téléphone, par exemple 06 12 34 56 78.`,
  };
  protected readonly addressForm = this.fb.group({
    line1: ['', [Validators.required, Validators.maxLength(200)]],
    line2: ['', [Validators.maxLength(200)]],
    postalCode: ['', [Validators.required, Validators.pattern(/^\d{5}$/)]],
    city: ['', [Validators.required, Validators.maxLength(100)]],
  });
  protected readonly contactForm = this.fb.group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    phone: ['', [Validators.required, Validators.pattern(PHONE)]],
    relationship: ['', [Validators.required, Validators.maxLength(100)]],
    canPickUp: [true],
  });
  protected readonly heading = computed(() => {
    const household = this.household();
    if (household) return householdLabel(household.guardians.map((guardian) => guardian.lastName));
    return this.error()
      ? $localize`:@@agent.household.notFound:Dossier introuvable`
      : $localize`:@@agent.household.heading:Dossier famille`;
  });

  constructor() {
    effect(() => {
      const id = this.householdId();
      untracked(() => void this.load(id));
    });
  }

  protected who(entry: AuditEntryView): string {
    return ACTOR_LABELS[entry.actorLabel] ?? entry.actorLabel;
  }

  protected editAddress(household: HouseholdView): void {
    this.addressForm.reset({
      line1: household.address?.line1 ?? '',
      line2: household.address?.line2 ?? '',
      postalCode: household.address?.postalCode ?? '',
      city: household.address?.city ?? '',
    });
    this.address.clear();
    this.editingAddress.set(true);
  }

  protected async saveAddress(): Promise<void> {
    const value = this.addressForm.getRawValue();
    const saved = await submitForm({
      state: this.address,
      form: this.addressForm,
      siblings: [this.contact, this.child],
      invalidMessage: $localize`:@@agent.household.addressInvalid:L'adresse est incomplète. Corrigez les champs signalés.`,
      send: () =>
        this.api.updateAddress(this.householdId(), {
          line1: value.line1.trim(),
          line2: value.line2.trim() || null,
          postalCode: value.postalCode.trim(),
          city: value.city.trim(),
        }),
      success: () => $localize`:@@agent.household.addressSaved:Adresse enregistrée au nom de la famille.`,
    });
    if (saved) {
      this.household.set(saved);
      this.editingAddress.set(false);
      void this.loadHistory(this.householdId());
    }
  }

  protected editChild(child: ChildView): void {
    this.childForm.reset({
      classLevel: child.classLevel ?? '',
      diet: child.diet,
      allergies: child.allergies ?? '',
      doctorName: child.doctorName ?? '',
      doctorPhone: child.doctorPhone ?? '',
    });
    this.child.clear();
    this.editingChild.set(child);
  }

  protected async saveChild(child: ChildView): Promise<void> {
    const value = this.childForm.getRawValue();
    const saved = await submitForm({
      state: this.child,
      form: this.childForm,
      siblings: [this.address, this.contact],
      invalidMessage: $localize`:@@agent.household.childInvalid:La fiche contient des erreurs. Corrigez les champs signalés.`,
      send: () =>
        this.api.updateChild(this.householdId(), child.id, {
          classLevel: value.classLevel || null,
          diet: value.diet,
          allergies: value.allergies.trim() || null,
          doctorName: value.doctorName.trim() || null,
          doctorPhone: value.doctorPhone.trim() || null,
        }),
      success: (updated) =>
        $localize`:@@agent.household.childSaved:Fiche de ${updated.firstName}:firstName: enregistrée au nom de la famille.`,
    });
    if (saved) {
      this.editingChild.set(null);
      await this.reload();
    }
  }

  protected async addContact(): Promise<void> {
    const value = this.contactForm.getRawValue();
    const saved = await submitForm({
      state: this.contact,
      form: this.contactForm,
      siblings: [this.address, this.child],
      invalidMessage: $localize`:@@agent.household.contactInvalid:Le contact est incomplet. Corrigez les champs signalés.`,
      send: () =>
        this.api.addContact(this.householdId(), {
          firstName: value.firstName.trim(),
          lastName: value.lastName.trim(),
          phone: value.phone.trim(),
          relationship: value.relationship.trim(),
          canPickUp: value.canPickUp,
        }),
      resetTo: { firstName: '', lastName: '', phone: '', relationship: '', canPickUp: true },
      success: (added) =>
        $localize`:@@agent.household.contactAdded:Contact ajouté : ${added.firstName}:firstName: ${added.lastName}:lastName:.`,
    });
    if (saved) await this.reload();
  }

  protected async removeContact(contact: ContactView): Promise<void> {
    const removed = await submitForm({
      state: this.contact,
      siblings: [this.address],
      invalidMessage: '',
      send: async () => {
        await this.api.deleteContact(this.householdId(), contact.id);
        return true;
      },
      success: () =>
        $localize`:@@agent.household.contactRemoved:Contact retiré : ${contact.firstName}:firstName: ${contact.lastName}:lastName:.`,
    });
    if (removed) await this.reload();
  }

  protected async download(household: HouseholdView, document: DocumentView): Promise<void> {
    this.documentsError.set(null);
    try {
      saveFile(this.document, await this.api.documentContent(household.id, document.id), document.fileName);
    } catch (failure) {
      this.documentsError.set(
        $localize`:@@agent.household.downloadFailed:Le téléchargement de « ${document.fileName}:fileName: » a échoué. ${toFormError(failure).message}:reason:`,
      );
    }
  }

  private async reload(): Promise<void> {
    const id = this.householdId();
    try {
      this.household.set(await this.api.household(id));
    } catch (failure) {
      this.error.set(toFormError(failure).message);
    }
    void this.loadHistory(id);
  }

  private async load(householdId: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    this.household.set(null);
    this.editingAddress.set(false);
    try {
      this.household.set(await this.api.household(householdId));
    } catch (failure) {
      this.error.set(toFormError(failure).message);
      return;
    } finally {
      this.loading.set(false);
    }
    void this.loadDocuments(householdId);
    void this.loadHistory(householdId);
  }

  private async loadDocuments(householdId: string): Promise<void> {
    try {
      const documents = await this.api.documents(householdId);
      this.documents.set([...documents].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt)));
      this.documentsError.set(null);
    } catch (failure) {
      const error = toFormError(failure);
      this.documents.set(null);
      this.documentsError.set(
        error.status === 403
          ? $localize`:@@agent.household.documentsForbidden:Vos périmètres ne donnent accès à aucun document de cette famille.`
          : error.message,
      );
    }
  }

  private async loadHistory(householdId: string): Promise<void> {
    try {
      this.history.set(await this.api.audit(householdId));
      this.historyError.set(null);
    } catch (failure) {
      this.historyError.set(toFormError(failure).message);
    }
  }
}
