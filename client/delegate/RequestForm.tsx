import type { MessageDescriptor } from '@lingui/core';
import { Trans } from '@lingui/react';
import { type FormEvent, useId, useState } from 'react';
import { queueStep } from '../../shared/engine/places';
import type { Group } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import type { Sex } from '../../shared/protocol/common';
import { LIMITS } from '../../shared/protocol/limits';
import type { ReasonedRefusal } from '../../shared/protocol/refusals';
import { MAX_REPLIES_PER_ITEM } from '../../shared/protocol/stepDefaults';
import type { MeetingView } from '../../shared/protocol/view';
import { BusyButton } from '../components/BusyButton';
import { ConfirmButton } from '../components/ConfirmButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { type T, useT } from '../i18n/useT';
import type { MayPress } from '../live/mayPress';
import type { RefusalWords } from '../live/refusalWords';
import { useCommand } from '../live/useCommand';
import { useRefusalWords } from '../live/useRefusalWords';
import { panelists } from '../meeting/agenda';
import { KIND_WORDS } from '../meeting/requestWords';
import { useRequestWords } from '../meeting/useRequestWords';

type SexChoice = Sex | 'none';

const SEX_CHOICES: { value: SexChoice; label: string }[] = [
  { value: 'female', label: 'tablet.sex-female' },
  { value: 'male', label: 'tablet.sex-male' },
  { value: 'other', label: 'tablet.sex-other' },
  { value: 'none', label: 'tablet.sex-none' },
];

/** Who speaks, as the delegation chooses to say: sent with each of its requests. */
interface Speaker {
  speakerName?: string;
  sex?: Sex;
}

/**
 * A meeting not under way, as the room says it (a message id): the tablet then offers no
 * request at all.
 */
export const notSitting = (view: MeetingView): string | null =>
  view.status === 'pending'
    ? 'tablet.not-started'
    : view.status === 'closed'
      ? 'tablet.closed'
      : null;

/**
 * Why a request cannot be made now, for a delegate: the engine's words, except where they are
 * written for the officers ("resume it first") or where a closed list could be read as closing
 * every kind of request.
 */
export const reasonOf = (
  t: T,
  view: MeetingView,
  refusal: ReasonedRefusal,
  words: RefusalWords,
): string => {
  const absent = notSitting(view);
  if (absent) return t(absent);
  if (refusal.code === 'list_closed') return t('tablet.list-closed-reason');
  if (view.status === 'suspended' && refusal.reason.id === 'refusal.suspended') {
    return t('tablet.suspended-reason');
  }
  return words(refusal);
};

/** The engine's reason under a button it refuses, which the button names as its description. */
const Reason = ({
  id,
  view,
  refusal,
}: {
  id: string;
  view: MeetingView;
  refusal: ReasonedRefusal;
}) => {
  const t = useT();
  const words = useRefusalWords();
  return (
    <p className="ask-reason" id={id}>
      {reasonOf(t, view, refusal, words)}
    </p>
  );
};

/** The title of the discussion an early statement is for: "Interactive discussion". */
const earlyStepTitle = (view: MeetingView): string | null => {
  const target = queueStep(view);
  return target?.early ? target.step.title : null;
};

/** "Your statement will be heard in “Interactive discussion”, when the discussion begins." */
export const earlyWords = (title: string): MessageDescriptor => ({
  id: 'tablet.early',
  values: { title },
});

interface StatementProps {
  view: MeetingView;
  mayPress: MayPress;
  speaker: Speaker;
  /** The delegation's groups, in the meeting's order: whom it may speak on behalf of. */
  groups: Group[];
}

/**
 * "Request the floor": a statement, for the delegation itself or on behalf of one of its
 * groups, with the panelists its questions address when the item has a panel.
 */
