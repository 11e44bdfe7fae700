/**
 * Records indexed by ids from data files. An indicator or entity may be
 * called `constructor`, `toString` or `__proto__`; on a plain `{}` those
 * names reach `Object.prototype` (a lookup finds a function, an assignment to
 * `__proto__` changes the prototype), so such an id would silently lose its
 * metadata. Ids are ordinary keys here.
 */

/**
 * An empty record with no prototype, for building records keyed by ids from
 * data. (A structured clone, as IPC and worker threads make, gives back an
 * ordinary object with the same own keys; read it with `own`.)
 */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/** `record[key]` when `key` is the record's own key, `undefined` otherwise (never an `Object.prototype` member). */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined
}
