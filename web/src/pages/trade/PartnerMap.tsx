import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerRank } from '../../api/trade.ts';
import { MAPPED_M49 } from '../../map/worldGeo.ts';
import type { Countries } from './useCountries.ts';
import { WORLD_MAP, escapeHtml, registerWorld, useChart, type ChartOption } from './useChart.ts';
import { useTradeText } from './useTradeText.ts';

const LIGHT = [214, 230, 244] as const;
const DARK = [8, 48, 107] as const;
const REPORTER_COLOUR = '#E69F00';
const NO_DATA_COLOUR = '#eceff3';

/** Blue from light to dark for a position between 0 and 1. */
function shade(position: number): string {
  const mix = (i: 0 | 1 | 2) => Math.round(LIGHT[i] + (DARK[i] - LIGHT[i]) * Math.min(1, Math.max(0, position)));
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

interface Region {
  name: string;
  label: string;
  detail: string;
  itemStyle: { areaColor: string };
}

interface Props {
  reporter: string;
  partners: readonly PartnerRank[];
  countries: Countries;
  label: string;
}

/**
 * Each partner shaded by the reporter's trade with it. Trade values span several orders of magnitude,
 * so the shade follows their logarithm; the reporter itself stands out in orange.
 */
export function PartnerMap({ reporter, partners, countries, label }: Props) {
  const { t } = useTranslation();
  const text = useTradeText();

  const scale = useMemo(() => {
    const logs = partners.map((p) => Math.log10(Number(p.value))).filter((v) => Number.isFinite(v));
    if (logs.length === 0) return null;
    const min = Math.floor(Math.min(...logs));
    const max = Math.max(min + 1, Math.ceil(Math.max(...logs)));
    return { min, max };
  }, [partners]);

  const option = useMemo<ChartOption>(() => {
    registerWorld();
    const regions: Region[] = [];
    for (const p of partners) {
      const code = countries.m49(p.partner);
      const value = Math.log10(Number(p.value));
      if (!code || !MAPPED_M49.has(code) || !scale || !Number.isFinite(value)) continue;
      regions.push({
        name: code,
        label: countries.name(p.partner),
        detail: `${text.money(p.value)} · ${text.share(p.sharePercent)}`,
        itemStyle: { areaColor: shade((value - scale.min) / (scale.max - scale.min)) },
      });
    }
    const own = countries.m49(reporter);
    if (own) regions.push({ name: own, label: countries.name(reporter), detail: t('trade.map.reporter'), itemStyle: { areaColor: REPORTER_COLOUR } });

    return {
      tooltip: {
        trigger: 'item',
        // Regions without data come with a bare object: show nothing for them.
        formatter: (params: { data?: Partial<Region> }) => {
          const { label: name, detail } = params.data ?? {};
          return name && detail ? `<strong>${escapeHtml(name)}</strong><br/>${escapeHtml(detail)}` : '';
        },
      },
      series: [
        {
          type: 'map',
          map: WORLD_MAP,
          roam: false,
          selectedMode: false,
          itemStyle: { areaColor: NO_DATA_COLOUR, borderColor: '#ffffff', borderWidth: 0.5 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: NO_DATA_COLOUR } },
          data: regions.map((region) => ({
            ...region,
            emphasis: { itemStyle: { areaColor: region.itemStyle.areaColor, borderColor: '#1b2430', borderWidth: 1 } },
          })),
        },
      ],
    };
  }, [partners, reporter, countries, scale, text, t]);
  const container = useChart(option);

  return (
    <>
      <div ref={container} className="trade-map" data-testid="trade-partner-map" role="img" aria-label={label} />
      {scale && (
        <div className="map-scale" aria-hidden="true">
          <span>{text.axisMoney(10 ** scale.min)}</span>
          <span className="map-scale-bar" style={{ background: `linear-gradient(to right, ${shade(0)}, ${shade(1)})` }} />
          <span>{text.axisMoney(10 ** scale.max)}</span>
          <span className="swatch" style={{ background: REPORTER_COLOUR }} />
          <span>{t('trade.map.reporter')}</span>
        </div>
      )}
      <p className="note">{t('trade.map.note')}</p>
    </>
  );
}
