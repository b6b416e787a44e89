import { BusyButton } from '../components/BusyButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { panelists } from '../meeting/agenda';
import { sameFloor } from '../meeting/preconditions';
import { usePermissions } from './usePermissions';

/** Whether delegations may still ask for the floor. */
export const ListControls = () => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  // "Close list" gives way to "Reopen list" and back: the focus follows.
  const takesFocus = useTakesFocus<HTMLButtonElement>('list-of-speakers');
  const toggle = (type: 'floor.close' | 'floor.open') => {
    passFocusTo('list-of-speakers');
    void send({ type });
  };
  const { open } = view.floor;
  return (
    <div className="status-line">
      <span className={`tag ${open ? 'tag-open' : 'tag-closed'}`}>
        {open ? 'List of speakers open' : 'List of speakers closed'}
      </span>
      {open && can('floor.close') && (
        <BusyButton ref={takesFocus} busy={pending} onClick={() => toggle('floor.close')}>
          Close list
        </BusyButton>
      )}
      {!open && can('floor.open') && (
        <BusyButton ref={takesFocus} busy={pending} onClick={() => toggle('floor.open')}>
          Reopen list
        </BusyButton>
      )}
    </div>
  );
};

/**
 * The segment: interventions from the floor, or the panel's responses. After a cluster of
 * interventions the console proposes the panel's turn.
 */
export const SegmentControls = () => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const { segment, sincePanel, clusterSize } = view.floor;
  const clusterDone = clusterSize !== undefined && sincePanel >= clusterSize;
  const running = view.status === 'running';
  // "Panel's turn" gives way to "Back to the floor" and back.
  const takesFocus = useTakesFocus<HTMLButtonElement>('segment');
  const switchTo = (next: 'floor' | 'panel') => {
    passFocusTo('segment');
    void send({ type: 'floor.segment', segment: next });
  };
  return (
    <div className="segment">
      <div className="status-line">
        <span className="tag">{segment === 'panel' ? 'Panel responds' : 'Floor'}</span>
        <span className="cluster">
          {sincePanel}
          {clusterSize !== undefined ? ` of ${clusterSize}` : ''} interventions since the panel last
          answered
        </span>
      </div>
      {segment === 'floor' && clusterDone && (
        <p className="proposal">The cluster is complete: it is the panel's turn.</p>
      )}
      {can('floor.segment') && (
        <div className="button-row">
          {segment === 'floor' ? (
            <BusyButton
              ref={takesFocus}
              className={clusterDone ? 'button-primary' : undefined}
              busy={pending}
              onClick={() => switchTo('panel')}
            >
              Panel's turn
            </BusyButton>
          ) : (
            <BusyButton ref={takesFocus} busy={pending} onClick={() => switchTo('floor')}>
              Back to the floor
            </BusyButton>
          )}
        </div>
      )}
      {can('turn.start') && <Panelists disabled={pending || !running} />}
    </div>
  );
};

/** The item's scheduled speakers, who answer for the panel in a discussion. */
const Panelists = ({ disabled }: { disabled: boolean }) => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const people = panelists(view);
  if (people.length === 0) return null;
  const speaking = view.turn?.speaker.speakerId;
  return (
    <div className="panelists">
      <h3>Give the floor to a panelist</h3>
      <ul className="rows">
        {people.map((p) => (
          <li className="row" key={p.id}>
            <div className="row-main">
              <strong>{p.name}</strong>
              <span className="quiet"> {p.role}</span>
            </div>
            {p.id === speaking && <span className="tag">Speaking</span>}
            <button
              type="button"
              disabled={disabled || pending}
              aria-label={`Give the floor to ${p.name}`}
              onClick={() =>
                void send(
                  { type: 'turn.start', speakerId: p.id, expectedVersion: view.version },
                  sameFloor(view),
                )
              }
            >
              Give the floor
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
};
