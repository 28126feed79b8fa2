import { useTranslation } from 'react-i18next';
import { LINK_STATUSES, MODES } from '../../api/logistics.ts';
import { MODE_COLOURS, NODE_GROUPS, NODE_STYLES, ROUTE_CASING, STATUS_LINES, type NodeGroup } from './colours.ts';

function LineSample({ colour, dashed = false, opacity = 1, casing = false }: { colour: string; dashed?: boolean; opacity?: number; casing?: boolean }) {
  return (
    <svg className="legend-sample" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true">
      {casing && <line x1="1" y1="6" x2="27" y2="6" stroke={ROUTE_CASING} strokeWidth="7" strokeLinecap="round" />}
      <line x1="1" y1="6" x2="27" y2="6" stroke={colour} strokeWidth={casing ? 4 : 2.5} strokeOpacity={opacity} strokeDasharray={dashed ? '5 3' : undefined} strokeLinecap="round" />
    </svg>
  );
}

function NodeSample({ group }: { group: NodeGroup }) {
  const { symbol, colour } = NODE_STYLES[group];
  const shape = {
    circle: <circle cx="6" cy="6" r="4" />,
    rect: <rect x="2" y="2" width="8" height="8" />,
    diamond: <polygon points="6,0.5 11.5,6 6,11.5 0.5,6" />,
    triangle: <polygon points="6,1 11.5,11 0.5,11" />,
  }[symbol];
  return (
    <svg className="legend-sample" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" fill={colour}>
      {shape}
    </svg>
  );
}

/** What the map's colours, line styles and shapes mean. */
export function NetworkLegend({ showRoute }: { showRoute: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="network-legend" data-testid="logistics-legend">
      <div>
        <h3>{t('logistics.legend.modes')}</h3>
        <ul className="plain-list">
          {MODES.map((mode) => (
            <li key={mode}>
              <LineSample colour={MODE_COLOURS[mode]} /> {t(`logistics.mode.${mode}`)}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3>{t('logistics.legend.statuses')}</h3>
        <ul className="plain-list">
          {LINK_STATUSES.map((status) => (
            <li key={status}>
              <LineSample colour="#4a5666" dashed={STATUS_LINES[status].type === 'dashed'} opacity={STATUS_LINES[status].opacity} /> {t(`logistics.status.${status}`)}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3>{t('logistics.legend.places')}</h3>
        <ul className="plain-list">
          {NODE_GROUPS.map((group) => (
            <li key={group}>
              <NodeSample group={group} /> {t(`logistics.nodeGroup.${group}`)}
            </li>
          ))}
        </ul>
      </div>
      {showRoute && (
        <div>
          <h3>{t('logistics.legend.route')}</h3>
          <ul className="plain-list">
            <li>
              <LineSample colour={MODE_COLOURS.rail} casing /> {t('logistics.legend.routeLine')}
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
