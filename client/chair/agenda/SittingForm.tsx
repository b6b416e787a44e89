import type { Sitting } from '../../../shared/protocol/agenda';
import { LIMITS } from '../../../shared/protocol/limits';
import { useT } from '../../i18n/useT';
import { EditForm, Field } from './EditForm';
import { useDraft } from './useDraft';

/** One sitting: its date and its start and end, in the agenda's time zone. */
export const SittingForm = ({ sitting, n }: { sitting: Sitting; n: number }) => {
  const [draft, setDraft] = useDraft(sitting, (s) => ({ ...s, title: s.title ?? '' }));
  const t = useT();
  const name = sitting.title ?? t('chair.sitting-n', { n });
  const set = (field: 'title' | 'date' | 'start' | 'end') => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  return (
    <EditForm
      legend={name}
      submitLabel={t('chair.save-sitting', { name })}
      className="sitting-form"
      draft={() => ({
        change: {
          target: 'sitting',
          sittingId: sitting.id,
          ...(draft.title.trim() !== '' && { title: draft.title }),
          date: draft.date,
          start: draft.start,
          end: draft.end,
        },
      })}
    >
      <Field
        label={t('chair.sitting-name')}
        value={draft.title}
        onChange={set('title')}
        maxLength={LIMITS.titleChars}
      />
      <Field
        label={t('chair.sitting-date')}
        type="date"
        value={draft.date}
        onChange={set('date')}
      />
      <Field
        label={t('chair.sitting-starts')}
        type="time"
        value={draft.start}
        onChange={set('start')}
      />
      <Field label={t('chair.sitting-ends')} type="time" value={draft.end} onChange={set('end')} />
    </EditForm>
  );
};
