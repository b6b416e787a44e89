import type { Step } from '../../../shared/protocol/agenda';
import { LIMITS } from '../../../shared/protocol/limits';
import { minutesSeconds, parseMinutesSeconds } from '../../meeting/duration';
import { EditForm, Field } from './EditForm';
import { useDraft } from './useDraft';

/** A step's title and allowance: the limit and the warning point, in minutes and seconds. */
export const StepForm = ({ itemId, step }: { itemId: string; step: Step }) => {
  const [draft, setDraft] = useDraft({ title: step.title, allowance: step.allowance }, (s) => ({
    title: s.title,
    limit: minutesSeconds(s.allowance.limitMs),
    warning: minutesSeconds(s.allowance.warnAtMs),
  }));
  const set = (field: 'title' | 'limit' | 'warning') => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const what = step.kind === 'floor' ? 'each intervention' : 'each speaker';
  return (
    <EditForm
      legend={
        <>
          {step.title}{' '}
          <span className="quiet">({step.kind === 'floor' ? 'floor' : 'speakers'})</span>
        </>
      }
      submitLabel="Save step"
      about={`“${step.title}”`}
      draft={() => {
        const limitMs = parseMinutesSeconds(draft.limit);
        const warnAtMs = parseMinutesSeconds(draft.warning);
        if (limitMs === null) return { problem: 'Limit: write minutes:seconds, such as 3:00.' };
        if (warnAtMs === null) {
          return { problem: 'Warning at: write minutes:seconds, such as 2:30.' };
        }
        return {
          change: {
            target: 'step',
            itemId,
            stepId: step.id,
            title: draft.title,
            allowance: { ...step.allowance, limitMs, warnAtMs },
          },
        };
      }}
    >
      <Field
        label="Step title"
        value={draft.title}
        onChange={set('title')}
        maxLength={LIMITS.titleChars}
        className="wide"
      />
      <Field
        label={`Limit for ${what} (min:sec)`}
        value={draft.limit}
        onChange={set('limit')}
        placeholder="3:00"
        className="short"
      />
      <Field
        label="Warning at (min:sec)"
        value={draft.warning}
        onChange={set('warning')}
        placeholder="2:30"
        className="short"
      />
    </EditForm>
  );
};
