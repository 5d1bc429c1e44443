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
              <dt>Date de naissance</dt>
              <dd>{{ child.birthDate | dayFr }}</dd>
              <dt>École</dt>
              <dd>{{ child.schoolName || 'Non renseignée' }}</dd>
              <dt>Classe</dt>
              <dd>{{ child.classLevel ? classLevels[child.classLevel] : 'Non renseignée' }}</dd>
              <dt>Régime</dt>
              <dd>{{ diets[child.diet] }}</dd>
              <dt>Allergies</dt>
              <dd>{{ child.allergies || 'Aucune signalée' }}</dd>
              <dt>PAI</dt>
              <dd>{{ child.pai ? 'Oui' : 'Non' }}</dd>
              @if (detailed()) {
                <dt>Médecin</dt>
                <dd>
                  {{ child.doctorName || 'Non renseigné' }}
                  @if (child.doctorPhone) {
                    — {{ child.doctorPhone | phoneFr }}
                  }
                </dd>
                <dt>Photos</dt>
                <dd>{{ child.photoConsent ? 'Autorisées' : 'Non autorisées' }}</dd>
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
  readonly emptyText = input("Aucun enfant n'est encore enregistré.");

  protected readonly classLevels = CLASS_LEVEL_LABELS;
  protected readonly diets = DIET_LABELS;
}
