import { useEffect, useState } from 'react';

/**
 * What a screen fetches once for a meeting (its roster, its groups): null until it arrives. The
 * room network may be down for a moment: a failed fetch is asked again every 3 s.
 */
export const useFetched = <T>(meetingId: string, fetch: (meetingId: string) => Promise<T>) => {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      fetch(meetingId).then(
        (answer) => {
          if (live) setValue(() => answer);
        },
        () => {
          if (live) timer = setTimeout(load, 3_000);
        },
      );
    };
    load();
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [meetingId, fetch]);
  return value;
};
