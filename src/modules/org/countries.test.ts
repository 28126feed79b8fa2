import { describe, expect, it } from 'vitest';
import { toTraditional } from '../../i18n/chinese.ts';
import { assertCountryCode, countryCodes, countryNames } from './countries.ts';
import { domainErrorOf } from '../../errors/testing.ts';

describe('assertCountryCode', () => {
  it('returns an ISO 3166-1 alpha-3 code as it is', () => {
    expect(assertCountryCode('CHN')).toBe('CHN');
  });

  it('normalises case and surrounding spaces', () => {
    expect(assertCountryCode(' kaz ')).toBe('KAZ');
    expect(assertCountryCode('Uzb')).toBe('UZB');
  });

  it.each([
    ['XXX', 'a code ISO 3166 does not assign'],
    ['CH', 'an alpha-2 code'],
    ['156', 'a numeric code'],
    ['CHINA', 'a name'],
    ['', 'nothing'],
  ])('rejects %j (%s) with UNKNOWN_COUNTRY naming the input', (code) => {
    const error = domainErrorOf(() => assertCountryCode(code));
    expect(error.code).toBe('UNKNOWN_COUNTRY');
    expect(error.params).toEqual({ code });
  });
});

describe('countryCodes', () => {
  it('gives the alpha-2 and UN M49 codes of an alpha-3 code', () => {
    expect(countryCodes('CHN')).toEqual({ iso3: 'CHN', iso2: 'CN', m49: '156' });
    expect(countryCodes('RUS')).toEqual({ iso3: 'RUS', iso2: 'RU', m49: '643' });
  });

  it('keeps the leading zeros of the M49 code', () => {
    expect(countryCodes('AFG')).toEqual({ iso3: 'AFG', iso2: 'AF', m49: '004' });
  });

  it('gives the same codes for a lower-case alpha-3 code', () => {
    expect(countryCodes('chn')).toEqual(countryCodes('CHN'));
  });

  it.each(['XXX', 'CH', ''])('rejects %j with UNKNOWN_COUNTRY', (code) => {
    expect(domainErrorOf(() => countryCodes(code)).code).toBe('UNKNOWN_COUNTRY');
  });
});

describe('countryNames', () => {
  it('names Russia in English, Russian, Simplified and Traditional Chinese', () => {
    expect(countryNames('RUS')).toEqual({ en: 'Russia', ru: 'Россия', 'zh-Hans': '俄罗斯', 'zh-Hant': '俄羅斯' });
  });

  it('uses the common short name of China rather than the full official name', () => {
    const names = countryNames('CHN');
    expect(names.en).toBe('China');
    expect(names['zh-Hans']).toBe('中国');
    expect(names['zh-Hant']).toBe('中國');
  });

  it('names the SCO members of Central Asia in Russian', () => {
    expect(countryNames('KAZ').ru).toBe('Казахстан');
    expect(countryNames('UZB').ru).toBe('Узбекистан');
    expect(countryNames('TJK').ru).toBe('Таджикистан');
  });

  it.each(['CHN', 'RUS', 'KAZ', 'KGZ', 'IRN', 'BLR', 'MNG', 'AFG'])('derives the Traditional Chinese name of %s from the Simplified one with OpenCC', (iso3) => {
    const names = countryNames(iso3);
    expect(names['zh-Hant']).toBe(toTraditional(names['zh-Hans']));
  });

  it('accepts a lower-case code', () => {
    expect(countryNames('rus')).toEqual(countryNames('RUS'));
  });

  it.each(['XXX', 'CH', ''])('rejects %j with UNKNOWN_COUNTRY', (code) => {
    expect(domainErrorOf(() => countryNames(code)).code).toBe('UNKNOWN_COUNTRY');
  });
});