const StatementForm = ({ view, mayPress, speaker, groups }: StatementProps) => {
  const t = useT();
  const words = useRequestWords();
  const [send, pending] = useCommand();
  const [onBehalfOf, setOnBehalfOf] = useState('');
  const [addressedTo, setAddressedTo] = useState<string[]>([]);
  const reasonId = useId();
  const earlyId = useId();
  // Back here after withdrawing, the focus is on "Request the floor" again.
  const takesFocus = useTakesFocus<HTMLButtonElement>('request-floor');
  const panel = panelists(view);
  const command: Command = {
    type: 'floor.request',
    kind: 'statement',
    ...speaker,
    ...(onBehalfOf !== '' && { onBehalfOf }),
    // In the panel's order, whatever order they were ticked in.
    ...(addressedTo.length > 0 && {
      addressedTo: panel.map((p) => p.id).filter((id) => addressedTo.includes(id)),
    }),
  };
  const refusal = mayPress(command);
  // The choices are offered when a statement may be asked for at all; they cannot make it refused.
  const open = mayPress({ type: 'floor.request', kind: 'statement' }) === null;
  const early = earlyStepTitle(view);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (refusal) return;
    // The form gives way to the place in line, whose button is "Withdraw request".
    passFocusTo('withdraw-statement');
    void send(command);
  };
  return (
    <form className="request-form" onSubmit={submit} aria-label={t(KIND_WORDS.statement)}>
      {early && open && (
        <p className="ask-early" id={earlyId}>
          {t('tablet.ask-early', { title: early })}
        </p>
      )}
      {open && groups.length > 0 && (
        <fieldset className="choices ask-choices">
          <legend>{t('tablet.on-behalf-of')}</legend>
          {[null, ...groups].map((group) => (
            <label key={group?.id ?? ''} className="choice">
              <input
                type="radio"
                name="on-behalf-of"
                value={group?.id ?? ''}
                checked={onBehalfOf === (group?.id ?? '')}
                onChange={() => setOnBehalfOf(group?.id ?? '')}
              />
              {group
                ? t('tablet.behalf-group', { group: words.group(group) })
                : t('tablet.own-delegation')}
            </label>
          ))}
        </fieldset>
      )}
      {open && panel.length > 0 && (
        <details className="request-details">
          <summary>{t('tablet.questions-optional')}</summary>
          <fieldset className="choices">
            <legend>{t('tablet.questions-for')}</legend>
            {panel.map((p) => (
              <label key={p.id} className="choice">
                <input
                  type="checkbox"
                  checked={addressedTo.includes(p.id)}
                  onChange={(e) =>
                    setAddressedTo((ids) =>
                      e.target.checked ? [...ids, p.id] : ids.filter((id) => id !== p.id),
                    )
                  }
                />
                <span>
                  {p.name}
                  {p.role && <span className="quiet"> · {p.role}</span>}
                </span>
              </label>
            ))}
          </fieldset>
        </details>
      )}
      <BusyButton
        ref={takesFocus}
        type="submit"
        // Refused, it gives its room to what may still be asked for (a reply after the list
        // closed): a phone shows that without scrolling.
        className={refusal ? 'button-wide' : 'button-primary button-huge'}
        busy={pending}
        refusal={refusal}
        aria-describedby={refusal ? reasonId : early && open ? earlyId : undefined}
      >
        {t('tablet.request-floor')}
      </BusyButton>
      {refusal && <Reason id={reasonId} view={view} refusal={refusal} />}
    </form>
  );
};

/**
 * "Ask for a right of reply": also when the list of speakers is closed, twice at most in an item,
 * heard after the statements.
 */
const ReplyAsk = ({
  view,
  mayPress,
  speaker,
  delegationId,
}: {
  view: MeetingView;
  mayPress: MayPress;
  speaker: Speaker;
  delegationId: string;
}) => {
  const t = useT();
  const [send, pending] = useCommand();
  const reasonId = useId();
  const headingId = useId();
  const takesFocus = useTakesFocus<HTMLButtonElement>('ask-reply');
  const command: Command = { type: 'floor.request', kind: 'reply', ...speaker };
  const refusal = mayPress(command);
  const used = view.current?.replies[delegationId] ?? 0;
  return (
    <section className="ask-block" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(KIND_WORDS.reply)}</h3>
      <p>
        <Trans
          id="tablet.replies-used"
          values={{ used, max: MAX_REPLIES_PER_ITEM }}
          components={{ 0: <strong /> }}
        />
      </p>
      <p className="quiet">
        {t(view.floor.open ? 'tablet.reply-list-open' : 'tablet.reply-list-closed')}
      </p>
      <BusyButton
        ref={takesFocus}
        className="button-wide"
        busy={pending}
        refusal={refusal}
        aria-describedby={refusal ? reasonId : undefined}
        onClick={() => {
          passFocusTo('withdraw-reply');
          void send(command);
        }}
      >
        {t('tablet.ask-reply')}
      </BusyButton>
      {refusal && <Reason id={reasonId} view={view} refusal={refusal} />}
    </section>
  );
};

