import { currentStep, speakersToCome } from '../../shared/engine/places';
import type { Command } from '../../shared/protocol/commands';
import { BusyButton } from '../components/BusyButton';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { giveFloor } from '../meeting/seen';
import { AdHocSpeaker } from './AdHocSpeaker';
import { NextSpeakerButton } from './NextSpeakerButton';
import type { NextSpeaker } from './useNextSpeaker';
import { usePermissions } from './usePermissions';

/** A speakers step: its scheduled speakers, who has been heard, and who speaks next. */
export const SpeakersPanel = ({ next }: { next: NextSpeaker | null }) => {
  const t = useT();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
  if (!can('turn.start')) return null;
  const here = currentStep(view);
  const speakers = here?.step.kind === 'speakers' ? here.step.speakers : [];
  const toCome = new Set(speakersToCome(view).map((s) => s.id));
  const speaking = view.turn?.speaker.speakerId;
  // A point of order's turn keeps the speaker it interrupted: theirs again when it ends.
  const interrupted = view.interrupted?.speaker.speakerId;
  return (
    <section className="panel" aria-labelledby="speakers-heading">
      <h2 id="speakers-heading">{t('consoles.give-floor')}</h2>
      {next && <NextSpeakerButton next={next} />}
      <ol className="rows">
        {speakers.map((speaker) => {
          const command: Command = giveFloor(view, { speakerId: speaker.id });
          return (
            <li className="row" key={speaker.id}>
              <div className="row-main">
                <strong>{speaker.name}</strong>
                <span className="quiet"> {speaker.role}</span>
              </div>
              <span className="tag">
                {t(
                  speaker.id === speaking
                    ? 'consoles.speaking'
                    : speaker.id === interrupted
                      ? 'consoles.interrupted'
                      : toCome.has(speaker.id)
                        ? 'consoles.not-yet-heard'
                        : 'consoles.heard',
                )}
              </span>
              <BusyButton
                busy={pending}
                refusal={mayPress(command)}
                aria-label={t('consoles.give-floor-to', { name: speaker.name })}
                onClick={() => void send(command)}
              >
                {t('consoles.give-floor')}
              </BusyButton>
            </li>
          );
        })}
      </ol>
      <AdHocSpeaker />
    </section>
  );
};
