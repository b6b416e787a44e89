import type { RequestsFrom, Step } from '../../../shared/protocol/agenda';
import type { QueuePolicy } from '../../../shared/protocol/common';
import { LIMITS } from '../../../shared/protocol/limits';
import { EditForm, Field, SelectField } from './EditForm';
import { draftOfStep, type StepTextField, stepChangeOf } from './stepDraft';
import { useDraft } from './useDraft';
import '../../styles/agendaEditor.css';

const POLICIES: readonly { value: QueuePolicy; label: string }[] = [
  { value: 'states-first', label: 'States first, then the others' },
  { value: 'arrival', label: 'In the order of asking' },
  { value: 'interleave', label: 'Interleave: one of the others after every few States' },
];

const REQUESTS_FROM: readonly { value: RequestsFrom; label: string }[] = [
  { value: 'step', label: 'From the start of this step' },
  { value: 'item', label: 'From the start of the item, during the presentations' },
];

/** "(default)" after a rule's name while the step sets none of its own. */
const Default = ({ when }: { when: boolean }) =>
  when ? <span className="quiet"> (default)</span> : null;

/**
 * A step's title and allowance (the limit and the warning point, in minutes and seconds), and
 * its rules of procedure: for a discussion, the order of the list, when requests may be made,
 * the clocks of group statements and of rights of reply; for every step, the clock of a point of
 * order. A rule the step does not set shows the default. One save sends one change.
 */
export const StepForm = ({ itemId, step }: { itemId: string; step: Step }) => {
  // Keyed on what the form shows: saving the step's speakers elsewhere leaves a draft alone.
  const [draft, setDraft] = useDraft(draftOfStep(step), (shown) => shown);
  const set = (field: StepTextField) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const floor = step.kind === 'floor' ? step : null;
  const what = floor ? 'each intervention' : 'each speaker';
  const clock = (label: string, field: StepTextField, placeholder: string) => (
    <Field
      label={`${label} (min:sec)`}
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
          {step.title} <span className="quiet">({floor ? 'floor' : 'speakers'})</span>
        </>
      }
      submitLabel="Save step"
      about={`“${step.title}”`}
      draft={() => stepChangeOf(itemId, step, draft)}
    >
      <Field
        label="Step title"
        value={draft.title}
        onChange={set('title')}
        maxLength={LIMITS.titleChars}
        className="wide"
      />
      {clock(`Limit for ${what}`, 'limit', '3:00')}
      {clock('Warning at', 'warning', '2:30')}
      {floor && (
        <>
          <fieldset className="edit-rule">
            <legend>The list of speakers</legend>
            <SelectField
              label="Order of statements"
              value={draft.queuePolicy}
              options={POLICIES}
              onChange={(queuePolicy) => setDraft((d) => ({ ...d, queuePolicy }))}
              className="wide"
            />
            {draft.queuePolicy === 'interleave' && (
              <Field
                label="States before one of the others"
                value={draft.interleaveEvery}
                onChange={set('interleaveEvery')}
                inputMode="numeric"
                maxLength={2}
                placeholder="3"
                className="short"
              />
            )}
            <SelectField
              label="Requests for the floor"
              value={draft.requestsFrom}
              options={REQUESTS_FROM}
              onChange={(requestsFrom) => setDraft((d) => ({ ...d, requestsFrom }))}
              className="full"
            />
          </fieldset>
          <fieldset className="edit-rule">
            <legend>
              Statements on behalf of a group
              <Default when={floor.groupAllowance === undefined} />
            </legend>
            {clock('Group statement limit', 'groupLimit', '5:00')}
            {clock('Group statement warning', 'groupWarning', '4:00')}
          </fieldset>
          <fieldset className="edit-rule">
            <legend>
              Rights of reply, at most two per delegation in an item
              <Default when={floor.replyAllowances === undefined} />
            </legend>
            {clock('First reply limit', 'firstReplyLimit', '10:00')}
            {clock('First reply warning', 'firstReplyWarning', '9:00')}
            {clock('Second reply limit', 'secondReplyLimit', '5:00')}
            {clock('Second reply warning', 'secondReplyWarning', '4:00')}
          </fieldset>
        </>
      )}
      <fieldset className="edit-rule">
        <legend>
          Points of order
          <Default when={step.pointOfOrderAllowance === undefined} />
        </legend>
        {clock('Point of order limit', 'pointOfOrderLimit', '2:00')}
        {clock('Point of order warning', 'pointOfOrderWarning', '1:30')}
      </fieldset>
    </EditForm>
  );
};
