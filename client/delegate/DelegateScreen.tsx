import { currentStep, queueStep } from '../../shared/engine/places';
import { groupsOf } from '../../shared/groups';
import type { RequestKind } from '../../shared/protocol/common';
import type { MeetingView, QueueEntry, TurnSpeaker, TurnView } from '../../shared/protocol/view';
import { Clock } from '../components/Clock';
import { ConfirmButton } from '../components/ConfirmButton';
import { LiveRegion } from '../components/LiveAnnouncer';
import { PhaseWatch, timeInWords } from '../components/PhaseWatch';
import { ScreenHeader } from '../components/ScreenHeader';
import { useLiveView } from '../live/LiveContext';
import type { MayPress } from '../live/mayPress';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { useGroups, useRoster } from '../live/useRoster';
import { panelists, placeTitle, requestsInLine } from '../meeting/agenda';
import { KIND_LABEL, kindNote, speakingFor } from '../meeting/requestWords';
import { earlyWords, notSitting, RequestForm } from './RequestForm';
import { useTabletNews } from './useTabletNews';
import '../styles/delegate.css';

/** "Expert 1 of panel 1 and Expert 2 of panel 1": the panelists a statement's questions address. */
const addresseesOf = (view: MeetingView, ids: readonly string[] | undefined): string | null => {
  if (!ids || ids.length === 0) return null;
  const names = new Map(panelists(view).map((p) => [p.id, p.name]));
  const listed = ids.map((id) => names.get(id) ?? id);
  return listed.length === 1
    ? (listed[0] ?? null)
    : `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}`;
};

/** What a request or a turn is, as its card heads it: "Statement, on behalf of the African Group". */
const requestTitle = (kind: RequestKind, onBehalfOf: QueueEntry['onBehalfOf']): string =>
  onBehalfOf ? `${KIND_LABEL[kind]}, on behalf of the ${onBehalfOf.name}` : KIND_LABEL[kind];

/** What the question before withdrawing says a withdrawal does, for each kind. */
const WITHDRAW: Record<RequestKind, { question: string; after: string; hidden: string }> = {
  statement: {
    question: 'Withdraw your request for the floor?',
    after: 'Asking again later puts you at the end of the line.',
    hidden: ' for a statement',
  },
  reply: {
    question: 'Withdraw your right of reply?',
    after:
      'A withdrawn reply does not count as one of your two; asked for again, it waits behind the replies asked for before it.',
    hidden: ' for a right of reply',
  },
  'point-of-order': {
    question: 'Withdraw your point of order?',
    after: 'The chair will not hear it unless you raise it again.',
    hidden: ' for a point of order',
  },
};

interface WaitingProps {
  view: MeetingView;
  request: QueueEntry;
  place: number;
  /** Why the request was last moved back by a rule of the room, while it keeps that place. */
  movedBack: string | undefined;
  mayPress: MayPress;
}

/** One request of the delegation, waiting: its kind, its place in line, and its own Withdraw. */
const Waiting = ({ view, request, place, movedBack, mayPress }: WaitingProps) => {
  const [send, pending] = useCommand();
  const { kind } = request;
  const withdraw = WITHDRAW[kind];
  const early = queueStep(view);
  const addressees = addresseesOf(view, request.addressedTo);
  return (
    <section
      className={`delegate-state delegate-request kind-${kind}`}
      aria-label={requestTitle(kind, request.onBehalfOf)}
    >
      <p className="delegate-kind">{requestTitle(kind, request.onBehalfOf)}</p>
      <p className="delegate-big">Number {place} in line</p>
      {movedBack && <p className="delegate-why">Your place moved back: {movedBack}</p>}
      <p className="delegate-speaker">
        {request.speakerName ? (
          <>
            Speaker: <strong>{request.speakerName}</strong>
          </>
        ) : (
          'No speaker named.'
        )}
      </p>
      {addressees && (
        <p className="delegate-speaker">
          Questions to: <strong>{addressees}</strong>
        </p>
      )}
      {kind === 'statement' && early?.early && <p>{earlyWords(early.step.title)}</p>}
      {kind !== 'point-of-order' && view.floor.segment === 'panel' && (
        <p>The panel is responding now; your request waits in line.</p>
      )}
      {kind === 'statement' && !view.floor.open && (
        <p>The list of speakers is closed; your request still stands.</p>
      )}
      <ConfirmButton
        className="button-wide"
        disabled={pending || mayPress({ type: 'floor.withdraw', requestId: request.id }) !== null}
        question={withdraw.question}
        detail={`You are number ${place} in line. ${withdraw.after}`}
        confirmLabel="Yes, withdraw"
        focusName={`withdraw-${kind}`}
        focusAfterConfirm={kind === 'statement' ? 'request-floor' : `ask-${kind}`}
        onConfirm={() => void send({ type: 'floor.withdraw', requestId: request.id })}
      >
        Withdraw request<span className="visually-hidden">{withdraw.hidden}</span>
      </ConfirmButton>
    </section>
  );
};

