import { readdirSync } from 'node:fs';
import { migrations } from './index';

describe('the migrations list', () => {
  it('holds every migration file of the folder, in timestamp order', () => {
    const files = readdirSync(__dirname)
      .filter((f) => /^\d{13}-[A-Z][A-Za-z0-9]+\.ts$/.test(f))
      .sort();
    const expected = files.map((f) => {
      const [, ms, name] = /^(\d{13})-(\w+)\.ts$/.exec(f)!;
      return `${name}${ms}`;
    });
    expect(migrations.map((m) => m.name)).toEqual(expected);
  });
});
