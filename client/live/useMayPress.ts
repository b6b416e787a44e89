import { useMemo } from 'react';
import { useT } from '../i18n/useT';
import { useLiveView } from './LiveContext';
import { type GroupsKnown, type MayPress, mayPressIn, type RosterKnown } from './mayPress';

/**
 * "May I press this?" on this screen, from the rules the server applies (see `mayPressIn`): a
 * button is enabled, or shown at all where it gives way to another ("Close list" and "Reopen
 * list"), exactly when its command would act. The permission table (`usePermissions`) still
 * decides which controls a role sees; this decides whether they act now.
 *
 * `roster`: the tablet's and "Add a request"'s delegations (null while loading); left out where
 * no delegation is involved. `groups`: the meeting's groups (`useGroups`, null while loading),
 * where a statement may be made on behalf of one; left out elsewhere.
 */
export const useMayPress = (
  roster: RosterKnown = 'none',
  groups: GroupsKnown = 'none',
): MayPress => {
  const t = useT();
  const { view, session, clock } = useLiveView();
  const { role, delegationId } = session;
  return useMemo(
    () =>
      mayPressIn(
        view,
        roster,
        { role, ...(delegationId !== undefined && { delegationId }) },
        () => clock.now(),
        groups,
        (id) => t(id),
      ),
    [view, roster, groups, role, delegationId, clock, t],
  );
};
