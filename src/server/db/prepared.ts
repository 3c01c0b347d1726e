/**
 * Named prepared statements for the hot queries (issue 8): the query is built once per database handle instead
 * of on every request, and on PostgreSQL each pooled connection parses and plans it once (node-postgres sends
 * the name; PGlite ignores it and runs the same text). Only for queries that select named columns: a statement
 * prepared before a migration that drops or retypes one of them fails until the instance restarts (the rolling
 * deployment in docs/deployment.md restarts every instance after a migration).
 */
export function preparedPer<D extends object, P>(build: (db: D) => P): (db: D) => P {
  const cache = new WeakMap<D, P>();
  return (db) => {
    let prepared = cache.get(db);
    if (!prepared) {
      prepared = build(db);
      cache.set(db, prepared);
    }
    return prepared;
  };
}
