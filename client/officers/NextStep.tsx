import { mayRoleClose } from '../../shared/permissions';
import { ConfirmQuestion } from '../components/ConfirmButton';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { currentPlace, nextPlace, placeTitle } from '../meeting/agenda';
import { usePermissions } from './usePermissions';

interface Props {
  /** Shift+N opens the question; the button itself acts at once. */
  asking: boolean;
  setAsking: (asking: boolean) => void;
}

/**
 * "Next step", naming the step that follows. It sends the step it moves from, so a second press
 * (the other co-chair's) is refused instead of skipping a step, while a request arriving in
 * between changes nothing.
 */
export const NextStep = ({ asking, setAsking }: Props) => {
  const { view, session } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const here = currentPlace(view);
  if (!here || !can('agenda.next') || view.status === 'pending' || view.status === 'closed') {
    return null;
  }
  const next = nextPlace(view);
  // The last step's "next" closes the meeting, and closing is the chair's (PROTOCOL.md v2).
  if (!next && !mayRoleClose(session.role)) {
    return <p className="quiet">This is the last step: only a chair may close the meeting.</p>;
  }
  const label = next ? placeTitle(next) : 'End of the agenda: the meeting closes';
  const go = () =>
    void send({ type: 'agenda.next', fromItemId: here.item.id, fromStepId: here.step.id });
  if (asking) {
    return (
      <ConfirmQuestion
        question={next ? `Move on to "${label}"?` : 'This is the last step. Close the meeting?'}
        confirmLabel={next ? 'Yes, next step' : 'Yes, close the meeting'}
        onConfirm={() => {
          setAsking(false);
          go();
        }}
        onCancel={() => setAsking(false)}
      />
    );
  }
  return (
    <button
      type="button"
      className="button-large next-step"
      disabled={pending}
      aria-keyshortcuts="Shift+N"
      // The last step's "next" closes the meeting: that one always asks.
      onClick={next ? go : () => setAsking(true)}
    >
      <span className="button-caption">Next step</span>
      <span className="button-detail">{label}</span>
    </button>
  );
};
