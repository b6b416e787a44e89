import { Fragment, useId } from 'react';
import type { DevicesResponse } from '../../../shared/protocol/access';
import type { MeetingCodes } from '../../../shared/protocol/http';
import { TableBox } from '../../components/TableBox';
import { RowNote } from './RowNote';
import type { AccessActions } from './useAccessActions';
import {
  groupedCode,
  hasDevices,
  OFFICER_ROLES,
  type OfficerRole,
  ROLE_DEVICES,
  roleHolder,
  roleKey,
} from './words';

const COLUMNS = 5;

const CodeCell = ({ shown, code }: { shown: boolean; code: string | undefined }) => {
  if (!shown) return <span className="quiet">Hidden</span>;
  if (code === undefined) return <span className="quiet">Reading…</span>;
  return <span className="code-text">{groupedCode(code)}</span>;
};

const RoleRow = ({
  role,
  devices,
  codes,
  showCodes,
  actions,
}: {
  role: OfficerRole;
  devices: DevicesResponse | null;
  codes: MeetingCodes | null;
  showCodes: boolean;
  actions: AccessActions;
}) => {
  const count = devices?.roles[role];
  return (
    <tr className={count && hasDevices(count) ? 'has-devices' : undefined}>
      <th scope="row">{ROLE_DEVICES[role]}</th>
      <td className="digits count">{count?.connected ?? '–'}</td>
      <td className="digits count">{count?.tokens ?? '–'}</td>
      <td className="devices-code-cell">
        <CodeCell shown={showCodes} code={codes?.[role]} />
      </td>
      <td className="devices-actions">
        <button
          type="button"
          disabled={actions.pending !== null}
          onClick={(event) => actions.ask(roleHolder(role), event.currentTarget)}
        >
          New code<span className="visually-hidden">: {ROLE_DEVICES[role]}</span>
        </button>
      </td>
    </tr>
  );
};

/**
 * The officers' devices and codes: chair consoles, moderator consoles, room displays, each with
 * its code (hidden unless asked for: people look over shoulders in a room) and a new code.
 */
export const RolesSection = ({
  devices,
  codes,
  showCodes,
  setShowCodes,
  actions,
  meetingId,
}: {
  devices: DevicesResponse | null;
  codes: MeetingCodes | null;
  showCodes: boolean;
  setShowCodes: (shown: boolean) => void;
  actions: AccessActions;
  meetingId: string;
}) => {
  const headingId = useId();
  const tableId = useId();
  const delegates = devices?.roles.delegate;
  return (
    <section className="devices-section" aria-labelledby={headingId}>
      <div className="devices-section-head">
        <h2 id={headingId}>Officers and displays</h2>
        <button
          type="button"
          className="button-quiet"
          aria-controls={tableId}
          onClick={() => setShowCodes(!showCodes)}
        >
          {showCodes ? 'Hide codes' : 'Show codes'}
        </button>
      </div>
      <TableBox labelledBy={headingId}>
        <table className="devices-table" id={tableId}>
          <thead>
            <tr>
              <th scope="col">Devices</th>
              <th scope="col" className="count">
                Connected
              </th>
              <th scope="col" className="count">
                Tokens
              </th>
              <th scope="col" className="devices-code-cell">
                Code
              </th>
              <th scope="col" className="devices-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {OFFICER_ROLES.map((role) => (
              <Fragment key={role}>
                <RoleRow
                  role={role}
                  devices={devices}
                  codes={codes}
                  showCodes={showCodes}
                  actions={actions}
                />
                <RowNote
                  rowKey={roleKey(role)}
                  columns={COLUMNS}
                  actions={actions}
                  meetingId={meetingId}
                />
              </Fragment>
            ))}
            <tr className="devices-total">
              <th scope="row">{ROLE_DEVICES.delegate}</th>
              <td className="digits count">{delegates?.connected ?? '–'}</td>
              <td className="digits count">{delegates?.tokens ?? '–'}</td>
              <td colSpan={2} className="quiet devices-code-cell">
                Each delegation has its own code (join cards).
              </td>
            </tr>
          </tbody>
        </table>
      </TableBox>
    </section>
  );
};
