import { useId } from 'react';
import type { Command } from '../../shared/protocol/commands';
import type { ReasonedRefusal } from '../../shared/protocol/refusals';
import type { TurnView } from '../../shared/protocol/view';
import { BusyButton } from '../components/BusyButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { useT } from '../i18n/useT';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { useRefusalWords } from '../live/useRefusalWords';
import { usePermissions } from './usePermissions';

/**
 * What each button shows ("−1 min"), and what it is called: the shown text first, as a voice user
 * says it ("−1 min: remove one minute", the name's message taking the label as `{label}`).
 */
const ADJUSTMENTS = [
  {
    deltaMs: -60_000,
    label: 'consoles.adjust-minus-1-min',
    name: 'consoles.adjust-minus-1-min-name',
  },
  {
    deltaMs: -30_000,
    label: 'consoles.adjust-minus-30-s',
    name: 'consoles.adjust-minus-30-s-name',
  },
  { deltaMs: 30_000, label: 'consoles.adjust-plus-30-s', name: 'consoles.adjust-plus-30-s-name' },
  { deltaMs: 60_000, label: 'consoles.adjust-plus-1-min', name: 'consoles.adjust-plus-1-min-name' },
] as const;

type Adjustment = (typeof ADJUSTMENTS)[number];

/**
 * One time button: it keeps the focus while its command waits, for the next press; the chart
 * refuses taking away more time than the turn was given.
 */
const AdjustButton = ({
  adjustment: { label, name },
  busy,
  refusal,
  onPress,
}: {
  adjustment: Adjustment;
  busy: boolean;
  refusal: ReasonedRefusal | null;
  onPress: () => void;
}) => {
  const t = useT();
  return (
    <BusyButton
      aria-label={t(name, { label: t(label) })}
      busy={busy}
      refusal={refusal}
      onClick={onPress}
    >
      {t(label)}
    </BusyButton>
  );
};

/**
 * The clock buttons of the current turn. Each names the turn it means (`turnId`), so a press
 * that arrives after the turn changed is refused rather than acting on the next speaker. Pause
 * and Resume share a place: the one the chart lets act is shown, Resume (refused) while the
 * session is suspended, with the chart's reason under it.
 */
export const TurnControls = ({
  turn,
  interrupted = null,
}: {
  turn: TurnView;
  /** The turn a point of order interrupted: ending the point of order gives it back. */
  interrupted?: TurnView | null;
}) => {
  const t = useT();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
  const sayRefusal = useRefusalWords();
  const reasonId = useId();
  const clockButton = useTakesFocus<HTMLButtonElement>('turn-clock');
  const onTurn = (type: 'turn.pause' | 'turn.resume' | 'turn.end'): Command => ({
    type,
    turnId: turn.id,
  });
  const press = (command: Command) => {
    // Pause gives way to Resume and back; after End turn, the next speaker is what comes next,
    // unless the turn ends a point of order: then the interrupted turn's Resume is.
    passFocusTo(command.type === 'turn.end' && !interrupted ? 'next-speaker' : 'turn-clock');
    void send(command);
  };
  const pause = onTurn('turn.pause');
  const resume = onTurn('turn.resume');
  const end = onTurn('turn.end');
  const pauses = mayPress(pause) === null;
  const resumeRefused = pauses ? null : mayPress(resume);
  return (
    <div className="turn-controls">
      <div className="button-row">
        {pauses && can('turn.pause') && (
          <BusyButton
            ref={clockButton}
            className="button-primary"
            busy={pending}
            onClick={() => press(pause)}
          >
            {t('consoles.pause')}
          </BusyButton>
        )}
        {!pauses && can('turn.resume') && (
          <BusyButton
            ref={clockButton}
            className="button-primary"
            busy={pending}
            refusal={resumeRefused}
            aria-describedby={resumeRefused ? reasonId : undefined}
            onClick={() => press(resume)}
          >
            {t('consoles.resume')}
          </BusyButton>
        )}
        {can('turn.end') && (
          <BusyButton busy={pending} refusal={mayPress(end)} onClick={() => press(end)}>
            {t(
              turn.speaker.kind === 'point-of-order'
                ? 'consoles.end-point-of-order'
                : 'consoles.end-turn',
            )}
          </BusyButton>
        )}
      </div>
      {resumeRefused && can('turn.resume') && (
        <p className="quiet" id={reasonId}>
          {sayRefusal(resumeRefused)}
        </p>
      )}
      {can('turn.adjust') && (
        <fieldset className="button-row">
          <legend className="visually-hidden">{t('consoles.adjust-the-time')}</legend>
          {ADJUSTMENTS.map((adjustment) => {
            const command: Command = {
              type: 'turn.adjust',
              turnId: turn.id,
              fromLimitMs: turn.limitMs,
              deltaMs: adjustment.deltaMs,
            };
            return (
              <AdjustButton
                key={adjustment.deltaMs}
                adjustment={adjustment}
                busy={pending}
                refusal={mayPress(command)}
                onPress={() => void send(command)}
              />
            );
          })}
        </fieldset>
      )}
    </div>
  );
};
