import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext.ts';
import { isLinkFeature, isNodeFeature, networkPath, planRoutes, type Network, type RouteAnswer, type RouteRequest } from '../../api/logistics.ts';
import { useResource } from '../../api/useResource.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { useCountries } from '../trade/useCountries.ts';
import { CorridorList } from './CorridorList.tsx';
import { NetworkLegend } from './NetworkLegend.tsx';
import { NetworkEditor, type EditorSelection } from './NetworkEditor.tsx';
import { NetworkMap, type NetworkPick } from './NetworkMap.tsx';
import { PlannerForm } from './PlannerForm.tsx';
import { RouteResults } from './RouteResults.tsx';
import './logistics.css';

/** The network in the interface language: names of places and corridors come from the server in the request's language. */
function useNetwork() {
  const locale = useLocale();
  const { data: network, error, reload } = useResource<Network>(networkPath());
  const askedIn = useRef(locale);
  useEffect(() => {
    if (askedIn.current === locale) return;
    askedIn.current = locale;
    reload();
  }, [locale, reload]);
  return { network, error, reload };
}

/** The planner's answer to the last question asked, asked again when the language changes so names and messages follow it. */
function usePlan() {
  const locale = useLocale();
  const [request, setRequest] = useState<RouteRequest | null>(null);
  const [answer, setAnswer] = useState<RouteAnswer | null>(null);
  const [chosen, setChosen] = useState(0);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (request === null) return;
    let current = true;
    setPending(true);
    setError(null);
    planRoutes(request)
      .then((result) => {
        if (!current) return;
        setAnswer(result);
        setChosen((index) => (index < result.routes.length ? index : 0));
      })
      .catch((reason: unknown) => {
        if (!current) return;
        setAnswer(null);
        setError(reason);
      })
      .finally(() => {
        if (current) setPending(false);
      });
    return () => {
      current = false;
    };
  }, [request, locale, generation]);

  const plan = useCallback((next: RouteRequest) => {
    setChosen(0);
    setRequest(next);
  }, []);
  /** Asks the last question again, e.g. over a network just edited. */
  const replan = useCallback(() => setGeneration((n) => n + 1), []);
  return { plan, replan, answer, chosen, setChosen, pending, error };
}

/** Logistics across the SCO region: the network on a map with its corridors, and a route planner for containers. */
export default function LogisticsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isAdmin = user?.role === 'admin';
  const { network, error: networkError, reload: reloadNetwork } = useNetwork();
  const { plan, replan, answer, chosen, setChosen, pending, error } = usePlan();
  const [editing, setEditing] = useState<EditorSelection>({ kind: 'node', id: '' });
  const editorRef = useRef<HTMLDivElement>(null);
  // A place or link clicked on the map opens in the editor, which is brought into view below the map.
  const pick = useCallback((picked: NetworkPick) => {
    setEditing(picked);
    requestAnimationFrame(() => editorRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  }, []);
  const networkChanged = useCallback(() => {
    reloadNetwork();
    replan();
  }, [reloadNetwork, replan]);
  const countries = useCountries(undefined);
  const [pointed, setPointed] = useState<string | null>(null);
  const [pinned, setPinned] = useState<string | null>(null);
  const resultsId = useId();
  const mapId = useId();
  useDocumentTitle(t('logistics.title'));

  const nodes = useMemo(() => network?.features.filter(isNodeFeature) ?? [], [network]);
  const links = useMemo(() => network?.features.filter(isLinkFeature) ?? [], [network]);
  const corridors = useMemo(() => network?.corridors ?? [], [network]);
  const active = pointed ?? pinned;
  const highlighted = useMemo(() => new Set(corridors.find((c) => c.id === active)?.links ?? []), [corridors, active]);
  const route = answer?.routes[chosen] ?? null;

  const mapLabel = [
    t('logistics.map.label', { nodes: nodes.length, links: links.length }),
    route && answer ? t('logistics.map.routeLabel', { from: answer.from.name, to: answer.to.name, legs: route.legs.length }) : null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <>
      <div className="page-heading">
        <h1>{t('logistics.title')}</h1>
        <p className="lead">{t('logistics.intro')}</p>
      </div>

      <section className="panel">
        <PlannerForm nodes={nodes} countries={countries} pending={pending} onPlan={plan} />
        <ErrorMessage error={error} />
      </section>

      {(pending || answer) && (
        <section className="panel" aria-labelledby={resultsId} data-testid="logistics-results" aria-busy={pending}>
          <h2 id={resultsId}>{t('logistics.results.heading')}</h2>
          {pending && !answer && <Loading />}
          {answer && <RouteResults answer={answer} chosen={chosen} onChoose={setChosen} />}
        </section>
      )}

      <section className="panel" aria-labelledby={mapId}>
        <h2 id={mapId}>{t('logistics.map.heading')}</h2>
        <ErrorMessage error={networkError} />
        {!network && !networkError && <Loading />}
        <div className="network-layout">
          <div className="network-main">
            <div className="map-frame">
              <NetworkMap nodes={nodes} links={links} highlighted={highlighted} route={route} label={mapLabel} onPick={isAdmin ? pick : undefined} />
            </div>
            <p className="note">{t('logistics.map.note')}</p>
            <NetworkLegend showRoute={route !== null} />
          </div>
          <CorridorList corridors={corridors} active={active} pinned={pinned} onPoint={setPointed} onPin={setPinned} />
        </div>
      </section>

      {isAdmin && network && (
        <div ref={editorRef}>
          <NetworkEditor
            nodes={nodes}
            links={links}
            corridors={corridors}
            sources={network.sources}
            selection={editing}
            onSelect={setEditing}
            onChanged={networkChanged}
          />
        </div>
      )}
    </>
  );
}
