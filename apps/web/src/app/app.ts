import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Shell } from '@foyer/web/core';

@Component({
  selector: 'foyer-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Shell],
  template: `<foyer-shell />`,
})
export class App {}
