/**
 * An ILIKE pattern matching text that contains `search` as typed: `%`, `_` and `\` in it are
 * escaped (backslash is PostgreSQL's default LIKE escape), so "100%" finds "100%" and not "100".
 */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, '\\$&')}%`;
}
