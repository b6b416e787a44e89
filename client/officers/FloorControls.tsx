import type { Command } from '../../shared/protocol/commands';
import type { Question } from '../../shared/protocol/view';
import { BusyButton } from '../components/BusyButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { panelists } from '../meeting/agenda';
import { giveFloor } from '../meeting/seen';
import { useRequestWords } from '../meeting/useRequestWords';
import { usePermissions } from './usePermissions';

/**
 * Whether delegations may still ask for the floor. "Close list" and "Reopen list" share a place:
 * the one the chart lets act is shown.
 */
export const ListControls = () => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
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
      {can('floor.close') && mayPress({ type: 'floor.close' }) === null && (
        <BusyButton ref={takesFocus} busy={pending} onClick={() => toggle('floor.close')}>
          Close list
        </BusyButton>
      )}
      {can('floor.open') && mayPress({ type: 'floor.open' }) === null && (
        <BusyButton ref={takesFocus} busy={pending} onClick={() => toggle('floor.open')}>
          Reopen list
        </BusyButton>
      )}
    </div>
  );
};

/**
 * The segment: interventions from the floor, or the panel's responses. After a cluster of
 * interventions the console proposes the panel's turn. "Panel's turn" and "Back to the floor"
 * share a place: the one the chart lets act is shown.
 */
export const SegmentControls = () => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
  const { segment, sincePanel, clusterSize } = view.floor;
  const clusterDone = clusterSize !== undefined && sincePanel >= clusterSize;
  // "Panel's turn" gives way to "Back to the floor" and back.
  const takesFocus = useTakesFocus<HTMLButtonElement>('segment');
  const toPanel: Command = { type: 'floor.segment', segment: 'panel' };
  const toFloor: Command = { type: 'floor.segment', segment: 'floor' };
  const switchTo = (command: Command) => {
    passFocusTo('segment');
    void send(command);
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
          {mayPress(toPanel) === null && (
            <BusyButton
              ref={takesFocus}
              className={clusterDone ? 'button-primary' : undefined}
              busy={pending}
              onClick={() => switchTo(toPanel)}
            >
              Panel's turn
            </BusyButton>
          )}
          {mayPress(toFloor) === null && (
            <BusyButton ref={takesFocus} busy={pending} onClick={() => switchTo(toFloor)}>
              Back to the floor
            </BusyButton>
          )}
        </div>
      )}
      {can('turn.start') && <Panelists />}
    </div>
  );
};

/**
 * The questions put to one panelist since the panel last answered, in the order asked: whom they
 * answer, as the room named them.
 */
const QuestionsTo = ({ panelist, questions }: { panelist: string; questions: Question[] }) => {
  const words = useRequestWords();
  return questions.length === 0 ? (
    <p className="questions quiet">No questions since the panel last answered.</p>
  ) : (
    <div className="questions">
      <p className="questions-count">
        {questions.length} {questions.length === 1 ? 'question' : 'questions'} since the panel last
        answered
      </p>
      <ol aria-label={`Questions to ${panelist}`}>
        {questions.map((q) => (
          <li key={q.turnId}>{words.speakingFor(q.name, q.onBehalfOf)}</li>
        ))}
      </ol>
    </div>
  );
};

/**
 * The item's scheduled speakers, who answer for the panel in a discussion, each with the
 * questions put to them since the panel last answered.
 */
const Panelists = () => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const mayPress = useMayPress();
  const people = panelists(view);
  if (people.length === 0) return null;
  const speaking = view.turn?.speaker.speakerId;
  const { questions } = view.floor;
  return (
    <div className="panelists">
      <h3>Give the floor to a panelist</h3>
      <ul className="rows">
        {people.map((p) => {
          // The step and the turn seen: a request arriving meanwhile does not stop the panel.
          const command: Command = giveFloor(view, { speakerId: p.id });
          return (
            <li className="row panelist-row" key={p.id}>
              <div className="row-main">
                <strong>{p.name}</strong>
                <span className="quiet"> {p.role}</span>
              </div>
              {p.id === speaking && <span className="tag">Speaking</span>}
              <BusyButton
                busy={pending}
                refusal={mayPress(command)}
                aria-label={`Give the floor to ${p.name}`}
                onClick={() => void send(command)}
              >
                Give the floor
              </BusyButton>
              {questions.length > 0 && (
                <QuestionsTo
                  panelist={p.name}
                  questions={questions.filter((q) => q.addressedTo.includes(p.id))}
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
};
