import type { RequestKind } from '../../shared/protocol/common';
import { useRequestWords } from '../meeting/useRequestWords';

/**
 * The badge of a request or a turn that is not an ordinary statement: "Right of reply", "Point of
 * order". Its words say it; the colour only repeats them.
 */
export const KindTag = ({ kind }: { kind: RequestKind | undefined }) => {
  const note = useRequestWords().kindNote(kind);
  return note ? <span className={`tag tag-kind kind-${kind}`}>{note}</span> : null;
};
