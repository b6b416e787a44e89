import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { Names } from '../../shared/protocol/agenda';
import { useGroups, useRoster } from '../live/useRoster';
import { useLang } from './languages';

/**
 * Delegations' and groups' names in the page's language (contract version 2, "Languages"): the
 * roster's `names`, fetched once per screen; the English `name` the view carries where the roster
 * has none (or until it arrives). Speakers' names and agenda titles stay as the chair wrote them.
 */
interface Known {
  delegations: ReadonlyMap<string, Names>;
  groups: ReadonlyMap<string, Names>;
}

const NamesContext = createContext<Known | null>(null);

export const NamesProvider = ({
  meetingId,
  children,
}: {
  meetingId: string;
  children: ReactNode;
}) => {
  const roster = useRoster(meetingId);
  const groups = useGroups(meetingId);
  const known = useMemo<Known>(
    () => ({
      delegations: new Map((roster ?? []).flatMap((d) => (d.names ? [[d.id, d.names]] : []))),
      groups: new Map((groups ?? []).flatMap((g) => (g.names ? [[g.id, g.names]] : []))),
    }),
    [roster, groups],
  );
  return <NamesContext.Provider value={known}>{children}</NamesContext.Provider>;
};

export interface NameOf {
  /** A delegation's name in the page's language; `english` (the view's) when it has none. */
  delegation: (id: string, english: string) => string;
  group: (id: string, english: string) => string;
}

export const useNames = (): NameOf => {
  const lang = useLang();
  const known = useContext(NamesContext);
  return useMemo(() => {
    const pick = (names: Names | undefined, english: string) =>
      (lang !== 'en' && names?.[lang]) || english;
    return {
      delegation: (id, english) => pick(known?.delegations.get(id), english),
      group: (id, english) => pick(known?.groups.get(id), english),
    };
  }, [lang, known]);
};
