import { useCallback, useState } from 'react';
import type { CommandAck } from '../../shared/protocol/errors';
import { useLive } from './LiveContext';
import type { LiveMeeting } from './useMeeting';

/**
 * The live meeting's `send`, with whether this control's command is still waiting for its ack, so
 * a button cannot be pressed twice by the same hand.
 */
export const useCommand = (): [LiveMeeting['send'], boolean] => {
  const { send } = useLive();
  const [pending, setPending] = useState(0);
  const run = useCallback(
    async (...args: Parameters<LiveMeeting['send']>): Promise<CommandAck> => {
      setPending((n) => n + 1);
      try {
        return await send(...args);
      } finally {
        setPending((n) => n - 1);
      }
    },
    [send],
  );
  return [run, pending > 0];
};
