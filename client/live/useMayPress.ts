import { useMemo } from 'react';
import { useLiveView } from './LiveContext';
import { type MayPress, mayPressIn, type RosterKnown } from './mayPress';

/**
 * "May I press this?" on this screen, from the rules the server applies (see `mayPressIn`): a
 * button is enabled, or shown at all where it gives way to another ("Close list" and "Reopen
 * list"), exactly when its command would act. The permission table (`usePermissions`) still
 * decides which controls a role sees; this decides whether they act now.
 *
 * `roster`: the tablet's and "Add a request"'s delegations (null while loading); left out where
 * no delegation is involved.
 */
export const useMayPress = (roster: RosterKnown = 'none'): MayPress => {
  const { view, session, clock } = useLiveView();
  const { role, delegationId } = session;
  return useMemo(
    () =>
      mayPressIn(view, roster, { role, ...(delegationId !== undefined && { delegationId }) }, () =>
        clock.now(),
      ),
    [view, roster, role, delegationId, clock],
  );
};
