import type { NextSpeaker } from './useNextSpeaker';

export const NextSpeakerButton = ({ next }: { next: NextSpeaker }) => (
  <button
    type="button"
    className="button-primary button-large next-speaker"
    disabled={!next.give || next.pending}
    onClick={() => next.give?.()}
    aria-keyshortcuts="N"
  >
    <span className="button-caption">Next speaker</span>
    <span className="button-detail">{next.label}</span>
  </button>
);
