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
  applyFieldErrors,
  ErrorAlert,
  fieldErrorMessage,
  focusAfterRender,
  focusFirstInvalidField,
  formErrorText,
  StatusMessage,
  toFormError,
} from '@foyer/web/core';
import { HouseholdStore } from '../data-access/household-store';
import { HouseholdsApi } from '../data-access/households-api';
import { AddressSummary } from '../ui/address-summary';
import { ChildList } from '../ui/child-list';
import { ContactList } from '../ui/contact-list';
import { DocumentTable } from '../ui/document-table';
import { GuardianList } from '../ui/guardian-list';
import { QuotientSummary } from '../ui/quotient-summary';

const PHONE = /^\+?[0-9][0-9 .()-]{8,19}$/;
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
    pattern: 'Saisissez un numéro de téléphone, par exemple 06 12 34 56 78.',
  };
  protected readonly postalCodeMessages = { pattern: 'Le code postal compte 5 chiffres.' };

  protected readonly pendingQuotient = computed(() =>
    (this.store.household()?.quotients ?? []).some((quotient) => quotient.status === QuotientStatus.Pending),
  );

  // ----- Address -----
  protected readonly editingAddress = signal(false);
  protected readonly addressBusy = signal(false);
  protected readonly addressError = signal<string | null>(null);
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
  protected readonly contactBusy = signal(false);
  protected readonly contactError = signal<string | null>(null);
  protected readonly contactForm = this.fb.group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    phone: ['', [Validators.required, Validators.pattern(PHONE)]],
    relationship: ['', [Validators.required, Validators.maxLength(100)]],
    canPickUp: [true],
  });

  // ----- Second guardian -----
  protected readonly inviteBusy = signal(false);
  protected readonly inviteError = signal<string | null>(null);
  protected readonly inviteStatus = signal<string | null>(null);
  protected readonly inviteForm = this.fb.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
  });

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
    this.addressError.set(null);
    this.editingAddress.set(true);
  }

  protected cancelAddress(): void {
    this.editingAddress.set(false);
    this.addressError.set(null);
  }

  protected async saveAddress(): Promise<void> {
    if (this.addressForm.invalid) {
      this.addressForm.markAllAsTouched();
      this.addressError.set("L'adresse est incomplète. Corrigez les champs signalés.");
      focusFirstInvalidField(
        this.host.nativeElement.querySelector('#address-form') ?? this.host.nativeElement,
        this.injector,
      );
      return;
    }
    const value = this.addressForm.getRawValue();
    const request: AddressRequest = {
      line1: value.line1.trim(),
      line2: value.line2.trim() || null,
      postalCode: value.postalCode.trim(),
      city: value.city.trim(),
    };
    this.addressBusy.set(true);
    this.addressError.set(null);
    try {
      this.store.replace(await this.api.updateAddress(request));
      this.editingAddress.set(false);
      this.status.set('Adresse enregistrée.');
    } catch (failure) {
      const error = toFormError(failure);
      this.addressError.set(formErrorText(error, applyFieldErrors(this.addressForm, error)));
    } finally {
      this.addressBusy.set(false);
    }
  }

  protected async invite(): Promise<void> {
    if (this.inviteForm.invalid) {
      this.inviteForm.markAllAsTouched();
      this.inviteError.set("L'adresse e-mail n'est pas valide. Corrigez le champ signalé.");
      focusFirstInvalidField(
        this.host.nativeElement.querySelector('#invite-form') ?? this.host.nativeElement,
        this.injector,
      );
      return;
    }
    const email = this.inviteForm.getRawValue().email.trim();
    this.inviteBusy.set(true);
    this.inviteError.set(null);
    this.inviteStatus.set(null);
    try {
      this.store.replace(await this.api.inviteGuardian({ email }));
      this.inviteForm.reset({ email: '' });
      this.inviteStatus.set(`Invitation envoyée à ${email}.`);
      // The form is gone: the keyboard resumes at the section's heading, just above the confirmation.
      focusAfterRender(
        () => this.host.nativeElement.querySelector<HTMLElement>('#guardians-title'),
        this.injector,
      );
    } catch (failure) {
      const error = toFormError(failure);
      this.inviteError.set(formErrorText(error, applyFieldErrors(this.inviteForm, error)));
      focusFirstInvalidField(
        this.host.nativeElement.querySelector('#invite-form') ?? this.host.nativeElement,
        this.injector,
      );
    } finally {
      this.inviteBusy.set(false);
    }
  }

  protected async addContact(): Promise<void> {
    if (this.contactForm.invalid) {
      this.contactForm.markAllAsTouched();
      this.contactError.set('Le contact est incomplet. Corrigez les champs signalés.');
      focusFirstInvalidField(
        this.host.nativeElement.querySelector('#contact-form') ?? this.host.nativeElement,
        this.injector,
      );
      return;
    }
    const value = this.contactForm.getRawValue();
    const request: ContactRequest = {
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      phone: value.phone.trim(),
      relationship: value.relationship.trim(),
      canPickUp: value.canPickUp,
    };
    this.contactBusy.set(true);
    this.contactError.set(null);
    try {
      await this.api.addContact(request);
      this.contactForm.reset({ firstName: '', lastName: '', phone: '', relationship: '', canPickUp: true });
      this.status.set(`${request.firstName} ${request.lastName} a été ajouté(e) aux personnes à contacter.`);
      await this.store.load();
    } catch (failure) {
      const error = toFormError(failure);
      this.contactError.set(formErrorText(error, applyFieldErrors(this.contactForm, error)));
    } finally {
      this.contactBusy.set(false);
    }
  }

  protected async removeContact(contact: ContactView): Promise<void> {
    this.contactBusy.set(true);
    this.contactError.set(null);
    try {
      await this.api.deleteContact(contact.id);
      this.status.set(`${contact.firstName} ${contact.lastName} a été retiré(e) des personnes à contacter.`);
      await this.store.load();
    } catch (failure) {
      this.contactError.set(toFormError(failure).message);
    } finally {
      this.contactBusy.set(false);
    }
  }
}
