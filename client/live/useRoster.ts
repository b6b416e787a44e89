import { useEffect, useState } from 'react';
import type { Delegation } from '../../shared/protocol/agenda';
import { fetchRoster } from '../app/api';

/** The meeting's delegations, fetched once per screen; null until they arrive. */
export const useRoster = (meetingId: string): Delegation[] | null => {
  const [roster, setRoster] = useState<Delegation[] | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      fetchRoster(meetingId).then(
        (delegations) => {
          if (live) setRoster(delegations);
        },
        () => {
          // The room network may be down for a moment: ask again.
          if (live) timer = setTimeout(load, 3_000);
        },
      );
    };
    load();
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [meetingId]);
  return roster;
};
