import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Corridor } from '../../api/logistics.ts';

interface Props {
  corridors: readonly Corridor[];
  /** The corridor whose links the map highlights: the one pointed at or focused, else the one pinned. */
  active: string | null;
  pinned: string | null;
  onPoint: (id: string | null) => void;
  onPin: (id: string | null) => void;
}

/** The corridors of the network; pointing at or focusing one highlights its links on the map, pressing it keeps them highlighted. */
export function CorridorList({ corridors, active, pinned, onPoint, onPin }: Props) {
  const { t } = useTranslation();
  const id = useId();
  if (corridors.length === 0) return null;
  return (
    <section className="corridor-list" aria-labelledby={id}>
      <h3 id={id}>{t('logistics.corridors.heading')}</h3>
      <p className="hint">{t('logistics.corridors.hint')}</p>
      <ul className="plain-list" data-testid="logistics-corridors" onMouseLeave={() => onPoint(null)}>
        {corridors.map((corridor) => (
          <li key={corridor.id}>
            <button
              type="button"
              className={`corridor-button${active === corridor.id ? ' active' : ''}`}
              aria-pressed={pinned === corridor.id}
              data-corridor={corridor.id}
              onMouseEnter={() => onPoint(corridor.id)}
              onFocus={() => onPoint(corridor.id)}
              onBlur={() => onPoint(null)}
              onClick={() => onPin(pinned === corridor.id ? null : corridor.id)}
            >
              <span className="corridor-name">{corridor.name}</span>
              <span className="corridor-meta">
                {t(`logistics.corridorKind.${corridor.kind}`)} · {t('logistics.corridors.links', { count: corridor.links.length })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
