import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

describe("operators' messages on the command line", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scohub-trains-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names the file, line and field of every problem, and records nothing', async () => {
    const file = join(dir, 'messages.csv');
    await writeFile(file, ['departure,booking,kind,node,at,delay_minutes,reason', '2b1c8a7e-0000-4000-8000-000000000001,,teleported,,,,', ',9f0e1d2c-0000-4000-8000-000000000002,loaded,,yesterday,,'].join('\n'));
    const { code, stderr } = await cli(join(dir, 'data'), 'trains', 'messages', file, '--as', 'operator@example.org');
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}:2: kind: "teleported" is not one of departed, arrived_at, border_crossed, gauge_changed, delayed, arrived`);
    expect(stderr).toContain(`${file}:3: at: "yesterday" is not a UTC date-time`);
    expect(stderr).toContain('Nothing was recorded.');
  });

  it('names a file it cannot read', async () => {
    const missing = join(dir, 'nowhere.csv');
    const { code, stderr } = await cli(join(dir, 'data'), 'trains', 'messages', missing, '--as', 'operator@example.org');
    expect(code).toBe(1);
    expect(stderr).toContain(`${missing}: no such file`);
  });
});
