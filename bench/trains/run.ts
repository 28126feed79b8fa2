/**
 * Booking throughput: container-slot bookings per second through the product's own `bookDeparture` (capacity check
 * and hold in one conditional update, the booking, its events, in one transaction), on embedded PGlite and on a
 * PostgreSQL server, each in a throwaway database. Two shapes: bookings spread over 50 departures, and all on one
 * departure (every booking waits for the row lock of the one before). The data are synthetic (a test service on
 * the small test network), labelled so in the results.
 *
 *   npm run bench:trains                                  PGlite, and PostgreSQL when TEST_DATABASE_URL is set
 *   npm run bench:trains -- --bookings 4000 --concurrency 32 --postgres postgres://…/postgres
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { createThrowawayPostgres } from '../../src/db/testing.ts';
import { registerUser } from '../../src/modules/accounts/users.ts';
import { useSmallNetwork } from '../../src/modules/logistics/fixtures/small-network.ts';
import { blockTrain } from '../../src/modules/trains/fixtures.ts';
import { bookDeparture, createService, listDepartures, type Actor } from '../../src/modules/trains/store.ts';
import { parseCount } from '../figures.ts';

const here = dirname(fileURLToPath(import.meta.url));

interface Shape {
  name: string;
  departures: number;
}

const SHAPES: readonly Shape[] = [
  { name: 'spread over 50 departures', departures: 50 },
  { name: 'all on one departure', departures: 1 },
];

interface Result {
  engine: 'pglite' | 'postgresql';
  shape: string;
  bookings: number;
  concurrency: number;
  seconds: number;
  bookingsPerSecond: number;
  confirmed: number;
  waitlisted: number;
}

async function actors(db: Database): Promise<{ operator: Actor; shippers: Actor[] }> {
  const register = (email: string, role: 'member' | 'provider') =>
    db.transaction((tx) =>
      registerUser(tx, { email, password: 'a long enough password', displayName: email, role, organisation: { name: email, kind: role === 'member' ? 'enterprise' : 'logistics' } }),
    );
  const operatorUser = await register('operator@bench.example', 'provider');
  const shippers: Actor[] = [];
  for (let i = 0; i < 16; i++) {
    const user = await register(`shipper${i}@bench.example`, 'member');
    shippers.push({ userId: user.id, role: 'member', organisationId: user.organisation!.id });
  }
  return { operator: { userId: operatorUser.id, role: 'provider', organisationId: operatorUser.organisation!.id }, shippers };
}

async function measure(engine: Result['engine'], db: Database, bookings: number, concurrency: number, log: (line: string) => void): Promise<Result[]> {
  await migrate(db);
  await useSmallNetwork(db);
  const { operator, shippers } = await actors(db);
  const results: Result[] = [];
  for (const [n, shape] of SHAPES.entries()) {
    // Daily runs from October to December of a year of their own, room for four in five of the bookings.
    const year = 2040 + n;
    const capacity = Math.max(1, Math.ceil((bookings * 0.8) / shape.departures));
    const daily = blockTrain(year, capacity, [1, 2, 3, 4, 5, 6, 7]);
    const service = { ...daily, name: `Benchmark train (synthetic) ${n}`, timetable: { ...daily.timetable, validFrom: `${year}-10-01` } };
    await db.transaction((tx) => createService(tx, operator.organisationId!, service));
    const departures = (await listDepartures(db, { after: Date.UTC(year, 9, 1) / 60_000, before: Date.UTC(year + 1, 0, 1) / 60_000 })).slice(0, shape.departures).map((d) => d.id);
    const now = Date.UTC(year, 0, 1) / 60_000;
    let next = 0;
    let confirmed = 0;
    let waitlisted = 0;
    const started = performance.now();
    const worker = async () => {
      for (let i = next++; i < bookings; i = next++) {
        const booking = await bookDeparture(db, shippers[i % shippers.length]!, { departureId: departures[i % departures.length]!, containers: [{ size: 20, count: 1 }], idempotencyKey: `bench-${n}-${i}` }, now);
        if (booking.state === 'confirmed') confirmed += 1;
        else waitlisted += 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    const result = { engine, shape: shape.name, bookings, concurrency, seconds, bookingsPerSecond: bookings / seconds, confirmed, waitlisted };
    log(`${engine.padEnd(10)} ${shape.name.padEnd(26)} ${bookings} bookings, ${concurrency} at a time: ${result.bookingsPerSecond.toFixed(0)} per second (${confirmed} confirmed, ${waitlisted} waitlisted)`);
    results.push(result);
  }
  return results;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { bookings: { type: 'string' }, concurrency: { type: 'string' }, postgres: { type: 'string' }, out: { type: 'string' } } });
  const bookings = parseCount(values.bookings ?? '2000', '--bookings');
  const concurrency = parseCount(values.concurrency ?? '16', '--concurrency');
  const adminUrl = values.postgres ?? process.env.TEST_DATABASE_URL;
  const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  const results: Result[] = [];

  const pglite = await openPglite();
  try {
    results.push(...(await measure('pglite', pglite, bookings, concurrency, log)));
  } finally {
    await pglite.close();
  }
  if (adminUrl) {
    const throwaway = await createThrowawayPostgres(adminUrl);
    const postgres = await openPostgres(throwaway.url, concurrency);
    try {
      results.push(...(await measure('postgresql', postgres, bookings, concurrency, log)));
    } finally {
      await postgres.close();
      await throwaway.drop();
    }
  } else {
    log('PostgreSQL: not measured (give --postgres URL or set TEST_DATABASE_URL)');
  }

  const out = values.out ?? join(here, '..', 'results', `trains-${new Date().toISOString().slice(0, 10)}.json`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ synthetic: true, startedAt: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
  log(`results written to ${out}`);
}

await main();
