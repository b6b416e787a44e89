import { mayRoleSend } from '../../shared/permissions';
import type { CommandType } from '../../shared/protocol/commands';
import { useLive } from '../live/LiveContext';

/** Whether this screen's role may send a command: controls it may not use are not shown. */
export const usePermissions = (): ((type: CommandType) => boolean) => {
  const { session } = useLive();
  return (type) => mayRoleSend(session.role, type);
};
