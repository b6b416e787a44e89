import { currentStep } from '../../shared/engine/places';
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
import { SpeakingTimePanel } from './SpeakingTimePanel';
import '../styles/console.css';

const StatusNote = () => {
  const { view } = useLiveView();
  if (view.status === 'pending')
    return <p className="banner">The chair has not started the session yet.</p>;
  if (view.status === 'closed') return <p className="banner">The meeting is closed.</p>;
  if (view.status === 'suspended') {
    return (
      <p className="banner">
        The session is suspended{view.suspension?.note ? `: ${view.suspension.note}` : '.'}
      </p>
    );
  }
  return null;
};

/**
 * The panel moderator's console: the floor queue, the segments, the current turn and its cues,
 * and who has spoken how long.
 */
export const ModeratorScreen = () => {
  const t = useT();
  const { view } = useLiveView();
  const { askingNextStep, setAskingNextStep, next } = useConsoleShortcuts();
  const here = currentStep(view);
  return (
    <div className="console">
      <ScreenHeader screen="Moderator console" status={t(STATUS_WORDS[view.status])} />
      <ConsoleAlerts />
      <StatusNote />
      <main className="console-main">
        <div className="console-column">
          <section className="panel place" aria-labelledby="place-heading">
            <h2 id="place-heading">Now</h2>
            <p className="place-title">{here ? placeTitle(here) : 'No step under way'}</p>
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
