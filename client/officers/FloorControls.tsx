import type { Command } from '../../shared/protocol/commands';
import type { Question } from '../../shared/protocol/view';
import { BusyButton } from '../components/BusyButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { panelists } from '../meeting/agenda';
import { giveFloor } from '../meeting/seen';
import { useSharedWords } from './sharedWords';
import { usePermissions } from './usePermissions';

/**
 * Whether delegations may still ask for the floor. "Close list" and "Reopen list" share a place:
 * the one the chart lets act is shown.
 */
export const ListControls = () => {
  const t = useT();
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
        {t(open ? 'consoles.list-open' : 'consoles.list-closed')}
      </span>
      {can('floor.close') && mayPress({ type: 'floor.close' }) === null && (
        <BusyButton ref={takesFocus} busy={pending} onClick={() => toggle('floor.close')}>
          {t('consoles.close-list')}
        </BusyButton>
      )}
      {can('floor.open') && mayPress({ type: 'floor.open' }) === null && (
        <BusyButton ref={takesFocus} busy={pending} onClick={() => toggle('floor.open')}>
          {t('consoles.reopen-list')}
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
  const t = useT();
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
        <span className="tag">
          {t(segment === 'panel' ? 'consoles.panel-responds' : 'consoles.segment-floor')}
        </span>
        <span className="cluster">
          {clusterSize !== undefined
            ? t('consoles.interventions-of-cluster', { count: sincePanel, size: clusterSize })
            : t('consoles.interventions', { count: sincePanel })}
        </span>
      </div>
      {segment === 'floor' && clusterDone && (
        <p className="proposal">{t('consoles.cluster-complete')}</p>
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
              {t('consoles.panel-turn')}
            </BusyButton>
          )}
          {mayPress(toFloor) === null && (
            <BusyButton ref={takesFocus} busy={pending} onClick={() => switchTo(toFloor)}>
              {t('consoles.back-to-the-floor')}
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
  const t = useT();
  const words = useSharedWords();
  return questions.length === 0 ? (
    <p className="questions quiet">{t('consoles.no-questions')}</p>
  ) : (
    <div className="questions">
      <p className="questions-count">{t('consoles.questions', { count: questions.length })}</p>
      <ol aria-label={t('consoles.questions-to', { names: panelist })}>
        {questions.map((q) => (
          <li key={q.turnId}>
            {words.speakingFor({ id: q.delegationId, name: q.name }, q.onBehalfOf)}
          </li>
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
  const t = useT();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const mayPress = useMayPress();
  const people = panelists(view);
  if (people.length === 0) return null;
  const speaking = view.turn?.speaker.speakerId;
  const { questions } = view.floor;
  return (
    <div className="panelists">
      <h3>{t('consoles.give-floor-to-panelist')}</h3>
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
              {p.id === speaking && <span className="tag">{t('consoles.speaking')}</span>}
              <BusyButton
                busy={pending}
                refusal={mayPress(command)}
                aria-label={t('consoles.give-floor-to', { name: p.name })}
                onClick={() => void send(command)}
              >
                {t('consoles.give-floor')}
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
