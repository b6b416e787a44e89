import { useId } from 'react';
import type { LeftWaiting as Entry, Report } from '../../shared/report/report';
import { TableBox } from '../components/TableBox';
import { useRequestWords } from '../meeting/useRequestWords';
import { dayAndTime as when } from './words';

const Requests = ({
  caption,
  entries,
  zone,
  ended,
}: {
  caption: string;
  entries: Entry[];
  zone: string;
  /** Whether the step has ended: its end is shown. */
  ended: boolean;
}) => {
  const words = useRequestWords();
  const captionId = useId();
  return (
    <TableBox labelledBy={captionId}>
      <table className="report-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Delegation</th>
            <th scope="col">Speaker</th>
            <th scope="col">Request</th>
            <th scope="col">Asked</th>
            <th scope="col">Step</th>
            {ended && <th scope="col">Step ended</th>}
            <th scope="col">List closed while waiting</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <th scope="row">{words.speakingFor(e.delegationName, e.onBehalfOf)}</th>
              <td>{e.speakerName ?? '–'}</td>
              <td>{words.kind(e.kind)}</td>
              <td className="digits">{when(e.requestedAt, zone)}</td>
              <td>
                {e.itemTitle}: {e.stepTitle}
              </td>
              {ended && (
                <td className="digits">{e.endedAt === undefined ? '–' : when(e.endedAt, zone)}</td>
              )}
              <td>{e.waitingAtClose ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
};

/**
 * Who asked for the floor and was not heard, by name: those still waiting now, and those left in
 * the queue when their step ended. The counts say how many; the chair needs to know who.
 */
export const LeftWaiting = ({ left, zone }: { left: Report['leftWaiting']; zone: string }) => (
  <>
    {left.now.length > 0 ? (
      <Requests caption="Still waiting now" entries={left.now} zone={zone} ended={false} />
    ) : (
      <p>Nobody is waiting for the floor now.</p>
    )}
    {left.unheard.length > 0 ? (
      <Requests
        caption="Left unheard when their step ended"
        entries={left.unheard}
        zone={zone}
        ended
      />
    ) : (
      <p>No request was left unheard when its step ended.</p>
    )}
  </>
);
