import type { Agenda } from '../../../shared/protocol/agenda';
import { LIMITS } from '../../../shared/protocol/limits';
import { EditForm, Field } from './EditForm';
import { useDraft } from './useDraft';

/** The meeting's title and venue. */
export const MeetingForm = ({ agenda }: { agenda: Agenda }) => {
  const [draft, setDraft] = useDraft({ title: agenda.title, venue: agenda.venue ?? '' }, (s) => s);
  return (
    <EditForm
      legend="Meeting"
      submitLabel="Save meeting"
      draft={() => ({
        change: {
          target: 'meeting',
          title: draft.title,
          ...(draft.venue.trim() !== '' && { venue: draft.venue }),
        },
      })}
    >
      <Field
        label="Title"
        value={draft.title}
        onChange={(title) => setDraft((d) => ({ ...d, title }))}
        maxLength={LIMITS.titleChars}
        className="wide"
      />
      <Field
        label="Venue"
        value={draft.venue}
        onChange={(venue) => setDraft((d) => ({ ...d, venue }))}
        maxLength={LIMITS.titleChars}
      />
    </EditForm>
  );
};
