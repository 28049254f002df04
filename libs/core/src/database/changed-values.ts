/**
 * The values of `wanted` that differ from `current` (compared as JSON, so arrays and points by
 * content): an update writes, audits and announces only these, and sending a value a row already
 * has is no change.
 */
export function changedValues<T extends object>(wanted: Partial<T>, current: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(wanted) as (keyof T)[]) {
    const value = wanted[key];
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(current[key]))
      changed[key] = value;
  }
  return changed;
}
