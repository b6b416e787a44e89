import type { AgendaItem } from '../../../shared/protocol/agenda';
import { screenPath } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { useT } from '../../i18n/useT';
import { useLiveView } from '../../live/LiveContext';
import { ItemForm } from './ItemForm';
import { MeetingForm } from './MeetingForm';
import { SittingForm } from './SittingForm';
import { SpeakersForm } from './SpeakersForm';
import { StepForm } from './StepForm';

const ItemEditor = ({ item }: { item: AgendaItem }) => (
  <section className="panel item-editor" aria-labelledby={`edit-${item.id}`}>
    <h3 id={`edit-${item.id}`}>{item.title}</h3>
    <ItemForm item={item} />
    {item.steps.map((step) => (
      <div key={step.id} className="step-editor">
        <StepForm itemId={item.id} step={step} />
        {step.kind === 'speakers' && <SpeakersForm item={item} step={step} />}
      </div>
    ))}
  </section>
);

/**
 * The chair's agenda editor (`/m/<id>/chair/agenda`): titles, speakers, allowances and sittings,
 * before and during the session. Each form sends one change; the server refuses what would make
 * the agenda invalid and says which field.
 */
export const AgendaEditor = () => {
  const t = useT();
  const { view, session } = useLiveView();
  const { agenda } = view;
  return (
    <main className="agenda-editor">
      <div className="editor-head">
        <h2 id="editor-heading">{t('chair.edit-agenda')}</h2>
        <AppLink to={screenPath(session.meetingId, 'chair')} className="back-link">
          {t('chair.back-to-console')}
        </AppLink>
      </div>
      <p className="quiet">{t('chair.editor-lead', { zone: agenda.timeZone })}</p>
      <section className="panel" aria-labelledby="edit-meeting">
        <h3 id="edit-meeting">{t('chair.meeting-and-sittings')}</h3>
        <MeetingForm agenda={agenda} />
        {agenda.sittings.map((sitting, i) => (
          <SittingForm key={sitting.id} sitting={sitting} n={i + 1} />
        ))}
      </section>
      {agenda.items.map((item) => (
        <ItemEditor key={item.id} item={item} />
      ))}
    </main>
  );
};
