import { Trans } from '@lingui/react';
import { Fragment, useId, useState } from 'react';
import type { DeviceCount, DevicesResponse } from '../../../shared/protocol/access';
import { TableBox } from '../../components/TableBox';
import { useT } from '../../i18n/useT';
import { RowNote } from './RowNote';
import type { AccessActions } from './useAccessActions';
import { delegationKey, foldName, hasDevices } from './words';

const COLUMNS = 4;

/** The rows in the order given (any the order does not know yet at the end). */
const inOrder = <T extends { delegationId: string }>(rows: T[], order: readonly string[]): T[] => {
  const place = new Map(order.map((id, index) => [id, index]));
  const at = (row: T) => place.get(row.delegationId) ?? order.length;
  return [...rows].sort((a, b) => at(a) - at(b));
};

interface DelegationRow extends DeviceCount {
  delegationId: string;
  /** In the page's language. */
  name: string;
  /** The roster's English name: a chair may search by it whatever the page's language. */
  english: string;
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
            <Trans
              id="chair.sign-out-devices-of"
              values={{ name }}
              components={{ 0: <span className="visually-hidden" /> }}
            />
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
            <Trans
              id="chair.new-code-of"
              values={{ name }}
              components={{ 0: <span className="visually-hidden" /> }}
            />
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
  const t = useT();
  const headingId = useId();
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const all: DelegationRow[] = (devices?.delegations ?? []).map((d) => ({
    ...d,
    name: nameOf(d.delegationId, d.name),
    english: d.name,
  }));
  const wanted = foldName(filter);
  const shown = inOrder(all, order).filter(
    (d) => foldName(d.name).includes(wanted) || foldName(d.english).includes(wanted),
  );
  const withDevices = all.filter(hasDevices).length;
  return (
    <section className="devices-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('chair.delegations')}</h2>
      <div className="devices-filter no-print">
        <label htmlFor={filterId}>{t('chair.find-delegation')}</label>
        <input
          id={filterId}
          type="search"
          value={filter}
          autoComplete="off"
          dir="auto"
          spellCheck={false}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      <p className="quiet">
        {devices === null
          ? t('chair.counting-devices')
          : `${t('chair.delegations-with-devices', { count: withDevices, total: all.length })} `}
        {/* Said when the search changes, not at every count. */}
        <span aria-live="polite">
          {devices !== null &&
            wanted !== '' &&
            t('chair.delegations-found', { count: shown.length })}
        </span>
      </p>
      <TableBox labelledBy={headingId}>
        <table className="devices-table">
          <thead>
            <tr>
              <th scope="col">{t('chair.delegation')}</th>
              <th scope="col" className="count">
                {t('chair.connected')}
              </th>
              <th scope="col" className="count">
                {t('chair.tokens')}
              </th>
              <th scope="col" className="devices-actions">
                <span className="visually-hidden">{t('chair.actions')}</span>
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
        <p>{t('chair.no-delegation-called', { name: filter.trim() })}</p>
      )}
    </section>
  );
};
