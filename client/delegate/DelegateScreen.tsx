import type { MessageDescriptor } from '@lingui/core';
import { Trans } from '@lingui/react';
import { useRef } from 'react';
import { currentStep, queueStep } from '../../shared/engine/places';
import { groupsOf } from '../../shared/groups';
import type { RequestKind } from '../../shared/protocol/common';
import type { MeetingView, QueueEntry, TurnView } from '../../shared/protocol/view';
import { Clock } from '../components/Clock';
import { ConfirmButton } from '../components/ConfirmButton';
import { LiveRegion } from '../components/LiveAnnouncer';
import { PhaseWatch, timeInWords } from '../components/PhaseWatch';
import { ScreenHeader } from '../components/ScreenHeader';
import { useFittedText } from '../components/useFittedText';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import type { MayPress } from '../live/mayPress';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { useGroups, useRoster } from '../live/useRoster';
import { panelists, placeTitle, requestsInLine } from '../meeting/agenda';
import type { RequestWords } from '../meeting/requestWords';
import { useRequestWords } from '../meeting/useRequestWords';
import { earlyWords, notSitting, RequestForm } from './RequestForm';
import { useTabletNews } from './useTabletNews';
import '../styles/delegate.css';

/**
 * "Expert 1 of panel 1 and Expert 2 of panel 1": the panelists a statement's questions address,
 * as the chair wrote their names, listed as the page's language lists things.
 */
const addresseesOf = (
  words: RequestWords,
  view: MeetingView,
  ids: readonly string[] | undefined,
): string | null => {
  if (!ids || ids.length === 0) return null;
  const names = new Map(panelists(view).map((p) => [p.id, p.name]));
  return words.list(ids.map((id) => names.get(id) ?? id));
};

/** What a request or a turn is, as its card heads it: "Statement, on behalf of the African Group". */
const requestTitle = (
  words: RequestWords,
  kind: RequestKind,
  onBehalfOf: QueueEntry['onBehalfOf'],
): string =>
  onBehalfOf
    ? words.t('tablet.request-behalf', { kind: words.kind(kind), group: words.group(onBehalfOf) })
    : words.kind(kind);

/**
 * What the question before withdrawing says a withdrawal does, for each kind, and the button's
 * name for a screen reader ("Withdraw request for a statement": each request has its own).
 */
const WITHDRAW: Record<RequestKind, { question: string; after: string; button: string }> = {
  statement: {
    question: 'tablet.withdraw-statement-question',
    after: 'tablet.withdraw-statement-after',
    button: 'tablet.withdraw-statement',
  },
  reply: {
    question: 'tablet.withdraw-reply-question',
    after: 'tablet.withdraw-reply-after',
    button: 'tablet.withdraw-reply',
  },
  'point-of-order': {
    question: 'tablet.withdraw-point-of-order-question',
    after: 'tablet.withdraw-point-of-order-after',
    button: 'tablet.withdraw-point-of-order',
  },
};

/**
 * "Speaker: <strong>Ms. Ana Fontana</strong>" and the like: a label and a name in bold. The name
 * goes in as an element, never as text: Lingui reads tags in a message's text once its values are
 * in, so a name typed as "<b>Ana</b>" would otherwise vanish. It is isolated (`bdi`), so a Latin
 * name keeps its order in an Arabic line and the reverse.
 */
const Labelled = ({ id, name }: { id: string; name: string }) => (
  <Trans id={id} values={{ name: <bdi>{name}</bdi> }} components={{ 0: <strong /> }} />
);

interface WaitingProps {
  view: MeetingView;
  request: QueueEntry;
  place: number;
  /** Why the request was last moved back by a rule of the room, while it keeps that place. */
  movedBack: MessageDescriptor | undefined;
  mayPress: MayPress;
}

/** One request of the delegation, waiting: its kind, its place in line, and its own Withdraw. */
const Waiting = ({ view, request, place, movedBack, mayPress }: WaitingProps) => {
  const t = useT();
  const words = useRequestWords();
  const [send, pending] = useCommand();
  const { kind } = request;
  const withdraw = WITHDRAW[kind];
  const early = queueStep(view);
  const addressees = addresseesOf(words, view, request.addressedTo);
  const title = requestTitle(words, kind, request.onBehalfOf);
  return (
    <section className={`delegate-state delegate-request kind-${kind}`} aria-label={title}>
      <p className="delegate-kind">{title}</p>
      <p className="delegate-big">{t('tablet.number-in-line', { place })}</p>
      <p className="delegate-ahead">{t('tablet.requests-ahead', { count: place - 1 })}</p>
      {movedBack && <p className="delegate-why">{t('tablet.moved-back', { why: t(movedBack) })}</p>}
      <p className="delegate-speaker">
        {request.speakerName ? (
          <Labelled id="tablet.speaker" name={request.speakerName} />
        ) : (
          t('tablet.no-speaker')
        )}
      </p>
      {addressees && (
        <p className="delegate-speaker">
          <Labelled id="tablet.questions-to" name={addressees} />
        </p>
      )}
      {kind === 'statement' && early?.early && <p>{t(earlyWords(early.step.title))}</p>}
      {kind !== 'point-of-order' && view.floor.segment === 'panel' && (
        <p>{t('tablet.panel-responding')}</p>
      )}
      {kind === 'statement' && !view.floor.open && <p>{t('tablet.list-closed-stands')}</p>}
      <ConfirmButton
        className="button-wide"
        disabled={pending || mayPress({ type: 'floor.withdraw', requestId: request.id }) !== null}
        question={t(withdraw.question)}
        detail={t('tablet.withdraw-detail', { place, after: t(withdraw.after) })}
        confirmLabel={t('tablet.withdraw-confirm')}
        focusName={`withdraw-${kind}`}
        focusAfterConfirm={kind === 'statement' ? 'request-floor' : `ask-${kind}`}
        onConfirm={() => void send({ type: 'floor.withdraw', requestId: request.id })}
      >
        <Trans id={withdraw.button} components={{ 0: <span className="visually-hidden" /> }} />
      </ConfirmButton>
    </section>
  );
};

