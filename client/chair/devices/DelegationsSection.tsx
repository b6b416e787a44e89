import { Fragment, useId, useState } from 'react';
import type { DeviceCount, DevicesResponse } from '../../../shared/protocol/access';
import { TableBox } from '../../components/TableBox';
import { RowNote } from './RowNote';
import type { AccessActions } from './useAccessActions';
import { delegationKey, foldName, hasDevices, plural } from './words';

const COLUMNS = 4;

/** The rows in the order given (any the order does not know yet at the end). */
const inOrder = <T extends { delegationId: string }>(rows: T[], order: readonly string[]): T[] => {
  const place = new Map(order.map((id, index) => [id, index]));
  const at = (row: T) => place.get(row.delegationId) ?? order.length;
  return [...rows].sort((a, b) => at(a) - at(b));
};

interface DelegationRow extends DeviceCount {
  delegationId: string;
  name: string;
}

const Row = ({ row, actions }: { row: DelegationRow; actions: AccessActions }) => {
  const waiting = actions.pending !== null;
  const { delegationId, name } = row;
  return (
    <tr className={hasDevices(row) ? 'has-devices' : undefined}>
      <th scope="row">{name}</th>
      <td className="digits count">{row.connected}</td>
      <td className="digits count">{row.tokens}</td>
      <td className="devices-actions">
        <div className="devices-buttons">
          <button
            type="button"
            disabled={waiting}
            onClick={(event) =>
              actions.ask({ kind: 'sign-out', delegationId, name }, event.currentTarget)
            }
          >
            Sign out its devices<span className="visually-hidden">: {name}</span>
          </button>
          <button
            type="button"
            className="button-quiet"
            disabled={waiting}
            onClick={(event) =>
              actions.ask(
                { kind: 'rotate', holder: { role: 'delegate', delegationId }, name },
                event.currentTarget,
              )
            }
          >
            New code<span className="visually-hidden">: {name}</span>
          </button>
        </div>
      </td>
    </tr>
  );
};

/**
 * Every delegation of the roster with its devices (connected now, tokens held), those with
 * devices first, found by name; each can be signed out or given a new code.
 */
export const DelegationsSection = ({
  devices,
  order,
  nameOf,
  actions,
  meetingId,
}: {
  devices: DevicesResponse | null;
  order: readonly string[];
  nameOf: (delegationId: string, fallback: string) => string;
  actions: AccessActions;
  meetingId: string;
}) => {
  const headingId = useId();
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const all: DelegationRow[] = (devices?.delegations ?? []).map((d) => ({
    ...d,
    name: nameOf(d.delegationId, d.name),
  }));
  const wanted = foldName(filter);
  const shown = inOrder(all, order).filter((d) => foldName(d.name).includes(wanted));
  const withDevices = all.filter(hasDevices).length;
  return (
    <section className="devices-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Delegations</h2>
      <div className="devices-filter no-print">
        <label htmlFor={filterId}>Find a delegation</label>
        <input
          id={filterId}
          type="search"
          value={filter}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      <p className="quiet">
        {devices === null
          ? 'Counting the devices…'
          : `${plural(withDevices, 'delegation')} with devices, of ${all.length}. Those with devices come first, as of the last Refresh. `}
        {/* Said when the search changes, not at every count. */}
        <span aria-live="polite">
          {devices !== null && wanted !== '' && `${plural(shown.length, 'delegation')} found.`}
        </span>
      </p>
      <TableBox labelledBy={headingId}>
        <table className="devices-table">
          <thead>
            <tr>
              <th scope="col">Delegation</th>
              <th scope="col" className="count">
                Connected
              </th>
              <th scope="col" className="count">
                Tokens
              </th>
              <th scope="col" className="devices-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <Fragment key={row.delegationId}>
                <Row row={row} actions={actions} />
                <RowNote
                  rowKey={delegationKey(row.delegationId)}
                  columns={COLUMNS}
                  actions={actions}
                  meetingId={meetingId}
                />
              </Fragment>
            ))}
          </tbody>
        </table>
      </TableBox>
      {devices !== null && shown.length === 0 && (
        <p>No delegation of this meeting is called “{filter.trim()}”.</p>
      )}
    </section>
  );
};
