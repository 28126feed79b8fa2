import { useTranslation } from 'react-i18next';
import type { Status } from '../api/types.ts';
import { STATUS_COLOURS } from '../map/statusColours.ts';

export function StatusBadge({ status }: { status: Status | null }) {
  const { t } = useTranslation();
  if (status === null) return <span className="muted">{t('status.none')}</span>;
  return (
    <span className="status-badge">
      <span className="swatch" style={{ background: STATUS_COLOURS[status] }} aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}
