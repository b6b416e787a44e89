import { useCallback, useRef, useState } from 'react';
import type { Lang } from '../../shared/protocol/langs';
import { useLang } from '../i18n/languages';

export interface Announcement {
  id: number;
  text: string;
  /**
   * The language it was said in. The region keeps the last message after the page changes its
   * language: marked so, a screen reader that reads it again reads it with the right voice.
   */
  lang: Lang;
}

/**
 * What a screen tells screen readers of its own accord. Each message is said once: it is a new
 * node in the region, so the same words said twice (number 1 in line, then again after a while)
 * are heard twice, and nothing else in the region changes between messages.
 */
export const useAnnouncer = (): [Announcement | null, (text: string) => void] => {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  // Read when a message is said, so that `announce` stays the same function across a change of
  // language (an effect that announces must not run again for it).
  const lang = useRef<Lang>('en');
  lang.current = useLang();
  const next = useRef(1);
  const announce = useCallback((text: string) => {
    setAnnouncement({ id: next.current++, text, lang: lang.current });
  }, []);
  return [announcement, announce];
};

/**
 * The polite live region the announcements go to. It is on the page from the start (a region
 * added together with its text is not heard), and out of sight: the screen shows the same news.
 */
export const LiveRegion = ({ announcement }: { announcement: Announcement | null }) => (
  <div className="visually-hidden" role="status" aria-live="polite" data-announcer="">
    {announcement && (
      <p key={announcement.id} lang={announcement.lang}>
        {announcement.text}
      </p>
    )}
  </div>
);
