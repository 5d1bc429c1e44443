/**
 * Search folding: lower case, no accents, ligatures spelt out, so that « Éloïse » finds « eloise »
 * and « Lætitia » finds « Laetitia ». The API applies the same table in SQL (`foldSql`, api/core):
 * the embedded PostgreSQL has no `unaccent` extension.
 */
export const FOLD_LIGATURES: readonly (readonly [string, string])[] = [
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ß', 'ss'],
];

/** Accented letters and their plain letter, position by position (after lower-casing). */
export const FOLD_ACCENTED = 'àâäáãåçéèêëíìîïñóòôöõøúùûüýÿ';
export const FOLD_PLAIN = 'aaaaaaceeeeiiiinoooooouuuuyy';

export function foldText(text: string): string {
  let folded = text.toLowerCase();
  for (const [ligature, spelt] of FOLD_LIGATURES) folded = folded.split(ligature).join(spelt);
  return [...folded.normalize('NFC')]
    .map((c) => {
      const i = FOLD_ACCENTED.indexOf(c);
      return i >= 0 ? FOLD_PLAIN[i] : c;
    })
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
