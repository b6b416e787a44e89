import { useState } from 'react';
import { ScreenHeader } from '../components/ScreenHeader';
import { useLiveView } from '../live/LiveContext';
import { currentPlace, placeTitle, STATUS_LABEL } from '../meeting/agenda';
import { CurrentTurn } from '../officers/CurrentTurn';
import { FloorPanel } from '../officers/FloorPanel';
import { NextStep } from '../officers/NextStep';
import { ShortcutLegend } from '../officers/ShortcutLegend';
import { SpeakersPanel } from '../officers/SpeakersPanel';
import { togglePauseOf } from '../officers/useClockShortcut';
import { useNextSpeaker } from '../officers/useNextSpeaker';
import { useShortcuts } from '../officers/useShortcuts';
import { AgendaList } from './AgendaList';
import { SessionControls } from './SessionControls';
import '../styles/console.css';

/** The co-chairs' console: the agenda, the session, and the current turn. */
export const ChairScreen = () => {
  const { view, send } = useLiveView();
  const [askingNextStep, setAskingNextStep] = useState(false);
  const next = useNextSpeaker();
  const here = currentPlace(view);
  const live = view.status === 'running' || view.status === 'suspended';
  useShortcuts({
    togglePause: togglePauseOf(view, send),
    nextSpeaker: next?.give ?? null,
    askNextStep: live && here ? () => setAskingNextStep(true) : null,
  });
  return (
    <div className="console">
      <ScreenHeader screen="Chair console" status={STATUS_LABEL[view.status]} />
      <main className="console-main">
        <div className="console-column">
          <section className="panel place" aria-labelledby="place-heading">
            <h2 id="place-heading">Now</h2>
            <p className="place-title">{here ? placeTitle(here) : 'No step under way'}</p>
            <NextStep asking={askingNextStep} setAsking={setAskingNextStep} />
          </section>
          <CurrentTurn turn={view.turn} />
          {here?.step.kind === 'speakers' && <SpeakersPanel next={next} />}
          {here?.step.kind === 'floor' && <FloorPanel next={next} />}
        </div>
        <div className="console-column">
          <SessionControls />
          <AgendaList />
          <ShortcutLegend nextStep />
        </div>
      </main>
    </div>
  );
};
