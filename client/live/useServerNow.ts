import { useEffect, useState } from 'react';
import type { ServerClock } from './serverClock';

/**
 * The server's time, refreshed on each whole second of it: for times of day and waiting times,
 * which need no frame-by-frame drawing.
 */
export const useServerNow = (clock: ServerClock): number => {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const at = clock.now();
      setNow(at);
      timer = setTimeout(tick, 1000 - (at % 1000) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, [clock]);
  return now;
};
