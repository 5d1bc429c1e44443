import { FOLD_ACCENTED, FOLD_LIGATURES, FOLD_PLAIN } from '@foyer/shared/domain';

/**
 * `foldText` (shared/domain) in SQL, for searches that ignore case and accents: the same table, so a
 * text folded in JavaScript matches a column folded by PostgreSQL (without the unaccent extension,
 * which the embedded database lacks). `column` is SQL written by the caller, never user input.
 */
export function foldSql(column: string): string {
  let sql = `lower(${column})`;
  for (const [ligature, spelt] of FOLD_LIGATURES) sql = `replace(${sql}, '${ligature}', '${spelt}')`;
  return `translate(${sql}, '${FOLD_ACCENTED}', '${FOLD_PLAIN}')`;
}

/** Escapes LIKE's wildcards so a searched text matches literally (`50%` is not "50 and anything"). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
