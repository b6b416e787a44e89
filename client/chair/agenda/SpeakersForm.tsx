import type { AgendaItem, ScheduledSpeaker, SpeakersStep } from '../../../shared/protocol/agenda';
import { LIMITS } from '../../../shared/protocol/limits';
import { useT } from '../../i18n/useT';
import { EditForm, Field } from './EditForm';
import { newSpeakerId } from './speakerIds';
import { useDraft } from './useDraft';

/** A row of the form: a speaker of the agenda, or one being added (no id yet). */
interface Row {
  key: number;
  speaker: ScheduledSpeaker | null;
  name: string;
  role: string;
}

const rowsOf = (speakers: readonly ScheduledSpeaker[]): Row[] =>
  speakers.map((speaker, key) => ({ key, speaker, name: speaker.name, role: speaker.role }));

const move = <T,>(list: readonly T[], from: number, to: number): T[] => {
  const out = [...list];
  const [moved] = out.splice(from, 1);
  if (moved !== undefined) out.splice(to, 0, moved);
  return out;
};

/** Every id the item's speakers use, so a new speaker gets one of their own. */
const idsIn = (item: AgendaItem): Set<string> =>
  new Set(item.steps.flatMap((s) => (s.kind === 'speakers' ? s.speakers.map((p) => p.id) : [])));

/**
 * The scheduled speakers of a step: renamed, added, removed and put in order, then saved in one
 * change (the order is the order they are called in).
 */
export const SpeakersForm = ({ item, step }: { item: AgendaItem; step: SpeakersStep }) => {
  const t = useT();
  const [rows, setRows] = useDraft(step.speakers, rowsOf);
  const update = (key: number, patch: Partial<Pick<Row, 'name' | 'role'>>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () =>
    setRows((all) => [
      ...all,
      {
        key: Math.max(-1, ...all.map((r) => r.key)) + 1,
        speaker: null,
        name: '',
        // A role to start from, in the chair's words: it is saved (and shown) as typed.
        role: t('chair.speaker-role-default'),
      },
    ]);
  const draft = () => {
    const taken = idsIn(item);
    const speakers = rows.map((row): ScheduledSpeaker => {
      if (row.speaker) return { ...row.speaker, name: row.name, role: row.role };
      const id = newSpeakerId(row.name, taken);
      taken.add(id);
      return { id, name: row.name, role: row.role };
    });
    return { change: { target: 'speakers' as const, itemId: item.id, stepId: step.id, speakers } };
  };
  return (
    <EditForm
      legend={t('chair.speakers-of', { step: step.title })}
      submitLabel={t('chair.save-speakers')}
      about={t('chair.save-speakers-of', { step: step.title })}
      draft={draft}
    >
      <ol className="speaker-rows">
        {rows.map((row, i) => {
          const n = i + 1;
          const who = row.name.trim() || t('chair.speaker-n', { n });
          return (
            <li key={row.key} className="speaker-row">
              <Field
                label={t('chair.speaker-name', { n })}
                value={row.name}
                onChange={(name) => update(row.key, { name })}
                maxLength={LIMITS.nameChars}
              />
              <Field
                label={t('chair.speaker-role', { n })}
                value={row.role}
                onChange={(role) => update(row.key, { role })}
                maxLength={LIMITS.titleChars}
              />
              <div className="speaker-row-buttons">
                <button
                  type="button"
                  className="button-quiet button-small"
                  disabled={i === 0}
                  aria-label={t('chair.move-up', { who })}
                  onClick={() => setRows((all) => move(all, i, i - 1))}
                >
                  <span className="arrow-up">{t('chair.up')}</span>
                </button>
                <button
                  type="button"
                  className="button-quiet button-small"
                  disabled={i === rows.length - 1}
                  aria-label={t('chair.move-down', { who })}
                  onClick={() => setRows((all) => move(all, i, i + 1))}
                >
                  <span className="arrow-down">{t('chair.down')}</span>
                </button>
                <button
                  type="button"
                  className="button-quiet button-small"
                  aria-label={t('chair.remove-speaker', { who })}
                  onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                >
                  {t('chair.remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button-quiet" onClick={add}>
        {t('chair.add-speaker')}
      </button>
    </EditForm>
  );
};
