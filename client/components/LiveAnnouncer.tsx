import { useCallback, useRef, useState } from 'react';

export interface Announcement {
  id: number;
  text: string;
}

/**
 * What a screen tells screen readers of its own accord. Each message is said once: it is a new
 * node in the region, so the same words said twice (number 1 in line, then again after a while)
 * are heard twice, and nothing else in the region changes between messages.
 */
export const useAnnouncer = (): [Announcement | null, (text: string) => void] => {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const next = useRef(1);
  const announce = useCallback((text: string) => {
    setAnnouncement({ id: next.current++, text });
  }, []);
  return [announcement, announce];
};

/**
 * The polite live region the announcements go to. It is on the page from the start (a region
 * added together with its text is not heard), and out of sight: the screen shows the same news.
 */
export const LiveRegion = ({ announcement }: { announcement: Announcement | null }) => (
  <div className="visually-hidden" role="status" aria-live="polite" data-announcer="">
    {announcement && <p key={announcement.id}>{announcement.text}</p>}
  </div>
);
