import { currentStep } from '../../shared/engine/places';
import { ScreenHeader } from '../components/ScreenHeader';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { ConsoleAlerts } from '../officers/ConsoleAlerts';
import { CurrentTurn } from '../officers/CurrentTurn';
import { FloorPanel, StepRequestsPanel } from '../officers/FloorPanel';
import { NextStep } from '../officers/NextStep';
import { ShortcutLegend } from '../officers/ShortcutLegend';
import { SpeakersPanel } from '../officers/SpeakersPanel';
import { useSharedWords } from '../officers/sharedWords';
import { useConsoleShortcuts } from '../officers/useConsoleShortcuts';
import { SpeakingTimePanel } from './SpeakingTimePanel';
import '../styles/console.css';

const StatusNote = () => {
  const t = useT();
  const { view } = useLiveView();
  if (view.status === 'pending') return <p className="banner">{t('consoles.status-pending')}</p>;
  if (view.status === 'closed') return <p className="banner">{t('consoles.status-closed')}</p>;
  if (view.status === 'suspended') {
    const note = view.suspension?.note;
    return (
      <p className="banner">
        {note ? t('consoles.status-suspended-note', { note }) : t('consoles.status-suspended')}
      </p>
    );
  }
  return null;
};

/**
 * The panel moderator's console: the floor queue, the segments, the current turn and its cues,
 * and who has spoken how long. Its header has the device's language menu: the console speaks the
 * moderator's language, whatever the room display's.
 */
export const ModeratorScreen = () => {
  const t = useT();
  const words = useSharedWords();
  const { view } = useLiveView();
  const { askingNextStep, setAskingNextStep, next } = useConsoleShortcuts();
  const here = currentStep(view);
  return (
    <div className="console">
      <ScreenHeader
        screen={t('app.screen-moderator')}
        status={words.status(view.status)}
      ></ScreenHeader>
      <ConsoleAlerts />
      <StatusNote />
      <main className="console-main">
        <div className="console-column">
          <section className="panel place" aria-labelledby="place-heading">
            <h2 id="place-heading">{t('consoles.now')}</h2>
            <p className="place-title">{here ? words.place(here) : t('consoles.no-step')}</p>
            <NextStep asking={askingNextStep} setAsking={setAskingNextStep} />
          </section>
          <CurrentTurn turn={view.turn} />
          <SpeakingTimePanel />
          <ShortcutLegend nextStep />
        </div>
        <div className="console-column">
          {here?.step.kind === 'floor' && <FloorPanel next={next} />}
          {here?.step.kind === 'speakers' && (
            <>
              <SpeakersPanel next={next} />
              <StepRequestsPanel />
            </>
          )}
        </div>
      </main>
    </div>
  );
};
