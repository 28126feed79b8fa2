import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KINDS_AT_A_STOP, TRACKING_KINDS, postDepartureEvent, type Tracking, type TrackingEventBody, type TrackingKind } from '../../api/trains.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { SelectField, TextField } from '../logistics/editorParts.tsx';
import { TrainsForm } from './TrainsForm.tsx';
import type { StopNetwork } from './useTrainsData.ts';

interface Props {
  tracking: Tracking;
  network: StopNetwork;
  onPosted: (tracking: Tracking) => void;
}

/** For the operator of the service (or an admin): records where the departure is, or that it is delayed. */
export function OperatorEventForm({ tracking, network, onPosted }: Props) {
  const { t } = useTranslation();
  const stops = tracking.departure.stops;
  const [kind, setKind] = useState<TrackingKind>('departed');
  const [node, setNode] = useState('');
  const [delay, setDelay] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [posted, setPosted] = useState<string | null>(null);
  const { run, pending, error } = useSubmit();

  const needsNode = KINDS_AT_A_STOP.includes(kind);
  const mayName = kind === 'departed' || kind === 'arrived' || needsNode;
  const stopOptions = [
    ...(needsNode ? [] : [{ value: '', label: t(kind === 'arrived' ? 'trains.operator.lastStop' : 'trains.operator.firstStop') }]),
    ...stops.map((stop) => ({ value: stop.node, label: network.name(stop.node) })),
  ];
  const chosenNode = needsNode && !node ? (stops[1]?.node ?? stops[0]?.node ?? '') : node;

  const submit = () => {
    const body: TrackingEventBody = { kind };
    if (mayName && chosenNode) body.node = chosenNode;
    if (kind === 'delayed') {
      const minutes = Number(delay);
      if (delay === '' || !Number.isInteger(minutes) || minutes < 0) return setProblem(t('trains.operator.badDelay'));
      if (!reason.trim()) return setProblem(t('trains.operator.needReason'));
      body.delayMinutes = minutes;
      body.reason = reason.trim();
    }
    setProblem(null);
    setPosted(null);
    run(async () => {
      onPosted(await postDepartureEvent(tracking.departure.id, body));
      setPosted(t('trains.operator.posted', { kind: t(`trains.kind.${kind}`) }));
      setDelay('');
      setReason('');
    });
  };

  return (
    <TrainsForm
      className="operator-form"
      testId="operator-event-form"
      heading={t('trains.operator.heading')}
      headingLevel={3}
      onSubmit={submit}
      submitLabel={t('trains.operator.submit')}
      submitTestId="operator-event-submit"
      pending={pending}
      problem={problem}
      error={error}
      footer={
        posted && (
          <p className="note" role="status">
            {posted}
          </p>
        )
      }
    >
      <p className="note">{t('trains.operator.intro')}</p>
      <div className="operator-grid">
        <SelectField label={t('trains.operator.kind')} name="kind" value={kind} onChange={setKind} options={TRACKING_KINDS.map((value) => ({ value, label: t(`trains.kind.${value}`) }))} />
        {mayName && <SelectField label={t('trains.operator.stop')} name="node" value={chosenNode} onChange={setNode} options={stopOptions} />}
        {kind === 'delayed' && (
          <>
            <TextField label={t('trains.operator.delay')} name="delayMinutes" type="number" integer min={0} inputClassName="count-input" value={delay} onChange={setDelay} required />
            <TextField label={t('trains.operator.reason')} name="reason" value={reason} onChange={setReason} maxLength={500} required />
          </>
        )}
      </div>
    </TrainsForm>
  );
}
