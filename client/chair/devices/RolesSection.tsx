import { Trans } from '@lingui/react';
import { Fragment, useId } from 'react';
import type { DevicesResponse } from '../../../shared/protocol/access';
import type { MeetingCodes } from '../../../shared/protocol/http';
import { TableBox } from '../../components/TableBox';
import { useT } from '../../i18n/useT';
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
  const t = useT();
  if (!shown) return <span className="quiet">{t('chair.code-hidden')}</span>;
  if (code === undefined) return <span className="quiet">{t('chair.code-reading')}</span>;
  return (
    <span className="code-text" dir="ltr">
      {groupedCode(code)}
    </span>
  );
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
  const t = useT();
  const count = devices?.roles[role];
  const devicesOfRole = t(ROLE_DEVICES[role]);
  return (
    <tr className={count && hasDevices(count) ? 'has-devices' : undefined}>
      <th scope="row">{devicesOfRole}</th>
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
          <Trans
            id="chair.new-code-of"
            values={{ name: devicesOfRole }}
            components={{ 0: <span className="visually-hidden" /> }}
          />
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
  const t = useT();
  const headingId = useId();
  const tableId = useId();
  const delegates = devices?.roles.delegate;
  return (
    <section className="devices-section" aria-labelledby={headingId}>
      <div className="devices-section-head">
        <h2 id={headingId}>{t('chair.officers-and-displays')}</h2>
        <button
          type="button"
          className="button-quiet"
          aria-controls={tableId}
          onClick={() => setShowCodes(!showCodes)}
        >
          {t(showCodes ? 'chair.hide-codes' : 'chair.show-codes')}
        </button>
      </div>
      <TableBox labelledBy={headingId}>
        <table className="devices-table" id={tableId}>
          <thead>
            <tr>
              <th scope="col">{t('chair.devices')}</th>
              <th scope="col" className="count">
                {t('chair.connected')}
              </th>
              <th scope="col" className="count">
                {t('chair.tokens')}
              </th>
              <th scope="col" className="devices-code-cell">
                {t('chair.code')}
              </th>
              <th scope="col" className="devices-actions">
                <span className="visually-hidden">{t('chair.actions')}</span>
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
              <th scope="row">{t(ROLE_DEVICES.delegate)}</th>
              <td className="digits count">{delegates?.connected ?? '–'}</td>
              <td className="digits count">{delegates?.tokens ?? '–'}</td>
              <td colSpan={2} className="quiet devices-code-cell">
                {t('chair.delegations-own-codes')}
              </td>
            </tr>
          </tbody>
        </table>
      </TableBox>
    </section>
  );
};
