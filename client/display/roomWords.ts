import { useMemo } from 'react';
import type { RequestKind } from '../../shared/protocol/common';
import type { OnBehalfOf } from '../../shared/protocol/view';
import { useNames } from '../i18n/names';
import { useT } from '../i18n/useT';

/**
 * What the room display, the podium and the overlay say of a speaker, in the language they show
 * (`display.lang`, client/i18n/languages.tsx): the kind of a request that is not a statement,
 * the group a delegation speaks for, delegations' and groups' names in that language (the
 * roster's `names`). Speakers' own names stay as the chair or the delegation wrote them.
 */
const KIND_NOTE: Record<RequestKind, string | null> = {
  statement: null,
  reply: 'room.kind-reply',
  'point-of-order': 'room.kind-point-of-order',
};

export interface RoomWords {
  /** "Right of reply", "Point of order": null for a statement (or an old server's turn). */
  kind: (kind: RequestKind | undefined) => string | null;
  /** "on behalf of the African Group", the line under a delegation speaking for a group. */
  behalf: (group: OnBehalfOf | undefined) => string | undefined;
  /** A delegation's name in the screen's language; the view's English without an id. */
  delegation: (delegationId: string | undefined, english: string) => string;
  /** "Egypt, on behalf of the African Group"; "Egypt" for its own statement. */
  speakingFor: (
    delegationId: string | undefined,
    english: string,
    group: OnBehalfOf | undefined,
  ) => string;
  /**
   * A speaker as the room knows them, in one line: a delegation's turn by the delegation (and the
   * group it speaks for), anyone else by name.
   */
  roomName: (speaker: {
    name: string;
    delegationId?: string | undefined;
    delegationName?: string | undefined;
    onBehalfOf?: OnBehalfOf | undefined;
  }) => string;
}

export const useRoomWords = (): RoomWords => {
  const t = useT();
  const names = useNames();
  return useMemo(() => {
    const delegation = (id: string | undefined, english: string) =>
      id === undefined ? english : names.delegation(id, english);
    const groupName = (group: OnBehalfOf) => names.group(group.id, group.name);
    const speakingFor: RoomWords['speakingFor'] = (id, english, group) =>
      group
        ? t('room.speaking-for', { delegation: delegation(id, english), group: groupName(group) })
        : delegation(id, english);
    return {
      kind: (kind) => {
        const id = kind === undefined ? null : KIND_NOTE[kind];
        return id === null ? null : t(id);
      },
      behalf: (group) => (group ? t('room.on-behalf-of', { group: groupName(group) }) : undefined),
      delegation,
      speakingFor,
      roomName: (speaker) =>
        speaker.delegationName
          ? speakingFor(speaker.delegationId, speaker.delegationName, speaker.onBehalfOf)
          : speaker.name,
    };
  }, [t, names]);
};
