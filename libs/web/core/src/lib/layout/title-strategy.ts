import { inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { portalName } from '../city';

/** « Connexion — Foyer » : each route's title (translated), then the portal's name. */
@Injectable()
export class FoyerTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    this.title.setTitle(page ? `${page} — Foyer` : `Foyer — ${portalName()}`);
  }
}
