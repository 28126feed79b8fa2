import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openMigratedDatabase, testDatabaseKinds } from '../../db/testing.ts';
import { useSmallNetwork } from './fixtures/small-network.ts';
import { createNetworkCache, networkCache, perVersion, type NetworkSnapshot } from './network-cache.ts';
import { getLink, networkSnapshot, updateLink } from './store.ts';

describe.each(testDatabaseKinds())('the network cache on $name', (kind) => {
  let db: Database;
  let loads: number;
  /** Reads the network as the server does, counting each read; fails while `failing` is set. */
  let failing: boolean;
  const countedLoad = async (from: Database): Promise<NetworkSnapshot> => {
    loads += 1;
    if (failing) throw new Error('the database is away');
    return networkSnapshot(from);
  };
  /** An edit made straight in the database, as another server instance sharing it would make. */
  const closeLink = (id: string) => db.transaction(async (tx) => updateLink(tx, { ...(await getLink(tx, id)), status: 'closed' }));

  beforeAll(async () => {
    db = await openMigratedDatabase(kind);
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await useSmallNetwork(db);
    loads = 0;
    failing = false;
  });

  it('reads the whole network once per version, and again once it has moved', async () => {
    const cache = createNetworkCache(db, countedLoad);
    const first = await cache.current();
    expect(await cache.current()).toBe(first);
    expect(loads).toBe(1);

    await closeLink('rail-urumqi-alashankou');
    const edited = await cache.current();
    expect(edited.version).toBe(first.version + 1);
    expect(edited.network.links.find((l) => l.id === 'rail-urumqi-alashankou')?.status).toBe('closed');
    expect(await cache.current()).toBe(edited);
    expect(loads).toBe(2);
  });

  it('lets requests that arrive together share one read', async () => {
    const cache = createNetworkCache(db, countedLoad);
    const snapshots = await Promise.all(Array.from({ length: 5 }, () => cache.current()));
    expect(new Set(snapshots).size).toBe(1);
    expect(loads).toBe(1);
  });

  it('keeps no failed read, so the next request reads again', async () => {
    const cache = createNetworkCache(db, countedLoad);
    failing = true;
    await expect(cache.current()).rejects.toThrow('the database is away');
    failing = false;
    expect((await cache.current()).network.links).toHaveLength(2);
    expect(loads).toBe(2);
  });

  it('is one cache per database, and derives a value once per loaded version', async () => {
    expect(networkCache(db)).toBe(networkCache(db));
    const cache = createNetworkCache(db);
    let derived = 0;
    const linkCount = perVersion((snapshot) => {
      derived += 1;
      return snapshot.network.links.filter((l) => l.status === 'open').length;
    });
    expect(linkCount(await cache.current())).toBe(2);
    expect(linkCount(await cache.current())).toBe(2);
    expect(derived).toBe(1);
    await closeLink('rail-alashankou-dostyk');
    expect(linkCount(await cache.current())).toBe(1);
    expect(derived).toBe(2);
  });
});
