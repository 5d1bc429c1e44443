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
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  type AddressRequest,
  type ContactRequest,
  type ContactView,
  QuotientStatus,
} from '@foyer/shared/contracts';
import {
  ErrorAlert,
  fieldErrorMessage,
  focusAfterRender,
  formState,
  StatusMessage,
  submitForm,
} from '@foyer/web/core';
import { HouseholdStore } from '../data-access/household-store';
import { HouseholdsApi } from '../data-access/households-api';
import { AddressSummary } from '../ui/address-summary';
import { ChildList } from '../ui/child-list';
import { ContactList } from '../ui/contact-list';
import { DocumentTable } from '../ui/document-table';
import { GuardianList } from '../ui/guardian-list';
import { QuotientSummary } from '../ui/quotient-summary';
import { FRENCH_PHONE_PATTERN } from '@foyer/shared/domain';

const POSTAL_CODE = /^\d{5}$/;

@Component({
  selector: 'foyer-family-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorAlert,
    StatusMessage,
    AddressSummary,
    ChildList,
    ContactList,
    DocumentTable,
    GuardianList,
    QuotientSummary,
  ],
  templateUrl: './family-page.html',
})
export class FamilyPage implements OnInit {
  protected readonly store = inject(HouseholdStore);
  private readonly api = inject(HouseholdsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly status = signal<string | null>(null);
  protected readonly errorOf = fieldErrorMessage;
  protected readonly phoneMessages = {
    pattern: $localize`:@@households.family.phonePattern:Saisissez un numéro de téléphone, par exemple 06 12 34 56 78.`,
  };
  protected readonly postalCodeMessages = {
    pattern: $localize`:@@households.family.postalCodePattern:Le code postal compte 5 chiffres.`,
  };

  protected readonly pendingQuotient = computed(() =>
    (this.store.household()?.quotients ?? []).some((quotient) => quotient.status === QuotientStatus.Pending),
  );

  // ----- Address -----
  protected readonly editingAddress = signal(false);
  protected readonly address = formState('#address-form');
  protected readonly addressForm = this.fb.group({
    line1: ['', [Validators.required, Validators.maxLength(200)]],
    line2: ['', [Validators.maxLength(200)]],
    postalCode: ['', [Validators.required, Validators.pattern(POSTAL_CODE)]],
    city: ['', [Validators.required, Validators.maxLength(100)]],
  });
  protected readonly showAddressForm = computed(
    () => this.editingAddress() || (!!this.store.household() && !this.store.household()?.address),
  );

  // ----- Contacts -----
  protected readonly contact = formState('#contact-form');
  protected readonly contactForm = this.fb.group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    phone: ['', [Validators.required, Validators.pattern(FRENCH_PHONE_PATTERN)]],
    relationship: ['', [Validators.required, Validators.maxLength(100)]],
    canPickUp: [true],
  });

  // ----- Second guardian -----
  protected readonly invitation = formState('#invite-form');
  protected readonly inviteForm = this.fb.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
  });

  /** Sending one form clears the old messages of the others. */
  private readonly forms = [this.address, this.contact, this.invitation];

  ngOnInit(): void {
    this.status.set(this.store.takeFlash());
    void this.store.load();
  }

  protected editAddress(): void {
    const address = this.store.household()?.address;
    this.addressForm.reset({
      line1: address?.line1 ?? '',
      line2: address?.line2 ?? '',
      postalCode: address?.postalCode ?? '',
      city: address?.city ?? '',
    });
    this.address.clear();
    this.editingAddress.set(true);
  }

  protected cancelAddress(): void {
    this.editingAddress.set(false);
    this.address.error.set(null);
  }

  protected async saveAddress(): Promise<void> {
    const value = this.addressForm.getRawValue();
    const saved = await submitForm({
      state: this.address,
      form: this.addressForm,
      siblings: this.forms,
      invalidMessage: $localize`:@@households.family.addressInvalid:L'adresse est incomplète. Corrigez les champs signalés.`,
      send: () => {
        const request: AddressRequest = {
          line1: value.line1.trim(),
          line2: value.line2.trim() || null,
          postalCode: value.postalCode.trim(),
          city: value.city.trim(),
        };
        return this.api.updateAddress(request);
      },
      success: () => $localize`:@@households.family.addressSaved:Adresse enregistrée.`,
    });
    if (saved) {
      this.store.replace(saved);
      this.editingAddress.set(false);
    }
  }

  protected async invite(): Promise<void> {
    const email = this.inviteForm.getRawValue().email.trim();
    const saved = await submitForm({
      state: this.invitation,
      form: this.inviteForm,
      siblings: this.forms,
      invalidMessage: $localize`:@@households.family.inviteInvalid:L'adresse e-mail n'est pas valide. Corrigez le champ signalé.`,
      send: () => this.api.inviteGuardian({ email }),
      resetTo: { email: '' },
      success: () => $localize`:@@households.family.inviteSent:Invitation envoyée à ${email}:email:.`,
    });
    if (saved) {
      this.store.replace(saved);
      // The form is gone: the keyboard resumes at the section's heading, just above the confirmation.
      focusAfterRender(
        () => this.host.nativeElement.querySelector<HTMLElement>('#guardians-title'),
        this.injector,
      );
    }
  }

  protected async addContact(): Promise<void> {
    const value = this.contactForm.getRawValue();
    const request: ContactRequest = {
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      phone: value.phone.trim(),
      relationship: value.relationship.trim(),
      canPickUp: value.canPickUp,
    };
    const saved = await submitForm({
      state: this.contact,
      form: this.contactForm,
      siblings: this.forms,
      invalidMessage: $localize`:@@households.family.contactInvalid:Le contact est incomplet. Corrigez les champs signalés.`,
      send: () => this.api.addContact(request),
      resetTo: { firstName: '', lastName: '', phone: '', relationship: '', canPickUp: true },
      success: () =>
        $localize`:@@households.family.contactAdded:Contact ajouté : ${request.firstName}:firstName: ${request.lastName}:lastName:.`,
    });
    if (saved) await this.store.load();
  }

  protected async removeContact(contact: ContactView): Promise<void> {
    const removed = await submitForm({
      state: this.contact,
      siblings: this.forms,
      invalidMessage: '',
      send: async () => {
        await this.api.deleteContact(contact.id);
        return true;
      },
      success: () =>
        $localize`:@@households.family.contactRemoved:Contact retiré : ${contact.firstName}:firstName: ${contact.lastName}:lastName:.`,
    });
    if (removed) await this.store.load();
  }
}
