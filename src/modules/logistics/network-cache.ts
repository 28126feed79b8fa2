import type { Database } from '../../db/database.ts';
import { networkSnapshot, networkVersion } from './store.ts';

/**
 * The network as last loaded, kept per database and per network version. Each use reads only the version (one
 * small query), so an edit made on any server instance sharing the database is seen by the next request; the whole
 * network is read again only when the version has moved.
 */

export type NetworkSnapshot = Awaited<ReturnType<typeof networkSnapshot>>;

export interface NetworkCache {
  /** The network as stored now, loaded again only when its version has moved since the last load. */
  current(): Promise<NetworkSnapshot>;
}

export function createNetworkCache(db: Database, load: (db: Database) => Promise<NetworkSnapshot> = networkSnapshot): NetworkCache {
  let latest: NetworkSnapshot | undefined;
  // The load under way, shared by every request that needs it; a failed one is dropped, so the next request tries again.
  let loading: Promise<NetworkSnapshot> | undefined;

  const startLoad = (): Promise<NetworkSnapshot> => {
    const started = load(db).then((snapshot) => {
      if (!latest || snapshot.version > latest.version) latest = snapshot;
      return snapshot;
    });
    loading = started;
    const settled = () => {
      if (loading === started) loading = undefined;
    };
    void started.then(settled, settled);
    return started;
  };

  return {
    async current() {
      const version = await networkVersion(db);
      for (;;) {
        if (latest && latest.version >= version) return latest;
        // A load that began before this version was read may still hold the older network: then load once more.
        const joined = loading;
        const snapshot = await (loading ?? startLoad());
        if (snapshot.version >= version || !joined) return snapshot;
      }
    },
  };
}

const caches = new WeakMap<Database, NetworkCache>();

/** The one cache of `db`, shared by every route that reads the network, so each version is loaded once. */
export function networkCache(db: Database): NetworkCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = createNetworkCache(db);
    caches.set(db, cache);
  }
  return cache;
}

/**
 * `derive` computed once per loaded network (a compiled planner, the GeoJSON) and dropped with it. A value that
 * fails to derive is not kept, so the next request tries again.
 */
export function perVersion<T>(derive: (snapshot: NetworkSnapshot) => T): (snapshot: NetworkSnapshot) => T {
  const values = new WeakMap<NetworkSnapshot, T>();
  return (snapshot) => {
    if (!values.has(snapshot)) values.set(snapshot, derive(snapshot));
    return values.get(snapshot) as T;
  };
}
