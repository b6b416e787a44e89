import { useMemo } from 'react';
import type { QueueEntry } from '../../shared/protocol/view';
import { localeOf } from '../i18n/i18n';
import { useLang } from '../i18n/languages';
import { useT } from '../i18n/useT';
import type { NextLabel } from './presses';
import { useSharedWords } from './sharedWords';

export interface RequestNames {
  /**
   * How a button names a request: the delegation, and the kind when it is not a statement (a
   * delegation may wait with a statement and a point of order at once: two rows, two names).
   */
  named: (entry: Pick<QueueEntry, 'delegationId' | 'name' | 'kind'>) => string;
  /**
   * Whom "Next speaker" names: "Egypt, on behalf of the African Group", the speaker in brackets
   * when named, and the kind first when it is not a statement ("Point of order: Egypt"); a
   * scheduled speaker by name; or why nobody would get the floor.
   */
  next: (label: NextLabel) => string;
}

/** The consoles' names for requests, in the page's language. */
export const useRequestNames = (): RequestNames => {
  const t = useT();
  const words = useSharedWords();
  const lang = useLang();
  return useMemo(() => {
    const locale = localeOf(lang);
    return {
      named: (entry) => {
        const name = words.delegation(entry.delegationId, entry.name);
        const note = words.kindNote(entry.kind);
        return note
          ? t('consoles.request-named', { name, kind: note.toLocaleLowerCase(locale) })
          : name;
      },
      next: (label) => {
        if ('nobody' in label) {
          return t(label.nobody === 'waiting' ? 'consoles.nobody-waiting' : 'consoles.all-heard');
        }
        if ('speaker' in label) return label.speaker;
        const { request } = label;
        const who = words.speakingFor(
          { id: request.delegationId, name: request.name },
          request.onBehalfOf,
        );
        const named = request.speakerName
          ? t('consoles.who-and-speaker', { who, speaker: request.speakerName })
          : who;
        const note = words.kindNote(request.kind);
        return note ? t('consoles.kind-and-who', { kind: note, who: named }) : named;
      },
    };
  }, [t, words, lang]);
};
