import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toSimplified, toTraditional } from './chinese.ts';

const seed = readFileSync(new URL('../../reference/seed-000_58c6f946d9ed608e.txt', import.meta.url), 'utf8');

describe('Chinese script conversion (OpenCC)', () => {
  it('repairs the character-by-character conversion errors of the seed report when round-tripped through Simplified', () => {
    for (const wrong of ['麵對', '方麵', '曆史', '公裏']) expect(seed).toContain(wrong);
    const repaired = toTraditional(toSimplified(seed));
    for (const right of ['面對', '方面', '歷史', '公里']) expect(repaired).toContain(right);
    for (const wrong of ['麵對', '方麵', '曆史', '公裏']) expect(repaired).not.toContain(wrong);
  });

  it('chooses characters by phrase, not one character at a time', () => {
    expect(toTraditional('面条')).toBe('麵條');
    expect(toTraditional('面对')).toBe('面對');
    expect(toTraditional('历史')).toBe('歷史');
    expect(toTraditional('日历')).toBe('日曆');
  });

  it('keeps text that needs no conversion unchanged', () => {
    expect(toTraditional('SCO Hub 2022')).toBe('SCO Hub 2022');
    expect(toSimplified('上海合作組織')).toBe('上海合作组织');
  });
});
