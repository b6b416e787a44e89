import { currentStep } from '../../shared/engine/places';
import { useRoute } from '../app/router';
import { ScreenHeader } from '../components/ScreenHeader';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { placeTitle, STATUS_WORDS } from '../meeting/agenda';
import { ConsoleAlerts } from '../officers/ConsoleAlerts';
import { CurrentTurn } from '../officers/CurrentTurn';
import { FloorPanel, StepRequestsPanel } from '../officers/FloorPanel';
import { NextStep } from '../officers/NextStep';
import { ShortcutLegend } from '../officers/ShortcutLegend';
import { SpeakersPanel } from '../officers/SpeakersPanel';
import { useConsoleShortcuts } from '../officers/useConsoleShortcuts';
import { AgendaList } from './AgendaList';
import { AgendaEditor } from './agenda/AgendaEditor';
import { ChairLinks } from './ChairLinks';
import { RoomDisplayPanel } from './RoomDisplayPanel';
import { SessionControls } from './SessionControls';
import { DiscussionTime } from './schedule/DiscussionTime';
import { ScheduleProvider } from './schedule/ScheduleContext';
import { SchedulePanel } from './schedule/SchedulePanel';
import { ScheduleStatus } from './schedule/ScheduleStatus';
import '../styles/console.css';
import '../styles/chair.css';

/** The console itself: the agenda, the session, the current turn, the schedule. */
const ChairConsole = () => {
  const t = useT();
  const { view } = useLiveView();
  const { askingNextStep, setAskingNextStep, next } = useConsoleShortcuts();
  const here = currentStep(view);
  return (
    <main className="console-main">
      <div className="console-column">
        <section className="panel place" aria-labelledby="place-heading">
          <h2 id="place-heading">{t('chair.now')}</h2>
          <p className="place-title">{here ? placeTitle(here) : t('chair.no-step')}</p>
          <DiscussionTime />
          <NextStep asking={askingNextStep} setAsking={setAskingNextStep} />
        </section>
        <CurrentTurn turn={view.turn} />
        {here?.step.kind === 'speakers' && (
          <>
            <SpeakersPanel next={next} />
            <StepRequestsPanel />
          </>
        )}
        {here?.step.kind === 'floor' && <FloorPanel next={next} />}
      </div>
      <div className="console-column">
        <SessionControls />
        <RoomDisplayPanel />
        <SchedulePanel />
        <ChairLinks />
        <AgendaList />
        <ShortcutLegend nextStep />
      </div>
    </main>
  );
};

/**
 * The co-chairs' console, and its agenda editor (`/m/<id>/chair/agenda`). The header keeps the
 * schedule in view on both.
 */
export const ChairScreen = () => {
  const t = useT();
  const { view } = useLiveView();
  const route = useRoute();
  const editing = route.page === 'screen' && route.section === 'agenda';
  return (
    <ScheduleProvider>
      <div className="console">
        <ScreenHeader screen={t('app.screen-chair')} status={t(STATUS_WORDS[view.status])}>
          <ScheduleStatus />
          {/* This console's own language; the room's is chosen in the "Room display" panel. */}
        </ScreenHeader>
        {/* Above the agenda editor too: a point of order, or a black room, does not wait for an edit. */}
        <ConsoleAlerts />
        {editing ? <AgendaEditor /> : <ChairConsole />}
      </div>
    </ScheduleProvider>
  );
};
