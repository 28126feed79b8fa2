import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ROUTE_MARKS, type PlannedRoute, type RouteAnswer, type RouteLeg } from '../../api/logistics.ts';
import { MODE_COLOURS } from './colours.ts';
import { RouteChart } from './RouteChart.tsx';
import { useLogisticsText, type LogisticsText } from './useLogisticsText.ts';

function Marks({ route }: { route: PlannedRoute }) {
  const { t } = useTranslation();
  const marks = ROUTE_MARKS.filter((mark) => route.marks.includes(mark));
  return (
    <span className="route-marks">
      {marks.map((mark) => (
        <span key={mark} className={`route-mark ${mark}`} data-mark={mark}>
          {t(`logistics.mark.${mark}`)}
        </span>
      ))}
    </span>
  );
}

/** The route table's columns, left to right; numeric ones are aligned to the right. */
const COLUMNS = [
  { key: 'routeColumn', numeric: false },
  { key: 'depart', numeric: false },
  { key: 'arrive', numeric: false },
  { key: 'duration', numeric: true },
  { key: 'cost', numeric: true },
  { key: 'co2', numeric: true },
  { key: 'transshipments', numeric: true },
  { key: 'borderCrossings', numeric: true },
  { key: 'gaugeChanges', numeric: true },
] as const;

function RouteTable({ routes, chosen, onChoose, caption }: { routes: readonly PlannedRoute[]; chosen: number; onChoose: (index: number) => void; caption: string }) {
  const { t } = useTranslation();
  const text = useLogisticsText();
  const name = useId();
  return (
    <div className="table-scroll">
      <table className="data-table route-table" data-testid="logistics-routes">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map(({ key, numeric }) => (
              <th key={key} scope="col" className={numeric ? 'numeric' : undefined}>
                {t(`logistics.results.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {routes.map((route, index) => (
            <tr key={index} className={index === chosen ? 'chosen' : undefined} data-route={index} aria-selected={index === chosen}>
              <th scope="row">
                <label className="choice">
                  <input type="radio" name={name} checked={index === chosen} onChange={() => onChoose(index)} data-testid="logistics-choose-route" />
                  {t('logistics.results.route', { n: index + 1 })}
                </label>
                <Marks route={route} />
              </th>
              <td className="time" title={text.time(route.departAt)}>
                {text.shortTime(route.departAt)}
              </td>
              <td className="time" title={text.time(route.arriveAt)}>
                {text.shortTime(route.arriveAt)}
              </td>
              <td className="numeric" title={text.hours(route.hours)}>
                {text.duration(route.hours)}
              </td>
              <td className="numeric">{text.usd(route.usd)}</td>
              <td className="numeric">{text.co2(route.co2Kg)}</td>
              <td className="numeric">{route.transshipments}</td>
              <td className="numeric">{route.borderCrossings}</td>
              <td className="numeric">{route.gaugeChanges}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function handlingText(leg: RouteLeg, t: ReturnType<typeof useTranslation>['t'], text: LogisticsText): string | null {
  const parts = (['transshipment', 'gaugeChange'] as const)
    .filter((kind) => leg.handlingBeforeHours[kind] > 0)
    .map((kind) => t(`logistics.legs.${kind}`, { hours: text.hours(leg.handlingBeforeHours[kind]) }));
  if (leg.handlingBeforeUsd > 0) parts.push(text.usd(leg.handlingBeforeUsd));
  return parts.length === 0 ? null : t('logistics.legs.handling', { what: parts.join(', ') });
}

/** Customs at the borders the leg crosses: time (none shown on a departure, whose timetable holds it) and price. */
function customsText(leg: RouteLeg, t: ReturnType<typeof useTranslation>['t'], text: LogisticsText): string | null {
  const parts = [leg.customs.hours > 0 ? text.hours(leg.customs.hours) : null, leg.customs.usd > 0 ? text.usd(leg.customs.usd) : null].filter((part) => part !== null);
  return parts.length === 0 ? null : t('logistics.legs.customs', { what: parts.join(', ') });
}

function LegList({ route }: { route: PlannedRoute }) {
  const { t } = useTranslation();
  const text = useLogisticsText();
  const id = useId();
  return (
    <section aria-labelledby={id} className="leg-list">
      <h3 id={id}>{t('logistics.legs.heading')}</h3>
      <ol className="legs" data-testid="logistics-legs">
        {route.legs.map((leg, index) => {
          const handling = handlingText(leg, t, text);
          const customs = customsText(leg, t, text);
          return (
            <li key={index} className="leg" data-mode={leg.mode}>
              <span className="leg-mode" style={{ borderColor: MODE_COLOURS[leg.mode] }}>
                <span className="swatch" style={{ background: MODE_COLOURS[leg.mode] }} aria-hidden="true" />
                {t(`logistics.mode.${leg.mode}`)}
                {leg.gauge !== null && ` · ${t('logistics.gauge', { gauge: leg.gauge })}`}
              </span>
              <strong className="leg-places">
                {leg.from.name} → {leg.to.name}
              </strong>
              <span className="leg-detail">
                {text.time(leg.departAt)} → {text.time(leg.arriveAt)} · {text.km(leg.distanceKm)} · {text.usd(leg.usd)} · {text.co2(leg.co2Kg)}
              </span>
              {leg.serviceName && <span className="leg-detail">{t('logistics.legs.service', { name: leg.serviceName })}</span>}
              {handling && <span className="leg-detail">{handling}</span>}
              {customs && <span className="leg-detail">{customs}</span>}
            </li>
          );
        })}
      </ol>
      <p className="note">{t('logistics.results.utc')}</p>
    </section>
  );
}

interface Props {
  answer: RouteAnswer;
  chosen: number;
  onChoose: (index: number) => void;
}

/** The planner's routes: a table and a chart to compare them, and the legs of the one chosen. */
export function RouteResults({ answer, chosen, onChoose }: Props) {
  const { t } = useTranslation();
  const route = answer.routes[chosen];
  const caption = t('logistics.results.caption', { from: answer.from.name, to: answer.to.name, count: answer.routes.length });
  if (answer.routes.length === 0 || !route) {
    return (
      <p className="note empty-state" data-testid="logistics-no-route" role="status">
        {answer.noRoute?.message ?? t('logistics.results.none')}
      </p>
    );
  }
  return (
    <>
      <p className="lead" data-testid="logistics-summary">
        {caption}
      </p>
      <RouteTable routes={answer.routes} chosen={chosen} onChoose={onChoose} caption={caption} />
      <div className="results-grid">
        <div>
          <h3>{t('logistics.chart.heading')}</h3>
          <RouteChart routes={answer.routes} chosen={chosen} onChoose={onChoose} />
        </div>
        <LegList route={route} />
      </div>
    </>
  );
}
