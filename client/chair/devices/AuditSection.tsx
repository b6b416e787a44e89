import { useId } from 'react';
import type { AuditEntry } from '../../../shared/protocol/access';
import { TableBox } from '../../components/TableBox';
import { auditWords, timeOfDay } from './words';

/** How many of the latest actions the page lists. */
const SHOWN = 30;

/** The latest sign-outs and new codes, newest first: who, what, when (read-only). */
export const AuditSection = ({
  entries,
  timeZone,
  now,
  nameOf,
}: {
  entries: AuditEntry[] | null;
  timeZone: string;
  now: number;
  nameOf: (delegationId: string) => string;
}) => {
  const headingId = useId();
  // Entries carry no id; the trail only grows at its end, so a position names one for good.
  const latest = (entries ?? [])
    .map((entry, position) => ({ entry, position }))
    .slice(-SHOWN)
    .reverse();
  const earlier = (entries?.length ?? 0) - latest.length;
  return (
    <section id="audit" className="devices-section devices-audit" aria-labelledby={headingId}>
      <h2 id={headingId}>Audit</h2>
      <p className="quiet">
        Sign-outs and new codes, the latest first. Times in {timeZone}. Codes and tokens are never
        kept here.
      </p>
      {entries === null ? (
        <p className="quiet">Reading the audit…</p>
      ) : latest.length === 0 ? (
        <p>Nobody has signed out a device or made a new code yet.</p>
      ) : (
        <TableBox labelledBy={headingId}>
          <table className="devices-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col" className="revoked">
                  Tokens revoked
                </th>
              </tr>
            </thead>
            <tbody>
              {latest.map(({ entry, position }) => {
                const { who, what } = auditWords(entry, nameOf);
                return (
                  <tr key={position}>
                    <td className="digits">{timeOfDay(entry.at, timeZone, now)}</td>
                    <td>{who}</td>
                    <td>{what}</td>
                    <td className="digits revoked">{entry.revokedTokens}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableBox>
      )}
      {earlier > 0 && <p className="quiet">{earlier} earlier actions are not listed.</p>}
    </section>
  );
};
