import { useMemo } from 'react';
import type { Located } from '../../shared/engine/places';
import type { Category, RequestKind } from '../../shared/protocol/common';
import type { MeetingView, OnBehalfOf, TurnSpeaker } from '../../shared/protocol/view';
import { timeInWords } from '../components/PhaseWatch';
import { placeTitle, STATUS_WORDS } from '../meeting/agenda';
import { whatLeavingEnds } from '../meeting/leavingStep';
import { useRequestWords } from '../meeting/useRequestWords';

/**
 * The words the consoles borrow from every screen's shared word makers (client/meeting,
 * client/components: the kinds of request, the categories, "on behalf of", the meeting's status,
 * a duration said in words), in the page's language, with delegations' and groups' names in it
 * too (`useNames`). The consoles reach those makers through here only, so that how they are
 * called is written once.
 */
export interface SharedWords {
  /** "Statement", "Right of reply", "Point of order". */
  kind: (kind: RequestKind) => string;
  /** The kind where it is not an ordinary statement; null for a statement. */
  kindNote: (kind: RequestKind | undefined) => string | null;
  /** "Member State", "Observer State"... */
  category: (category: Category) => string;
  /** "In session", "Suspended"... */
  status: (status: MeetingView['status']) => string;
  /** A delegation's name in the page's language; the English `name` where the roster has none. */
  delegation: (id: string, name: string) => string;
  group: (id: string, name: string) => string;
  /** "Egypt, on behalf of the African Group": a delegation and the group it speaks for. */
  speakingFor: (delegation: { id: string; name: string }, onBehalfOf?: OnBehalfOf) => string;
  /**
   * Who has (or had) the floor, by name: a delegation's turn with no speaker named by the
   * delegation's name in the page's language, a named speaker as named.
   */
  speaker: (speaker: Pick<TurnSpeaker, 'name' | 'delegationId' | 'delegationName'>) => string;
  /** "Expert panel 1: Interactive discussion": the agenda's titles, as the chair wrote them. */
  place: (place: Pick<Located, 'item' | 'step'>) => string;
  /** What leaving the current step for `to` ends (a turn, requests left unheard); null: nothing. */
  leaving: (view: MeetingView, to?: { itemId: string; stepId: string }) => string | null;
  /** "1 minute 30 seconds": a time left, as a screen reader says it. */
  timeInWords: (ms: number) => string;
  /** Names joined as the language joins a list: "Expert 1 and Expert 2". */
  list: (names: readonly string[]) => string;
}

export const useSharedWords = (): SharedWords => {
  const words = useRequestWords();
  return useMemo(
    () => ({
      kind: words.kind,
      kindNote: words.kindNote,
      category: words.category,
      status: (status) => words.t(STATUS_WORDS[status]),
      delegation: words.names.delegation,
      group: words.names.group,
      speakingFor: (delegation, onBehalfOf) =>
        words.speakingFor(words.names.delegation(delegation.id, delegation.name), onBehalfOf),
      speaker: words.speaker,
      place: placeTitle,
      leaving: (view, to) => whatLeavingEnds(words, view, to),
      timeInWords: (ms) => timeInWords(words.t, ms),
      list: words.list,
    }),
    [words],
  );
};