/** What the delegation's own turn is, under "You have the floor", when not its own statement. */
const turnNote = (words: RequestWords, turn: TurnView): string | null =>
  words.kindNote(turn.speaker.kind) ??
  (turn.speaker.onBehalfOf
    ? words.t('tablet.turn-behalf', { group: words.group(turn.speaker.onBehalfOf) })
    : null);

const OwnTurn = ({ view, turn }: { view: MeetingView; turn: TurnView }) => {
  const t = useT();
  const words = useRequestWords();
  const note = turnNote(words, turn);
  const addressees = addresseesOf(words, view, turn.speaker.addressedTo);
  return (
    <div className="delegate-state delegate-has-floor">
      <p className="delegate-big">{t('tablet.has-floor')}</p>
      {note && <p className="delegate-turn-kind">{note}</p>}
      {turn.speaker.delegationName !== undefined &&
        turn.speaker.name !== turn.speaker.delegationName && (
          <p className="delegate-speaker">
            <Labelled id="tablet.speaker" name={turn.speaker.name} />
          </p>
        )}
      {addressees && (
        <p className="delegate-speaker">
          <Labelled id="tablet.questions-to" name={addressees} />
        </p>
      )}
      <Clock turn={turn} size="tablet" />
      {turn.status === 'paused' && <p className="delegate-why">{t('tablet.clock-paused')}</p>}
    </div>
  );
};

/** The delegation's turn, kept paused while a point of order is heard. */
const Interrupted = ({ turn, by }: { turn: TurnView; by: TurnView | null }) => {
  const t = useT();
  const words = useRequestWords();
  return (
    <div className="delegate-state delegate-interrupted">
      <p className="delegate-big">{t('tablet.interrupted')}</p>
      {by && (
        <p className="delegate-speaker">
          <Labelled id="tablet.point-of-order-by" name={words.whoSpeaks(by.speaker)} />
        </p>
      )}
      <p>{t('tablet.interrupted-kept')}</p>
      <Clock turn={turn} size="tablet" />
    </div>
  );
};

/** The least the delegation's name shrinks to (of its 2rem), on the narrowest phone. */
const SMALLEST_NAME = 0.5;

/** A delegation's tablet: ask for the floor, see each request's place in line, see one's own clock. */
export const DelegateScreen = () => {
  const t = useT();
  const words = useRequestWords();
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
  const name = delegation ? words.names.delegation(delegation.id, delegation.name) : '';
  // The longest official names ("Многонациональное Государство Боливия" on a phone) shrink to
  // fit, whole words, rather than break inside one.
  const nameBox = useRef<HTMLHeadingElement>(null);
  useFittedText(nameBox, SMALLEST_NAME, name);
  return (
    <div className="delegate">
      <ScreenHeader screen={t('tablet.screen')} />
      <main className="delegate-main">
        {own && (
          <PhaseWatch
            key={own.id}
            turn={own}
            onEnter={(phase, remainingMs) =>
              news.announce(
                phase === 'warning'
                  ? t('tablet.warning-left', { time: timeInWords(t, remainingMs) })
                  : t('tablet.time-up'),
              )
            }
          />
        )}
        <LiveRegion announcement={news.announcement} />
        <h2 className="delegate-name" ref={nameBox}>
          <span>{name || '\u00a0'}</span>
        </h2>
        {view.status === 'running' && here && <p className="delegate-place">{placeTitle(here)}</p>}
        {view.status === 'suspended' && (
          <p className="delegate-place">
            {t('tablet.suspended')}
            {view.suspension?.note ? ` ${view.suspension.note}` : ''}
          </p>
        )}
        {speaking && !interrupted && view.status === 'running' && (
          <p className="delegate-speaking">
            <Labelled id="tablet.speaking" name={words.whoSpeaks(speaking.speaker)} />
            {words.kindNote(speaking.speaker.kind) && ` · ${words.kindNote(speaking.speaker.kind)}`}
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
            <p className="delegate-reason">{t(unavailable)}</p>
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
