import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { scheduledSpeakers } from '../meeting/agenda';
import { sameFloor } from '../meeting/preconditions';
import { AdHocSpeaker } from './AdHocSpeaker';
import { NextSpeakerButton } from './NextSpeakerButton';
import type { NextSpeaker } from './useNextSpeaker';
import { usePermissions } from './usePermissions';

/** A speakers step: its scheduled speakers, who has been heard, and who speaks next. */
export const SpeakersPanel = ({ next }: { next: NextSpeaker | null }) => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  if (!can('turn.start')) return null;
  const speakers = scheduledSpeakers(view);
  const speaking = view.turn?.speaker.speakerId;
  const running = view.status === 'running';
  return (
    <section className="panel" aria-labelledby="speakers-heading">
      <h2 id="speakers-heading">Give the floor</h2>
      {next && <NextSpeakerButton next={next} />}
      <ol className="rows">
        {speakers.map(({ speaker, heard }) => (
          <li className="row" key={speaker.id}>
            <div className="row-main">
              <strong>{speaker.name}</strong>
              <span className="quiet"> {speaker.role}</span>
            </div>
            <span className="tag">
              {speaker.id === speaking ? 'Speaking' : heard ? 'Heard' : 'Not yet heard'}
            </span>
            <button
              type="button"
              disabled={pending || !running}
              aria-label={`Give the floor to ${speaker.name}`}
              onClick={() =>
                void send(
                  { type: 'turn.start', speakerId: speaker.id, expectedVersion: view.version },
                  sameFloor(view),
                )
              }
            >
              Give the floor
            </button>
          </li>
        ))}
      </ol>
      {running && <AdHocSpeaker />}
    </section>
  );
};
