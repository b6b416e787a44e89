import { useCallback, useState } from 'react';
import type { Command } from '../../shared/protocol/commands';
import type { CommandAck } from '../../shared/protocol/errors';
import { useLive } from './LiveContext';

/**
 * The live meeting's `send`, with whether this control's command is still waiting for its ack, so
 * a button cannot be pressed twice by the same hand.
 */
export const useCommand = (): [(command: Command) => Promise<CommandAck>, boolean] => {
  const { send } = useLive();
  const [pending, setPending] = useState(0);
  const run = useCallback(
    async (command: Command) => {
      setPending((n) => n + 1);
      try {
        return await send(command);
      } finally {
        setPending((n) => n - 1);
      }
    },
    [send],
  );
  return [run, pending > 0];
};
