import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * The contrib extensions the migrations create (`create extension if not exists …`, 0026:
 * pg_trgm for search suggestions). PGlite loads an extension only when it is passed here, so
 * every `PGlite.create` that migrates or loads a migrated dump takes this list; the Postgres
 * server ships them as contrib. PGlite also bundles unaccent and btree_gin: add them here when
 * a migration creates them.
 */
export const pgliteExtensions = { pg_trgm };
