import { useMemo } from 'react';
import { isLinkFeature, isNodeFeature, networkPath, type LinkFeature, type Network, type NodeFeature } from '../../api/logistics.ts';
import { servicesPath, type TrainService } from '../../api/trains.ts';
import { useResource } from '../../api/useResource.ts';
import type { User } from '../../api/types.ts';
import { useReloadOn } from '../../components/useReloadOn.ts';
import { useLocale } from '../../i18n/useLocale.ts';

/** The network's places and links, named in the interface language (asked again when it changes). */
export function useStopNetwork() {
  const locale = useLocale();
  const { data: network, error, reload } = useResource<Network>(networkPath());
  useReloadOn(locale, reload);

  return useMemo(() => {
    const nodes: NodeFeature[] = network?.features.filter(isNodeFeature) ?? [];
    const links: LinkFeature[] = network?.features.filter(isLinkFeature) ?? [];
    const byId = new Map(nodes.map((node) => [node.properties.id, node]));
    /** A stop's name in the interface language, or its id while the network is loading or lacks it. */
    const name = (id: string) => byId.get(id)?.properties.name ?? id;
    return { nodes, links, byId, name, error, loaded: network !== undefined };
  }, [network, error]);
}

export type StopNetwork = ReturnType<typeof useStopNetwork>;

/** Every train service, with a test of whether the user operates one: a provider of its organisation, or an admin. */
export function useServices(user: User | null) {
  const { data, error, reload } = useResource<{ services: TrainService[] }>(servicesPath);
  return useMemo(() => {
    const services = data?.services ?? [];
    const byId = new Map(services.map((service) => [service.id, service]));
    const operates = (serviceId: string) => {
      if (!user) return false;
      if (user.role === 'admin') return true;
      return user.role === 'provider' && user.organisation !== null && byId.get(serviceId)?.operatorId === user.organisation.id;
    };
    return { services, operates, error, reload };
  }, [data, error, reload, user]);
}