/**
 * "Raise a point of order": urgent and rare, heard before anyone else and able to interrupt the
 * speaker, so it stands apart from the other requests and asks once more before it is sent.
 */
const PointOfOrderAsk = ({
  view,
  mayPress,
  speaker,
}: {
  view: MeetingView;
  mayPress: MayPress;
  speaker: Speaker;
}) => {
  const t = useT();
  const [send, pending] = useCommand();
  const reasonId = useId();
  const headingId = useId();
  const command: Command = { type: 'floor.request', kind: 'point-of-order', ...speaker };
  const refusal = mayPress(command);
  return (
    <section className="ask-block ask-point-of-order" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(KIND_WORDS['point-of-order'])}</h3>
      <p className="quiet">{t('tablet.point-of-order-what')}</p>
      <ConfirmButton
        className="button-wide button-point-of-order"
        disabled={pending || refusal !== null}
        question={t('tablet.point-of-order-question')}
        detail={t('tablet.point-of-order-detail')}
        confirmLabel={t('tablet.point-of-order-confirm')}
        focusName="ask-point-of-order"
        focusAfterConfirm="withdraw-point-of-order"
        onConfirm={() => void send(command)}
      >
        {t('tablet.raise-point-of-order')}
      </ConfirmButton>
      {refusal && <Reason id={reasonId} view={view} refusal={refusal} />}
    </section>
  );
};

interface Props {
  view: MeetingView;
  mayPress: MayPress;
  delegationId: string;
  groups: Group[];
  /** The kinds the delegation already waits with: it may wait once with each. */
  waiting: ReadonlySet<string>;
}

/**
 * What a delegation may ask for: a statement (the big button), a right of reply, and, apart at
 * the bottom where it is not pressed by mistake, a point of order. Each button acts exactly when
 * the server would accept its request, and otherwise shows the engine's reason.
 */
export const RequestForm = ({ view, mayPress, delegationId, groups, waiting }: Props) => {
  const t = useT();
  const [speakerName, setSpeakerName] = useState('');
  const [sex, setSex] = useState<SexChoice>('none');
  const nameId = useId();
  const name = speakerName.trim();
  const speaker: Speaker = {
    ...(name !== '' && { speakerName: name }),
    ...(sex !== 'none' && { sex }),
  };
  return (
    <div className="ask">
      {!waiting.has('statement') && (
        <StatementForm view={view} mayPress={mayPress} speaker={speaker} groups={groups} />
      )}
      <details className="request-details">
        <summary>{t('tablet.name-speaker')}</summary>
        <p className="quiet">{t('tablet.name-sent')}</p>
        <label htmlFor={nameId}>{t('tablet.speaker-name')}</label>
        <input
          id={nameId}
          value={speakerName}
          maxLength={LIMITS.nameChars}
          autoComplete="off"
          onChange={(e) => setSpeakerName(e.target.value)}
        />
        <fieldset className="choices">
          <legend>{t('tablet.speaker-sex')}</legend>
          {SEX_CHOICES.map((choice) => (
            <label key={choice.value} className="choice">
              <input
                type="radio"
                name="sex"
                value={choice.value}
                checked={sex === choice.value}
                onChange={() => setSex(choice.value)}
              />
              {t(choice.label)}
            </label>
          ))}
        </fieldset>
      </details>
      {!waiting.has('reply') && (
        <ReplyAsk view={view} mayPress={mayPress} speaker={speaker} delegationId={delegationId} />
      )}
      {!waiting.has('point-of-order') && (
        <PointOfOrderAsk view={view} mayPress={mayPress} speaker={speaker} />
      )}
    </div>
  );
};
