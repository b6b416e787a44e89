import type { Category } from '../../shared/categories';
import type { RequestKind } from '../../shared/protocol/common';
import type { Lang } from '../../shared/protocol/langs';
import type { OnBehalfOf } from '../../shared/protocol/view';
import { localeOf } from '../i18n/i18n';
import type { NameOf } from '../i18n/names';
import type { T } from '../i18n/useT';

/**
 * The room's words for what a request asks and whom a speaker speaks for, the same on every
 * screen: the display, the consoles, the tablet, the report. They are in the `common`
 * catalogue (`words.*`), which every screen loads.
 */

/** What a request asks for: message ids ("Statement", "Right of reply", "Point of order"). */
export const KIND_WORDS: Record<RequestKind, string> = {
  statement: 'words.kind-statement',
  reply: 'words.kind-reply',
  'point-of-order': 'words.kind-point-of-order',
};

/** A delegation's category: message ids ("Member State", "Observer State"...). */
export const CATEGORY_WORDS: Record<Category, string> = {
  'member-state': 'words.category-member-state',
  observer: 'words.category-observer',
  igo: 'words.category-igo',
  'un-system': 'words.category-un-system',
  stakeholder: 'words.category-stakeholder',
};

/** A speaker as the view names them: a person, or a delegation speaking for itself. */
interface NamedSpeaker {
  name: string;
  delegationId?: string | undefined;
  delegationName?: string | undefined;
  onBehalfOf?: OnBehalfOf | undefined;
}

/**
 * The room's words in the page's language, with delegations and groups named in it (their
 * roster `names`). Screens get it from `useRequestWords()` (./useRequestWords.ts); pure readings of the meeting that
 * speak (the tablet's news, what leaving a step ends) take it as their first argument, so a test
 * can give them any language's catalogues.
 */
export interface RequestWords {
  /** The page's messages. */
  t: T;
  /** Delegations' and groups' names in the page's language. */
  names: NameOf;
  /** "Statement", "Right of reply", "Point of order". */
  kind: (kind: RequestKind) => string;
  /** The kind's words where it is not an ordinary statement: "Right of reply", "Point of order". */
  kindNote: (kind: RequestKind | undefined) => string | null;
  category: (category: Category) => string;
  /** A group spoken for, in the page's language. */
  group: (onBehalfOf: OnBehalfOf) => string;
  /** The delegation a speaker speaks for, in the page's language; null for anyone else. */
  delegation: (speaker: NamedSpeaker) => string | null;
  /**
   * Who has the floor as the screens name them: a delegation speaking for itself in the page's
   * language, a person as the chair or the delegation wrote their name.
   */
  speaker: (speaker: NamedSpeaker) => string;
  /** "Egypt, on behalf of the African Group"; `who` alone for its own statement. */
  speakingFor: (who: string, onBehalfOf: OnBehalfOf | undefined) => string;
  /** "on behalf of the African Group", the line under a delegation speaking for a group. */
  behalfLine: (onBehalfOf: OnBehalfOf | undefined) => string | undefined;
  /**
   * A speaker as the room knows them, in one line: a delegation's turn by the delegation (and the
   * group it speaks for), anyone else by name. The interrupted turn's line on the screens.
   */
  roomName: (speaker: NamedSpeaker) => string;
  /** "Ms. Ana Pérez (Egypt, on behalf of the African Group)"; the delegation alone if unnamed. */
  whoSpeaks: (speaker: NamedSpeaker) => string;
  /** "A, B and C" as the language lists things. */
  list: (items: readonly string[]) => string;
}

/** The room's words in a language: `t` of its catalogues, `names` of its roster's names. */
export const requestWords = (t: T, names: NameOf, lang: Lang): RequestWords => {
  const group = (onBehalfOf: OnBehalfOf) => names.group(onBehalfOf.id, onBehalfOf.name);
  const delegationOf = (speaker: NamedSpeaker): string | null =>
    speaker.delegationName === undefined
      ? null
      : speaker.delegationId === undefined
        ? speaker.delegationName
        : names.delegation(speaker.delegationId, speaker.delegationName);
  const speakingFor = (who: string, onBehalfOf: OnBehalfOf | undefined) =>
    onBehalfOf ? t('words.speaking-for', { delegation: who, group: group(onBehalfOf) }) : who;
  const speaker = (s: NamedSpeaker) =>
    s.delegationName !== undefined && s.name === s.delegationName
      ? (delegationOf(s) ?? s.name)
      : s.name;
  const listFormat = new Intl.ListFormat(localeOf(lang), { style: 'long', type: 'conjunction' });
  return {
    t,
    names,
    kind: (kind) => t(KIND_WORDS[kind]),
    kindNote: (kind) => (kind === undefined || kind === 'statement' ? null : t(KIND_WORDS[kind])),
    category: (category) => t(CATEGORY_WORDS[category]),
    group,
    delegation: delegationOf,
    speaker,
    speakingFor,
    behalfLine: (onBehalfOf) =>
      onBehalfOf ? t('words.on-behalf-of', { group: group(onBehalfOf) }) : undefined,
    roomName: (s) => {
      const delegation = delegationOf(s);
      return delegation === null ? s.name : speakingFor(delegation, s.onBehalfOf);
    },
    whoSpeaks: (s) => {
      const delegation = delegationOf(s);
      if (delegation !== null && s.delegationName !== s.name) {
        return t('words.person-for', {
          person: s.name,
          delegation: speakingFor(delegation, s.onBehalfOf),
        });
      }
      return speakingFor(speaker(s), s.onBehalfOf);
    },
    list: (items) => listFormat.format(items),
  };
};
