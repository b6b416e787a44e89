import type { Delegation } from '../../shared/protocol/agenda';
import type { MeetingView } from '../../shared/protocol/view';
import { Clock } from '../components/Clock';
import { ScreenHeader } from '../components/ScreenHeader';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useRoster } from '../live/useRoster';
import {
  CATEGORY_LABEL,
  currentPlace,
  isStateCategory,
  placeInLine,
  placeTitle,
} from '../meeting/agenda';
import { RequestForm } from './RequestForm';
import '../styles/delegate.css';

const Waiting = ({ view, place }: { view: MeetingView; place: number }) => {
  const [send, pending] = useCommand();
  return (
    <div className="delegate-state">
      <p className="delegate-big">Number {place} in line</p>
      {view.floor.segment === 'panel' && (
        <p>The panel is responding now; your request waits in line.</p>
      )}
      {!view.floor.open && <p>The list of speakers is closed; your request still stands.</p>}
      <button
        type="button"
        className="button-wide"
        disabled={pending}
        onClick={() => void send({ type: 'floor.withdraw' })}
      >
        Withdraw request
      </button>
    </div>
  );
};

/** Whether this delegation may ask for the floor in this step, and if not, why, in words. */
const whyNot = (view: MeetingView, delegation: Delegation | undefined): string | null => {
  switch (view.status) {
    case 'pending':
      return 'The meeting has not started yet.';
    case 'closed':
      return 'The meeting is closed.';
    case 'suspended':
      return `The meeting is suspended.${view.suspension?.note ? ` ${view.suspension.note}` : ''}`;
    case 'running':
      break;
  }
  const here = currentPlace(view);
  if (here?.step.kind !== 'floor') return 'The floor is not open for requests now.';
  if (delegation && here.step.openTo && !here.step.openTo.includes(delegation.category)) {
    const who = here.step.openTo.every(isStateCategory)
      ? 'States'
      : here.step.openTo.map((c) => CATEGORY_LABEL[c]).join(', ');
    return `In this step the floor is open to ${who} only.`;
  }
  if (!view.floor.open) return 'The list of speakers is closed. No new requests are taken.';
  return null;
};

interface BodyProps {
  view: MeetingView;
  delegationId: string;
  delegation: Delegation | undefined;
}

const DelegateBody = ({ view, delegationId, delegation }: BodyProps) => {
  const turn = view.turn;
  if (turn?.speaker.delegationId === delegationId) {
    return (
      <div className="delegate-state delegate-has-floor">
        <p className="delegate-big">You have the floor</p>
        <Clock turn={turn} size="tablet" />
      </div>
    );
  }
  const place = placeInLine(view, delegationId);
  if (place !== null) return <Waiting view={view} place={place} />;
  const reason = whyNot(view, delegation);
  if (reason) {
    return (
      <div className="delegate-state">
        <p className="delegate-reason">{reason}</p>
      </div>
    );
  }
  return <RequestForm />;
};

/** A delegation's tablet: ask for the floor, see the place in line, see one's own clock. */
export const DelegateScreen = () => {
  const { view, session } = useLiveView();
  const roster = useRoster(session.meetingId);
  const delegationId = session.delegationId ?? '';
  const delegation = roster?.find((d) => d.id === delegationId);
  const here = currentPlace(view);
  const speaking = view.turn && view.turn.speaker.delegationId !== delegationId ? view.turn : null;
  return (
    <div className="delegate">
      <ScreenHeader screen="Delegation" />
      <main className="delegate-main">
        <h2 className="delegate-name">{delegation?.name ?? '\u00a0'}</h2>
        {view.status === 'running' && here && <p className="delegate-place">{placeTitle(here)}</p>}
        <DelegateBody view={view} delegationId={delegationId} delegation={delegation} />
        {speaking && view.status === 'running' && (
          <p className="delegate-speaking">
            Has the floor: <strong>{speaking.speaker.name}</strong>
            {speaking.speaker.delegationName &&
            speaking.speaker.delegationName !== speaking.speaker.name
              ? ` (${speaking.speaker.delegationName})`
              : ''}
          </p>
        )}
      </main>
    </div>
  );
};
