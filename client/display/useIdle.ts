import { useEffect, useState } from 'react';

/** True once the pointer has rested for a while: the display hides its cursor and its buttons. */
export const useIdle = (afterMs = 3_000): boolean => {
  const [idle, setIdle] = useState(true);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      setIdle(false);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), afterMs);
    };
    window.addEventListener('pointermove', wake);
    window.addEventListener('pointerdown', wake);
    return () => {
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [afterMs]);
  return idle;
};