/** What the delegation's own turn is, under "You have the floor", when not its own statement. */
const turnNote = (speaker: TurnSpeaker): string | null =>
  kindNote(speaker.kind) ??
  (speaker.onBehalfOf ? `On behalf of the ${speaker.onBehalfOf.name}` : null);

const OwnTurn = ({ view, turn }: { view: MeetingView; turn: TurnView }) => {
  const note = turnNote(turn.speaker);
  const addressees = addresseesOf(view, turn.speaker.addressedTo);
  return (
    <div className="delegate-state delegate-has-floor">
      <p className="delegate-big">You have the floor</p>
      {note && <p className="delegate-turn-kind">{note}</p>}
      {turn.speaker.delegationName !== undefined &&
        turn.speaker.name !== turn.speaker.delegationName && (
          <p className="delegate-speaker">
            Speaker: <strong>{turn.speaker.name}</strong>
          </p>
        )}
      {addressees && (
        <p className="delegate-speaker">
          Questions to: <strong>{addressees}</strong>
        </p>
      )}
      <Clock turn={turn} size="tablet" />
      {turn.status === 'paused' && (
        <p className="delegate-why">Your clock is paused until the chair resumes it.</p>
      )}
    </div>
  );
};

/** The delegation's turn, kept paused while a point of order is heard. */
const Interrupted = ({ turn, by }: { turn: TurnView; by: TurnView | null }) => (
  <div className="delegate-state delegate-interrupted">
    <p className="delegate-big">Your turn is interrupted by a point of order</p>
    {by && (
      <p className="delegate-speaker">
        Point of order: <strong>{whoSpeaks(by.speaker)}</strong>
      </p>
    )}
    <p>Your clock is paused and your time is kept: the floor comes back to you afterwards.</p>
    <Clock turn={turn} size="tablet" />
  </div>
);

/** "Ms. Ana Pérez (Egypt, on behalf of the African Group)", or "Egypt" when no one is named. */
const whoSpeaks = (speaker: TurnSpeaker): string => {
  const { name, delegationName, onBehalfOf } = speaker;
  if (delegationName !== undefined && delegationName !== name) {
    return `${name} (${speakingFor(delegationName, onBehalfOf)})`;
  }
  return speakingFor(name, onBehalfOf);
};

/** A delegation's tablet: ask for the floor, see each request's place in line, see one's own clock. */
export const DelegateScreen = () => {
  const { view, session } = useLiveView();
  const roster = useRoster(session.meetingId);
  const groups = useGroups(session.meetingId);
  const mayPress = useMayPress(roster, groups);
  const delegationId = session.delegationId ?? '';
  const delegation = roster?.find((d) => d.id === delegationId);
  const ownGroups = groups ? groupsOf(delegationId, groups) : [];
  const here = currentStep(view);
  const own = view.turn?.speaker.delegationId === delegationId ? view.turn : null;
  const interrupted =
    view.interrupted?.speaker.delegationId === delegationId ? view.interrupted : null;
  const speaking = view.turn && !own ? view.turn : null;
  const news = useTabletNews(view, delegationId);
  const waiting = requestsInLine(view, delegationId);
  const unavailable = notSitting(view);
  return (
    <div className="delegate">
      <ScreenHeader screen="Delegation" />
      <main className="delegate-main">
        {own && (
          <PhaseWatch
            key={own.id}
            turn={own}
            onEnter={(phase, remainingMs) =>
              news.announce(
                phase === 'warning'
                  ? `Warning: ${timeInWords(remainingMs)} left.`
                  : 'Your time is up.',
              )
            }
          />
        )}
        <LiveRegion announcement={news.announcement} />
        <h2 className="delegate-name">{delegation?.name ?? '\u00a0'}</h2>
        {view.status === 'running' && here && <p className="delegate-place">{placeTitle(here)}</p>}
        {view.status === 'suspended' && (
          <p className="delegate-place">
            The meeting is suspended.{view.suspension?.note ? ` ${view.suspension.note}` : ''}
          </p>
        )}
        {speaking && !interrupted && view.status === 'running' && (
          <p className="delegate-speaking">
            Has the floor: <strong>{whoSpeaks(speaking.speaker)}</strong>
            {kindNote(speaking.speaker.kind) && ` · ${kindNote(speaking.speaker.kind)}`}
          </p>
        )}
        {own && <OwnTurn view={view} turn={own} />}
        {interrupted && <Interrupted turn={interrupted} by={view.turn} />}
        {waiting.map(({ request, place }) => (
          <Waiting
            key={request.id}
            view={view}
            request={request}
            place={place}
            movedBack={news.movedBack.get(request.id)}
            mayPress={mayPress}
          />
        ))}
        {unavailable ? (
          <div className="delegate-state">
            <p className="delegate-reason">{unavailable}</p>
          </div>
        ) : (
          !own &&
          !interrupted && (
            <RequestForm
              view={view}
              mayPress={mayPress}
              delegationId={delegationId}
              groups={ownGroups}
              waiting={new Set(waiting.map(({ request }) => request.kind))}
            />
          )
        )}
      </main>
    </div>
  );
};
