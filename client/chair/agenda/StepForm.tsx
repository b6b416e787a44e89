import type { RequestsFrom, Step } from '../../../shared/protocol/agenda';
import type { QueuePolicy } from '../../../shared/protocol/common';
import { LIMITS } from '../../../shared/protocol/limits';
import { useT } from '../../i18n/useT';
import { EditForm, Field, SelectField } from './EditForm';
import { draftOfStep, type StepTextField, stepChangeOf } from './stepDraft';
import { useDraft } from './useDraft';
import '../../styles/agendaEditor.css';

/** The orders of the list of speakers, each in the words of the rules of procedure (ids). */
const POLICIES: readonly { value: QueuePolicy; label: string }[] = [
  { value: 'states-first', label: 'chair.policy-states-first' },
  { value: 'arrival', label: 'chair.policy-arrival' },
  { value: 'interleave', label: 'chair.policy-interleave' },
];

const REQUESTS_FROM: readonly { value: RequestsFrom; label: string }[] = [
  { value: 'step', label: 'chair.requests-from-step' },
  { value: 'item', label: 'chair.requests-from-item' },
];

/** "(default)" after a rule's name while the step sets none of its own. */
const Default = ({ when }: { when: boolean }) => {
  const t = useT();
  return when ? <span className="quiet"> {t('chair.rule-default')}</span> : null;
};

/**
 * A step's title and allowance (the limit and the warning point, in minutes and seconds), and
 * its rules of procedure: for a discussion, the order of the list, when requests may be made,
 * the clocks of group statements and of rights of reply; for every step, the clock of a point of
 * order. A rule the step does not set shows the default. One save sends one change.
 */
export const StepForm = ({ itemId, step }: { itemId: string; step: Step }) => {
  const t = useT();
  // Keyed on what the form shows: saving the step's speakers elsewhere leaves a draft alone.
  const [draft, setDraft] = useDraft(draftOfStep(step), (shown) => shown);
  const set = (field: StepTextField) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const floor = step.kind === 'floor' ? step : null;
  const clock = (label: string, field: StepTextField, placeholder: string) => (
    <Field
      label={t('chair.clock-field', { label })}
      value={draft[field]}
      onChange={set(field)}
      placeholder={placeholder}
      className="short"
    />
  );
  return (
    <EditForm
      legend={
        <>
          {step.title}{' '}
          <span className="quiet">
            {t(floor ? 'chair.step-kind-floor' : 'chair.step-kind-speakers')}
          </span>
        </>
      }
      submitLabel={t('chair.save-step')}
      about={t('chair.save-step-about', { step: step.title })}
      draft={() => stepChangeOf(itemId, step, draft)}
    >
      <Field
        label={t('chair.step-title')}
        value={draft.title}
        onChange={set('title')}
        maxLength={LIMITS.titleChars}
        className="wide"
      />
      {clock(t(floor ? 'chair.limit-intervention' : 'chair.limit-speaker'), 'limit', '3:00')}
      {clock(t('chair.warning-at'), 'warning', '2:30')}
      {floor && (
        <>
          <fieldset className="edit-rule">
            <legend>{t('chair.list-of-speakers')}</legend>
            <SelectField
              label={t('chair.order-of-statements')}
              value={draft.queuePolicy}
              options={POLICIES.map((o) => ({ ...o, label: t(o.label) }))}
              onChange={(queuePolicy) => setDraft((d) => ({ ...d, queuePolicy }))}
              className="wide"
            />
            {draft.queuePolicy === 'interleave' && (
              <Field
                label={t('chair.interleave-every')}
                value={draft.interleaveEvery}
                onChange={set('interleaveEvery')}
                inputMode="numeric"
                maxLength={2}
                placeholder="3"
                className="short"
              />
            )}
            <SelectField
              label={t('chair.requests-from')}
              value={draft.requestsFrom}
              options={REQUESTS_FROM.map((o) => ({ ...o, label: t(o.label) }))}
              onChange={(requestsFrom) => setDraft((d) => ({ ...d, requestsFrom }))}
              className="full"
            />
          </fieldset>
          <fieldset className="edit-rule">
            <legend>
              {t('chair.group-statements')}
              <Default when={floor.groupAllowance === undefined} />
            </legend>
            {clock(t('chair.group-limit'), 'groupLimit', '5:00')}
            {clock(t('chair.group-warning'), 'groupWarning', '4:00')}
          </fieldset>
          <fieldset className="edit-rule">
            <legend>
              {t('chair.replies')}
              <Default when={floor.replyAllowances === undefined} />
            </legend>
            {clock(t('chair.first-reply-limit'), 'firstReplyLimit', '10:00')}
            {clock(t('chair.first-reply-warning'), 'firstReplyWarning', '9:00')}
            {clock(t('chair.second-reply-limit'), 'secondReplyLimit', '5:00')}
            {clock(t('chair.second-reply-warning'), 'secondReplyWarning', '4:00')}
          </fieldset>
        </>
      )}
      <fieldset className="edit-rule">
        <legend>
          {t('chair.points-of-order')}
          <Default when={step.pointOfOrderAllowance === undefined} />
        </legend>
        {clock(t('chair.point-of-order-limit'), 'pointOfOrderLimit', '2:00')}
        {clock(t('chair.point-of-order-warning'), 'pointOfOrderWarning', '1:30')}
      </fieldset>
    </EditForm>
  );
};
