import type { RequestKind } from '../../shared/protocol/common';
import type { OnBehalfOf } from '../../shared/protocol/view';

/**
 * The room's words for what a request asks and whom a speaker speaks for, the same on every
 * screen: the display, the consoles, the tablet, the report.
 */
export const KIND_LABEL: Record<RequestKind, string> = {
  statement: 'Statement',
  reply: 'Right of reply',
  'point-of-order': 'Point of order',
};

/** "Egypt, on behalf of the African Group"; "Egypt" for its own statement. */
export const speakingFor = (
  delegationName: string,
  onBehalfOf: Pick<OnBehalfOf, 'name'> | undefined,
): string =>
  onBehalfOf ? `${delegationName}, on behalf of the ${onBehalfOf.name}` : delegationName;

/** The kind's label where it is not an ordinary statement: "Right of reply", "Point of order". */
export const kindNote = (kind: RequestKind | undefined): string | null =>
  kind === undefined || kind === 'statement' ? null : KIND_LABEL[kind];

/** "on behalf of the African Group", the line under a delegation speaking for a group. */
export const behalfLine = (onBehalfOf: Pick<OnBehalfOf, 'name'> | undefined): string | undefined =>
  onBehalfOf ? `on behalf of the ${onBehalfOf.name}` : undefined;

/**
 * A speaker as the room knows them, in one line: a delegation's turn by the delegation (and the
 * group it speaks for), anyone else by name. The interrupted turn's line on the screens.
 */
export const roomName = (speaker: {
  name: string;
  delegationName?: string | undefined;
  onBehalfOf?: Pick<OnBehalfOf, 'name'> | undefined;
}): string =>
  speaker.delegationName ? speakingFor(speaker.delegationName, speaker.onBehalfOf) : speaker.name;
