import { useId } from 'react';
import type { InterruptedTurn, PointOfOrderEntry, ReportSection } from '../../shared/report/report';
import { TableBox } from '../components/TableBox';
import { BarChart } from './BarChart';
import { ItemAndStep } from './ItemAndStep';
import { dayAndTime, formatDuration, type ReportWords, useReportWords } from './words';

/**
 * The parts of a section that the kinds of request make (contract version 2): statements on
 * behalf of groups, rights of reply and points of order, each with its own figures.
 */

type H = 'h3' | 'h4';

/** Each group's statements: a chart of time by group, then who spoke for each. */
export const GroupStatements = ({ section, H }: { section: ReportSection; H: H }) => {
  const { t, names, number, tallyShort } = useReportWords();
  const captionId = useId();
  const groups = section.byGroup;
  return (
    <>
      <H>{t('report.group-statements')}</H>
      {groups.length === 0 ? (
        <p>{t('report.no-group-statements')}</p>
      ) : (
        <>
          <BarChart
            title={t('report.by-group-chart')}
            bars={groups.map((g) => ({
              key: g.groupId,
              label: names.group(g.groupId, g.name),
              value: g.spokenMs,
              text: tallyShort(g),
            }))}
          />
          <TableBox labelledBy={captionId}>
            <table className="report-table">
              <caption id={captionId}>{t('report.who-spoke-for-groups')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.column-group')}</th>
                  <th scope="col">{t('report.column-statements')}</th>
                  <th scope="col">{t('report.column-time')}</th>
                  <th scope="col">{t('report.column-spoken-by')}</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.groupId}>
                    <th scope="row">{names.group(g.groupId, g.name)}</th>
                    <td className="digits">{number(g.turns)}</td>
                    <td className="digits">
                      <bdi dir="ltr">{formatDuration(g.spokenMs)}</bdi>
                    </td>
                    <td>
                      {g.speakers
                        .map((d) => {
                          const name = names.delegation(d.delegationId, d.name);
                          return g.speakers.length > 1
                            ? t('report.delegation-tally', {
                                delegation: name,
                                tally: tallyShort(d),
                              })
                            : name;
                        })
                        .join(t('report.list-separator'))}
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
  const { t, names, tallyShort } = useReportWords();
  const { replies } = section;
  return (
    <>
      <H>{t('report.replies')}</H>
      {replies.turns === 0 ? (
        <p>{t('report.no-replies')}</p>
      ) : (
        <BarChart
          title={t('report.replies-chart', {
            count: replies.turns,
            time: formatDuration(replies.spokenMs),
          })}
          bars={replies.byDelegation.map((d) => ({
            key: d.delegationId,
            label: names.delegation(d.delegationId, d.name),
            value: d.spokenMs,
            text: tallyShort(d),
          }))}
        />
      )}
    </>
  );
};

/** "Expert 1 of panel 1"; "Egypt, on behalf of the African Group"; "Mexico, right of reply". */
const interruptedWords = (turn: InterruptedTurn, words: ReportWords): string => {
  const { t, names, who } = words;
  const named = who(turn.speakerName, turn.delegationId, turn.delegationName);
  const speaker =
    turn.delegationName && turn.onBehalfOf
      ? t('report.speaking-for', {
          delegation: named,
          group: names.group(turn.onBehalfOf.id, turn.onBehalfOf.name),
        })
      : named;
  switch (turn.kind) {
    case 'reply':
      return t('report.interrupted-reply', { speaker });
    case 'point-of-order':
      return t('report.interrupted-point-of-order', { speaker });
    default:
      return speaker;
  }
};

const PointRow = ({ point, zone }: { point: PointOfOrderEntry; zone: string }) => {
  const words = useReportWords();
  const { t, who } = words;
  return (
    <tr>
      <th scope="row">{who(point.speakerName, point.delegationId, point.delegationName)}</th>
      <td className="digits">
        <bdi dir="ltr">{dayAndTime(point.startedAt, zone)}</bdi>
      </td>
      <td>
        <ItemAndStep item={point.itemTitle} step={point.stepTitle} />
      </td>
      <td className="digits">
        <bdi dir="ltr">{formatDuration(point.spokenMs)}</bdi>
      </td>
      <td>
        {point.interrupted
          ? interruptedWords(point.interrupted, words)
          : t('report.nobody-was-speaking')}
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
  const { t } = useReportWords();
  const captionId = useId();
  const points = section.pointsOfOrder;
  return (
    <>
      <H>{t('report.points-of-order')}</H>
      {points.turns === 0 ? (
        <p>{t('report.no-points-of-order')}</p>
      ) : (
        <TableBox labelledBy={captionId}>
          <table className="report-table">
            <caption id={captionId}>
              {t('report.points-of-order-caption', {
                count: points.turns,
                time: formatDuration(points.spokenMs),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('report.column-raised-by')}</th>
                <th scope="col">{t('report.column-at')}</th>
                <th scope="col">{t('report.column-step')}</th>
                <th scope="col">{t('report.column-time')}</th>
                <th scope="col">{t('report.column-interrupted')}</th>
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
