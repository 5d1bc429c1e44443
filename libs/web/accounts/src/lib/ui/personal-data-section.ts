import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, Injector, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  ErrorAlert,
  focusAfterRender,
  formState,
  saveFile,
  StatusMessage,
  submitForm,
} from '@foyer/web/core';
import { AccountsApi } from '../data-access/accounts-api';

/** RGPD rights of a resident: a copy of everything the portal holds, and closing the account. */
@Component({
  selector: 'foyer-personal-data-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, ErrorAlert, StatusMessage],
  template: `
    <h3 i18n="@@accounts.personalDataSection.downloadMyData" id="export-title">Télécharger mes données</h3>
    <p i18n="@@accounts.personalDataSection.fileJsonFormatWith">
      Un fichier (format JSON) avec tout ce que le portail conserve sur votre famille : fiches, documents
      déposés, déclarations et historique des actions.
    </p>
    <foyer-status-message [message]="download.status()" />
    <foyer-error-alert [message]="download.error()" />
    <div class="actions">
      <button
        i18n="@@accounts.personalDataSection.downloadMyData2"
        mat-stroked-button
        type="button"
        [disabled]="download.busy()"
        (click)="exportData()"
      >
        Télécharger mes données
      </button>
    </div>

    <h3 i18n="@@accounts.personalDataSection.closeMyAccount" id="closure-title">Clôturer mon compte</h3>
    <p i18n="@@accounts.personalDataSection.townHallClosesAccount">
      La mairie clôt le compte et efface les données de votre famille, sauf celles que la loi l'oblige à
      garder (factures). Un agent traite la demande.
    </p>
    <foyer-status-message [message]="closure.status()" />
    <foyer-error-alert [message]="closure.error()" />
    @if (confirming()) {
      <div class="notice notice-warning" role="group" aria-labelledby="closure-confirm">
        <p i18n="@@accounts.personalDataSection.doYouConfirmClosure" id="closure-confirm">
          <strong>Confirmez-vous la demande de clôture ?</strong> Vous ne pourrez plus réserver ni payer en
          ligne une fois le compte clôturé.
        </p>
        <div class="actions">
          <button
            i18n="@@accounts.personalDataSection.confirmClosureRequest"
            mat-flat-button
            type="button"
            [disabled]="closure.busy()"
            (click)="requestClosure()"
          >
            Confirmer la demande de clôture
          </button>
          <button
            i18n="@@accounts.personalDataSection.cancel"
            mat-button
            type="button"
            (click)="cancelClosure()"
          >
            Annuler
          </button>
        </div>
      </div>
    } @else {
      <div class="actions">
        <button
          i18n="@@accounts.personalDataSection.askCloseMyAccount"
          mat-stroked-button
          type="button"
          (click)="askClosure()"
        >
          Demander la clôture de mon compte
        </button>
      </div>
    }
  `,
})
export class PersonalDataSection {
  private readonly api = inject(AccountsApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly download = formState();
  protected readonly closure = formState();
  protected readonly confirming = signal(false);

  protected async exportData(): Promise<void> {
    const file = await submitForm({
      state: this.download,
      invalidMessage: '',
      send: () => this.api.exportMyData(),
      success: () =>
        $localize`:@@accounts.personalDataSection.downloaded:Vos données ont été téléchargées (fichier JSON).`,
    });
    if (file)
      saveFile(this.document, file, `foyer-mes-donnees-${new Date().toISOString().slice(0, 10)}.json`);
  }

  protected askClosure(): void {
    this.closure.clear();
    this.confirming.set(true);
    focusAfterRender(
      () => this.document.querySelector<HTMLElement>('#closure-confirm + .actions button'),
      this.injector,
    );
  }

  protected cancelClosure(): void {
    this.confirming.set(false);
  }

  protected async requestClosure(): Promise<void> {
    await submitForm({
      state: this.closure,
      invalidMessage: '',
      send: () => this.api.requestClosure(),
      success: () =>
        $localize`:@@accounts.personalDataSection.closureRequested:Votre demande de clôture a été transmise à la mairie. Vous recevrez un message quand elle sera traitée.`,
    });
    this.confirming.set(false);
  }
}
