import { useId } from 'react';
import type { HookSummary } from '../../../shared/protocol/hooks';
import { TableBox } from '../../components/TableBox';
import { deliveryWords, hookEventsWords, timeOfDay } from './words';

/**
 * The meeting's webhooks (docs/integrations.md) and how their deliveries go: the address, the
 * events, the last try and the counts since the server started, so the chair sees at once that
 * the lighting desk or the webcast stopped hearing from the meeting. Read-only: hooks are added
 * and removed over the API. A secret is never shown (the server never sends it).
 */
export const HooksSection = ({
  hooks,
  timeZone,
  now,
}: {
  hooks: HookSummary[] | null;
  timeZone: string;
  now: number;
}) => {
  const headingId = useId();
  return (
    <section id="hooks" className="devices-section devices-hooks" aria-labelledby={headingId}>
      <h2 id={headingId}>Webhooks</h2>
      <p className="quiet">
        The room's other systems told of each turn, phase, list and step. Added and removed with the
        API (POST and DELETE /api/meetings/&lt;id&gt;/hooks). Counts since the server started.
      </p>
      {hooks === null ? (
        <p className="quiet">Reading the webhooks…</p>
      ) : hooks.length === 0 ? (
        <p>No webhook: no other system is told of this meeting.</p>
      ) : (
        <TableBox labelledBy={headingId}>
          <table className="devices-table hooks-table">
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Last delivery</th>
                <th scope="col" className="hook-count">
                  Delivered
                </th>
                <th scope="col" className="hook-count">
                  Failed
                </th>
                <th scope="col" className="hook-count">
                  Waiting
                </th>
              </tr>
            </thead>
            <tbody>
              {hooks.map((hook) => (
                <tr key={hook.hookId} data-hook={hook.hookId}>
                  <th scope="row">
                    <span className="hook-url">{hook.url}</span>
                    <span className="quiet hook-events">{hookEventsWords(hook.events)}</span>
                  </th>
                  <td className={hook.last && !hook.last.ok ? 'hook-failing' : undefined}>
                    {deliveryWords(hook.last)}
                    {hook.last && (
                      <span className="quiet digits">
                        {' '}
                        at {timeOfDay(hook.last.at, timeZone, now)}, {hook.last.event}
                      </span>
                    )}
                  </td>
                  <td className="digits hook-count">{hook.delivered}</td>
                  <td className="digits hook-count">
                    {hook.failed}
                    {hook.dropped > 0 && <span className="quiet"> ({hook.dropped} dropped)</span>}
                  </td>
                  <td className="digits hook-count">{hook.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </section>
  );
};
