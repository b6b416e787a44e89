import { useId } from 'react';
import type { InterruptedTurn, PointOfOrderEntry, ReportSection } from '../../shared/report/report';
import { TableBox } from '../components/TableBox';
import type { RequestWords } from '../meeting/requestWords';
import { useRequestWords } from '../meeting/useRequestWords';
import { BarChart } from './BarChart';
import { dayAndTime, formatDuration, plural, tallyShort } from './words';

/**
 * The parts of a section that the kinds of request make (contract version 2): statements on
 * behalf of groups, rights of reply and points of order, each with its own figures.
 */

type H = 'h3' | 'h4';

/** "Morocco (Ms. Amina Alaoui)": a delegation, and its speaker when named apart. */
const who = (speakerName: string, delegationName: string | null | undefined): string =>
  delegationName && delegationName !== speakerName
    ? `${delegationName} (${speakerName})`
    : speakerName;

/** Each group's statements: a chart of time by group, then who spoke for each. */
export const GroupStatements = ({ section, H }: { section: ReportSection; H: H }) => {
  const captionId = useId();
  const groups = section.byGroup;
  return (
    <>
      <H>Statements by groups</H>
      {groups.length === 0 ? (
        <p>No statement was made on behalf of a group.</p>
      ) : (
        <>
          <BarChart
            title="Speaking time by group, most first (statements · time)"
            bars={groups.map((g) => ({
              key: g.groupId,
              label: g.name,
              value: g.spokenMs,
              text: tallyShort(g),
            }))}
          />
          <TableBox labelledBy={captionId}>
            <table className="report-table">
              <caption id={captionId}>Who spoke for each group</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Statements</th>
                  <th scope="col">Time</th>
                  <th scope="col">Spoken by</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.groupId}>
                    <th scope="row">{g.name}</th>
                    <td className="digits">{g.turns}</td>
                    <td className="digits">{formatDuration(g.spokenMs)}</td>
                    <td>
                      {g.speakers
                        .map((d) =>
                          g.speakers.length > 1 ? `${d.name} (${tallyShort(d)})` : d.name,
                        )
                        .join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </>
      )}
    </>
  );
};

/** The rights of reply, by delegation. */
export const Replies = ({ section, H }: { section: ReportSection; H: H }) => {
  const { replies } = section;
  return (
    <>
      <H>Rights of reply</H>
      {replies.turns === 0 ? (
        <p>No right of reply was exercised.</p>
      ) : (
        <BarChart
          title={`Rights of reply by delegation: ${plural(replies.turns, 'reply', 'replies')}, ${formatDuration(replies.spokenMs)} (replies · time)`}
          bars={replies.byDelegation.map((d) => ({
            key: d.delegationId,
            label: d.name,
            value: d.spokenMs,
            text: tallyShort(d),
          }))}
        />
      )}
    </>
  );
};

/** "Expert 1 of panel 1"; "Egypt, on behalf of the African Group"; "Mexico, right of reply". */
const interruptedWords = (words: RequestWords, turn: InterruptedTurn): string => {
  const speaker = turn.delegationName
    ? words.speakingFor(who(turn.speakerName, turn.delegationName), turn.onBehalfOf)
    : turn.speakerName;
  const note = words.kindNote(turn.kind);
  return note ? `${speaker}, ${note.toLowerCase()}` : speaker;
};

const PointRow = ({ point, zone }: { point: PointOfOrderEntry; zone: string }) => {
  const words = useRequestWords();
  return (
    <tr>
      <th scope="row">{who(point.speakerName, point.delegationName)}</th>
      <td className="digits">{dayAndTime(point.startedAt, zone)}</td>
      <td>
        {point.itemTitle}: {point.stepTitle}
      </td>
      <td className="digits">{formatDuration(point.spokenMs)}</td>
      <td>
        {point.interrupted ? interruptedWords(words, point.interrupted) : 'nobody was speaking'}
      </td>
    </tr>
  );
};

/** The points of order: how many, who raised them, when, and whose turn each interrupted. */
export const PointsOfOrder = ({
  section,
  zone,
  H,
}: {
  section: ReportSection;
  zone: string;
  H: H;
}) => {
  const captionId = useId();
  const points = section.pointsOfOrder;
  return (
    <>
      <H>Points of order</H>
      {points.turns === 0 ? (
        <p>No point of order was raised.</p>
      ) : (
        <TableBox labelledBy={captionId}>
          <table className="report-table">
            <caption id={captionId}>
              {plural(points.turns, 'point of order', 'points of order')},{' '}
              {formatDuration(points.spokenMs)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Raised by</th>
                <th scope="col">At</th>
                <th scope="col">Step</th>
                <th scope="col">Time</th>
                <th scope="col">Interrupted</th>
              </tr>
            </thead>
            <tbody>
              {points.list.map((point) => (
                <PointRow key={point.turnId} point={point} zone={zone} />
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </>
  );
};
