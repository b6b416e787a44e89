import { useId } from 'react';
import type { HookSummary } from '../../../shared/protocol/hooks';
import { TableBox } from '../../components/TableBox';
import { useT } from '../../i18n/useT';
import type { MeetingTimes } from '../meetingTimes';
import { deliveryMessage, timeOfDay } from './words';

/**
 * The meeting's webhooks (docs/integrations.md) and how their deliveries go: the address, the
 * events, the last try and the counts since the server started, so the chair sees at once that
 * the lighting desk or the webcast stopped hearing from the meeting. Read-only: hooks are added
 * and removed over the API. A secret is never shown (the server never sends it). Addresses and
 * the events' names are the contract's, left to right in every language.
 */
export const HooksSection = ({
  hooks,
  times,
  now,
}: {
  hooks: HookSummary[] | null;
  times: MeetingTimes;
  now: number;
}) => {
  const t = useT();
  const headingId = useId();
  return (
    <section id="hooks" className="devices-section devices-hooks" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('chair.webhooks')}</h2>
      <p className="quiet">{t('chair.webhooks-lead', { path: '/api/meetings/<id>/hooks' })}</p>
      {hooks === null ? (
        <p className="quiet">{t('chair.webhooks-reading')}</p>
      ) : hooks.length === 0 ? (
        <p>{t('chair.webhooks-none')}</p>
      ) : (
        <TableBox labelledBy={headingId}>
          <table className="devices-table hooks-table">
            <thead>
              <tr>
                <th scope="col">{t('chair.hook-address')}</th>
                <th scope="col">{t('chair.hook-last-delivery')}</th>
                <th scope="col" className="hook-count">
                  {t('chair.hook-delivered-count')}
                </th>
                <th scope="col" className="hook-count">
                  {t('chair.hook-failed-count')}
                </th>
                <th scope="col" className="hook-count">
                  {t('chair.hook-waiting-count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {hooks.map((hook) => (
                <tr key={hook.hookId} data-hook={hook.hookId}>
                  <th scope="row">
                    <span className="hook-url" dir="ltr">
                      {hook.url}
                    </span>
                    <span className="quiet hook-events">
                      {hook.events === null ? (
                        t('chair.hook-every-event')
                      ) : (
                        <bdi dir="ltr">{hook.events.join(', ')}</bdi>
                      )}
                    </span>
                  </th>
                  <td className={hook.last && !hook.last.ok ? 'hook-failing' : undefined}>
                    {t(deliveryMessage(hook.last))}
                    {hook.last && (
                      <span className="quiet digits">
                        {' '}
                        {t('chair.hook-last-at', {
                          time: timeOfDay(hook.last.at, times, now),
                          event: hook.last.event,
                        })}
                      </span>
                    )}
                  </td>
                  <td className="digits hook-count">{hook.delivered}</td>
                  <td className="digits hook-count">
                    {hook.failed}
                    {hook.dropped > 0 && (
                      <span className="quiet">
                        {' '}
                        {t('chair.hook-dropped', { count: hook.dropped })}
                      </span>
                    )}
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
