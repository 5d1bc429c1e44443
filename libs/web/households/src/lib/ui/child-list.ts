import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ChildView } from '@foyer/shared/contracts';
import { DayFrPipe, PhoneFrPipe } from '@foyer/web/core';
import { CLASS_LEVEL_LABELS, DIET_LABELS } from './labels';

/** The children of a household as cards; names link to their page when `linkBase` is given. */
@Component({
  selector: 'foyer-child-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, DayFrPipe, PhoneFrPipe],
  template: `
    @if (children().length === 0) {
      <p>{{ emptyText() }}</p>
    } @else {
      <ul class="card-grid wide plain-list">
        @for (child of children(); track child.id) {
          <li class="child-card">
            <h3>
              @if (linkBase(); as base) {
                <a [routerLink]="[base, child.id]">{{ child.firstName }} {{ child.lastName }}</a>
              } @else {
                {{ child.firstName }} {{ child.lastName }}
              }
            </h3>
            <dl class="facts">
              <dt i18n="@@households.childList.birthDate">Date de naissance</dt>
              <dd>{{ child.birthDate | dayFr }}</dd>
              <dt i18n="@@households.childList.school">École</dt>
              <dd>
                @if (child.schoolName) {
                  {{ child.schoolName }}
                } @else {
                  <ng-container i18n="@@households.childList.notGivenFeminine">Non renseignée</ng-container>
                }
              </dd>
              <dt i18n="@@households.childList.classLevel">Classe</dt>
              <dd>
                @if (child.classLevel) {
                  {{ classLevels[child.classLevel] }}
                } @else {
                  <ng-container i18n="@@households.childList.notGivenFeminine">Non renseignée</ng-container>
                }
              </dd>
              <dt i18n="@@households.childList.diet">Régime</dt>
              <dd>{{ diets[child.diet] }}</dd>
              <dt i18n="@@households.childList.allergies">Allergies</dt>
              <dd>
                @if (child.allergies) {
                  {{ child.allergies }}
                } @else {
                  <ng-container i18n="@@households.childList.noAllergies">Aucune signalée</ng-container>
                }
              </dd>
              <dt i18n="@@households.childList.pai">PAI</dt>
              <dd>
                @if (child.pai) {
                  <ng-container i18n="@@households.childList.yes">Oui</ng-container>
                } @else {
                  <ng-container i18n="@@households.childList.no">Non</ng-container>
                }
              </dd>
              @if (detailed()) {
                <dt i18n="@@households.childList.doctor">Médecin</dt>
                <dd>
                  @if (child.doctorName) {
                    {{ child.doctorName }}
                  } @else {
                    <ng-container i18n="@@households.childList.notGivenMasculine">Non renseigné</ng-container>
                  }
                  @if (child.doctorPhone) {
                    — {{ child.doctorPhone | phoneFr }}
                  }
                </dd>
                <dt i18n="@@households.childList.photos">Photos</dt>
                <dd>
                  @if (child.photoConsent) {
                    <ng-container i18n="@@households.childList.photosAllowed">Autorisées</ng-container>
                  } @else {
                    <ng-container i18n="@@households.childList.photosRefused">Non autorisées</ng-container>
                  }
                </dd>
              }
            </dl>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .child-card {
      background: #fff;
      border: 1px solid #c4c7cf;
      border-radius: 8px;
      padding: 0.75rem 1rem;
    }
    .child-card h3 {
      margin-top: 0.25rem;
    }
  `,
})
export class ChildList {
  readonly children = input.required<ChildView[]>();
  /** e.g. '/famille/enfants': each name links to `${linkBase}/${id}`. */
  readonly linkBase = input<string | null>(null);
  /** Also show the doctor and the photo consent (agents' view). */
  readonly detailed = input(false);
  readonly emptyText = input($localize`:@@households.childList.empty:Aucun enfant n'est encore enregistré.`);

  protected readonly classLevels = CLASS_LEVEL_LABELS;
  protected readonly diets = DIET_LABELS;
}
