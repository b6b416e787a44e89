import type { Agenda } from '../../../shared/protocol/agenda';
import { LIMITS } from '../../../shared/protocol/limits';
import { useT } from '../../i18n/useT';
import { EditForm, Field } from './EditForm';
import { useDraft } from './useDraft';

/** The meeting's title and venue. */
export const MeetingForm = ({ agenda }: { agenda: Agenda }) => {
  const t = useT();
  const [draft, setDraft] = useDraft({ title: agenda.title, venue: agenda.venue ?? '' }, (s) => s);
  return (
    <EditForm
      legend={t('chair.meeting')}
      submitLabel={t('chair.save-meeting')}
      draft={() => ({
        change: {
          target: 'meeting',
          title: draft.title,
          ...(draft.venue.trim() !== '' && { venue: draft.venue }),
        },
      })}
    >
      <Field
        label={t('chair.meeting-title')}
        value={draft.title}
        onChange={(title) => setDraft((d) => ({ ...d, title }))}
        maxLength={LIMITS.titleChars}
        className="wide"
      />
      <Field
        label={t('chair.venue')}
        value={draft.venue}
        onChange={(venue) => setDraft((d) => ({ ...d, venue }))}
        maxLength={LIMITS.titleChars}
      />
    </EditForm>
  );
};
