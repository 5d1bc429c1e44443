import { inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { PORTAL_NAME } from '../city';

/** « Connexion — Foyer » : each route's French title, then the portal's name. */
@Injectable()
export class FoyerTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    this.title.setTitle(page ? `${page} — Foyer` : `Foyer — ${PORTAL_NAME}`);
  }
}
