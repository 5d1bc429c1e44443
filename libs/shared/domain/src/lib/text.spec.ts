import { FOLD_ACCENTED, FOLD_PLAIN, foldText } from './text';

describe('foldText', () => {
  it.each([
    ['Éloïse', 'eloise'],
    ['Lætitia', 'laetitia'],
    ['LÆTITIA', 'laetitia'],
    ['Cœur', 'coeur'],
    ['Œdipe', 'oedipe'],
    ['François-Noël', 'francois-noel'],
    ['Ærø', 'aero'],
  ])('folds « %s » to « %s »', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('keeps one plain letter for each accented one (the SQL translate table)', () => {
    expect([...FOLD_ACCENTED]).toHaveLength([...FOLD_PLAIN].length);
  });

  it('folds decomposed accents (as some keyboards send them) like composed ones', () => {
    expect(foldText('E\u0301loi\u0308se')).toBe('eloise');
  });
});
