import { useCallback, useEffect, useState } from 'react';

/** The projector's full screen, toggled by F or a button. */
export const useFullscreen = (): { fullscreen: boolean; toggle: () => void } => {
  const [fullscreen, setFullscreen] = useState(() => document.fullscreenElement !== null);
  const toggle = useCallback(() => {
    const done = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen();
    // Refused (no user gesture, or a kiosk that forbids it): the screen stays as it is.
    done.catch(() => {});
  }, []);
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'f' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        toggle();
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      window.removeEventListener('keydown', onKey);
    };
  }, [toggle]);
  return { fullscreen, toggle };
};
