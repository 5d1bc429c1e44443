import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ContactView } from '@foyer/shared/contracts';
import { PhoneFrPipe } from '@foyer/web/core';

/** People the family trusts (grand-parents, neighbours); removal asks for a confirmation in place. */
@Component({
  selector: 'foyer-contact-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, PhoneFrPipe],
  template: `
    @if (contacts().length === 0) {
      <p i18n="@@households.contactList.empty">Aucune personne à contacter n'est enregistrée.</p>
    } @else {
      <ul class="plain-list contacts">
        @for (contact of contacts(); track contact.id) {
          <li>
            <div>
              <strong>{{ contact.firstName }} {{ contact.lastName }}</strong> ({{
                contact.relationship
              }})<br />
              {{ contact.phone | phoneFr }}<br />
              @if (contact.canPickUp) {
                <ng-container i18n="@@households.contactList.canPickUp"
                  >Peut venir chercher les enfants</ng-container
                >
              } @else {
                <ng-container i18n="@@households.contactList.cannotPickUp"
                  >Ne vient pas chercher les enfants</ng-container
                >
              }
            </div>
            @if (removable()) {
              <div class="actions">
                @if (confirming() === contact.id) {
                  <button
                    mat-flat-button
                    type="button"
                    [disabled]="busy()"
                    (click)="confirm(contact)"
                    i18n="@@households.contactList.confirmRemove"
                  >
                    Confirmer la suppression<span class="visually-hidden">
                      de {{ contact.firstName }} {{ contact.lastName }}</span
                    >
                  </button>
                  <button
                    mat-button
                    type="button"
                    (click)="confirming.set(null)"
                    i18n="@@households.contactList.cancel"
                  >
                    Annuler
                  </button>
                } @else {
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="busy()"
                    (click)="confirming.set(contact.id)"
                    i18n="@@households.contactList.remove"
                  >
                    Supprimer<span class="visually-hidden">
                      {{ contact.firstName }} {{ contact.lastName }}</span
                    >
                  </button>
                }
              </div>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .contacts li {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      align-items: center;
      padding: 0.75rem 0;
      border-bottom: 1px solid #e0e3e8;
    }
    .contacts li:last-child {
      border-bottom: none;
    }
  `,
})
export class ContactList {
  readonly contacts = input.required<ContactView[]>();
  readonly removable = input(false);
  readonly busy = input(false);
  readonly remove = output<ContactView>();

  protected readonly confirming = signal<string | null>(null);

  protected confirm(contact: ContactView): void {
    this.confirming.set(null);
    this.remove.emit(contact);
  }
}
