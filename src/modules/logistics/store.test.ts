import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../db/database.ts';
import { openMigratedDatabase, testDatabaseKinds } from '../../db/testing.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { smallNetwork, useSmallNetwork } from './fixtures/small-network.ts';
import type { LinkRecord } from './records.ts';
import { addLink, addNode, deleteLink, deleteNode, getLink, getNode, loadNetwork, networkVersion, replaceNetwork, updateLink, updateNode } from './store.ts';
import { codeOf } from '../../errors/testing.ts';

describe.each(testDatabaseKinds())('the network store on $name', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(kind);
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await useSmallNetwork(db);
  });

  it('keeps a whole network exactly as imported, and moves its version on', async () => {
    const before = await networkVersion(db);
    await db.transaction((tx) => replaceNetwork(tx, smallNetwork()));
    expect(await networkVersion(db)).toBe(before + 1);
    const network = await loadNetwork(db);
    const expected = smallNetwork();
    const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(network.nodes)).toEqual(byId(expected.nodes));
    expect(byId(network.links)).toEqual(byId(expected.links));
    expect(network.corridors).toEqual(expected.corridors);
    expect(network.sources).toEqual(expected.sources);
  });

  it('replaces nothing when the new network breaks a rule', async () => {
    const broken = smallNetwork();
    broken.links[0] = { ...broken.links[0]!, to: 'KZ-NOWHERE' };
    expect(await codeOf(db.transaction((tx) => replaceNetwork(tx, broken)))).toBe('NETWORK_INVALID');
    expect((await loadNetwork(db)).links.map((l) => l.to).sort()).toEqual(['CN-ALASHANKOU', 'KZ-DOSTYK']);
  });

  it('adds, rewrites and deletes nodes and links, each change moving the version on', async () => {
    const version = await networkVersion(db);
    const almaty = { ...(await getNode(db, 'KZ-DOSTYK')), id: 'KZ-ALMATY', locode: 'KZALA', lat: 43.24, lon: 76.95, customs: null };
    await db.transaction((tx) => addNode(tx, almaty));
    const link: LinkRecord = { ...(await getLink(db, 'rail-urumqi-alashankou')), id: 'rail-dostyk-almaty', from: 'KZ-DOSTYK', to: 'KZ-ALMATY', gauges: [1520], corridors: [] };
    await db.transaction((tx) => addLink(tx, link));
    expect(await getLink(db, 'rail-dostyk-almaty')).toEqual(link);
    await db.transaction((tx) => updateLink(tx, { ...link, status: 'under_construction', minutes: 900 }));
    expect(await getLink(db, 'rail-dostyk-almaty')).toMatchObject({ status: 'under_construction', minutes: 900 });
    await db.transaction((tx) => updateNode(tx, { ...almaty, names: { ...almaty.names, en: 'Almaty 1' } }));
    expect((await getNode(db, 'KZ-ALMATY')).names.en).toBe('Almaty 1');
    expect(await networkVersion(db)).toBe(version + 4);
    expect(await codeOf(db.transaction((tx) => deleteNode(tx, 'KZ-ALMATY')))).toBe('NODE_IN_USE');
    await db.transaction((tx) => deleteLink(tx, 'rail-dostyk-almaty'));
    await db.transaction((tx) => deleteNode(tx, 'KZ-ALMATY'));
    expect(await codeOf(getNode(db, 'KZ-ALMATY'))).toBe('NODE_NOT_FOUND');
  });

  it('refuses duplicate ids and locodes, links to unknown nodes or corridors, loops and rail without a gauge', async () => {
    const node = await getNode(db, 'KZ-DOSTYK');
    expect(await codeOf(db.transaction((tx) => addNode(tx, node)))).toBe('NODE_EXISTS');
    expect(await codeOf(db.transaction((tx) => addNode(tx, { ...node, id: 'KZ-OTHER', locode: 'CNURC' })))).toBe('LOCODE_TAKEN');
    const link = await getLink(db, 'rail-urumqi-alashankou');
    expect(await codeOf(db.transaction((tx) => addLink(tx, link)))).toBe('LINK_EXISTS');
    expect(await codeOf(db.transaction((tx) => addLink(tx, { ...link, id: 'x', to: 'KZ-NOWHERE' })))).toBe('NODE_NOT_FOUND');
    expect(await codeOf(db.transaction((tx) => addLink(tx, { ...link, id: 'x', corridors: ['no-such'] })))).toBe('CORRIDOR_NOT_FOUND');
    expect(await codeOf(db.transaction((tx) => addLink(tx, { ...link, id: 'x', to: link.from })))).toBe('LINK_LOOP');
    expect(await codeOf(db.transaction((tx) => addLink(tx, { ...link, id: 'x', gauges: null })))).toBe('LINK_GAUGE');
    expect(await codeOf(db.transaction((tx) => updateLink(tx, { ...link, id: 'no-such-link' })))).toBe('LINK_NOT_FOUND');
    expect(await codeOf(db.transaction((tx) => updateLink(tx, { ...link, to: 'KZ-NOWHERE' })))).toBe('NODE_NOT_FOUND');
    expect((await loadNetwork(db)).links).toHaveLength(2);
    expect(await getLink(db, link.id)).toEqual(link);
  });

  it('refuses with NODE_NOT_FOUND a link whose end is deleted by another request after the link was checked', async () => {
    await db.transaction(async (tx) => addNode(tx, { ...(await getNode(tx, 'KZ-DOSTYK')), id: 'KZ-ALMATY', locode: 'KZALA', lat: 43.24, lon: 76.95, customs: null }));
    /** The transaction as it is when the node goes between the checks and the statement that writes the link. */
    const losingNode = (tx: Queryable, node: string): Queryable => ({
      ...tx,
      query: async <T,>(sql: string, params?: readonly unknown[]) => {
        if (/(INSERT INTO|UPDATE) logistics_links/.test(sql)) await tx.query('DELETE FROM logistics_nodes WHERE id = $1', [node]);
        return tx.query<T>(sql, params);
      },
    });
    const link = await getLink(db, 'rail-alashankou-dostyk');
    const toAlmaty: LinkRecord = { ...link, id: 'rail-dostyk-almaty', from: 'KZ-DOSTYK', to: 'KZ-ALMATY', corridors: [] };
    const added = db.transaction((tx) => addLink(losingNode(tx, 'KZ-ALMATY'), toAlmaty));
    await expect(added).rejects.toMatchObject({ code: 'NODE_NOT_FOUND', params: { node: 'KZ-ALMATY' } });
    const rewritten = db.transaction((tx) => updateLink(losingNode(tx, 'KZ-ALMATY'), { ...link, to: 'KZ-ALMATY' }));
    await expect(rewritten).rejects.toBeInstanceOf(DomainError);
    await expect(rewritten).rejects.toMatchObject({ code: 'NODE_NOT_FOUND', params: { node: 'KZ-ALMATY' } });
    expect(await getLink(db, link.id)).toEqual(link);
    expect(await getNode(db, 'KZ-ALMATY')).toMatchObject({ id: 'KZ-ALMATY' });
  });
});
