import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openMigratedDatabase, testDatabaseKinds } from '../../db/testing.ts';
import { smallNetwork, useSmallNetwork } from './fixtures/small-network.ts';
import { loadLogisticsReference } from './reference-load.ts';
import { deleteLink, deleteNode, getLink, loadNetwork, updateLink } from './store.ts';

describe.each(testDatabaseKinds())('the reference network at start-up on $name', (kind) => {
  let db: Database;
  /** What the server does at each start. */
  const start = () => db.transaction((tx) => loadLogisticsReference(tx));

  beforeAll(async () => {
    db = await openMigratedDatabase(kind);
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await db.exec('DELETE FROM logistics_links; DELETE FROM logistics_nodes; DELETE FROM logistics_corridors; DELETE FROM logistics_sources');
  });

  it('is loaded into an empty network, and a restart keeps the edits made since', async () => {
    const loaded = await start();
    expect(loaded.nodes).toBeGreaterThan(100);
    expect(loaded.links).toBeGreaterThan(100);
    const [first] = (await loadNetwork(db)).links;
    const edited = { ...first!, status: 'closed' as const, minutes: first!.minutes + 60 };
    await db.transaction((tx) => updateLink(tx, edited));

    expect(await start()).toEqual({ nodes: 0, links: 0, corridors: 0 });
    expect(await getLink(db, edited.id)).toEqual(edited);
  });

  it('leaves a network of the installation’s own in place', async () => {
    await useSmallNetwork(db);
    await start();
    expect((await loadNetwork(db)).nodes.map((n) => n.id).sort()).toEqual(smallNetwork().nodes.map((n) => n.id).sort());
  });

  it('comes back at the next start once every node has been deleted', async () => {
    const loaded = await start();
    await db.transaction(async (tx) => {
      const network = await loadNetwork(tx);
      for (const link of network.links) await deleteLink(tx, link.id);
      for (const node of network.nodes) await deleteNode(tx, node.id);
    });
    expect(await start()).toEqual(loaded);
    const network = await loadNetwork(db);
    expect([network.nodes.length, network.links.length]).toEqual([loaded.nodes, loaded.links]);
  });
});
