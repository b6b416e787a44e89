import {
  CATEGORY_KEYS,
  type ReportSection,
  SEX_KEYS,
  TURN_KINDS,
} from '../../shared/report/report';
import { BarChart } from './BarChart';
import { GroupStatements, PointsOfOrder, Replies } from './KindFigures';
import {
  CATEGORY_WORDS,
  formatDuration,
  plural,
  SEX_WORDS,
  TURN_KIND_WORDS,
  tallyShort,
  tallyWords,
} from './words';

const Overtime = ({ section }: { section: ReportSection }) => {
  const { overtime } = section;
  if (overtime.count === 0) return <p>Nobody spoke beyond the allowance.</p>;
  const who = overtime.longest;
  return (
    <dl className="figures">
      <dt>Over the allowance</dt>
      <dd>{plural(overtime.count, 'intervention', 'interventions')}</dd>
      <dt>Median overtime</dt>
      <dd className="digits">{formatDuration(overtime.medianMs)}</dd>
      <dt>Longest overtime</dt>
      <dd>
        <span className="digits">{formatDuration(overtime.longestMs)}</span>
        {who && (
          <>
            {' '}
            by {who.speakerName}
            {who.delegationName &&
              who.delegationName !== who.speakerName &&
              ` (${who.delegationName})`}
            , {who.itemTitle}
          </>
        )}
      </dd>
    </dl>
  );
};

const Requests = ({ section, waitingNow }: { section: ReportSection; waitingNow: number }) => {
  const r = section.requests;
  if (r.made === 0 && waitingNow === 0) return <p>No requests for the floor.</p>;
  const bar = (key: string, label: string, value: number) => ({
    key,
    label,
    value,
    text: String(value),
  });
  return (
    <>
      <BarChart
        title={`Requests for the floor: ${r.made + waitingNow} made`}
        bars={[
          bar('granted', 'Granted', r.granted),
          bar('withdrawn', 'Withdrawn', r.withdrawn),
          bar('removed', 'Removed by the moderator', r.removed),
          bar('unheard', 'Left waiting at step end', r.unheard),
          ...(waitingNow > 0 ? [bar('waiting', 'Still waiting now', waitingNow)] : []),
        ]}
      />
      <p>
        {plural(r.waitingAtClose, 'request was', 'requests were')} still waiting when the list of
        speakers was closed.
      </p>
    </>
  );
};

/**
 * The figures of the whole meeting or of one agenda item: interventions and speaking time by
 * kind, by category, by sex, by delegation and by group, the rights of reply and the points of
 * order, overtime, and what became of the requests.
 */
export const SectionFigures = ({
  section,
  waitingNow,
  headingLevel,
  zone,
}: {
  section: ReportSection;
  waitingNow: number;
  headingLevel: 'h2' | 'h3';
  /** The agenda's time zone, for the times of day. */
  zone: string;
}) => {
  const H = headingLevel === 'h2' ? 'h3' : 'h4';
  if (section.turns === 0 && section.requests.made === 0 && waitingNow === 0) {
    return <p className="quiet">Nothing recorded: nobody has spoken yet.</p>;
  }
  const given = SEX_KEYS.filter((k) => k !== 'not-given');
  const notGiven = section.bySex['not-given'];
  return (
    <div className="figures-block">
      <dl className="figures figures-totals">
        <dt>Interventions</dt>
        <dd className="digits">{section.turns}</dd>
        <dt>Speaking time</dt>
        <dd className="digits">{formatDuration(section.spokenMs)}</dd>
      </dl>
      <H>By kind</H>
      <BarChart
        title="Speaking time by kind of intervention (interventions · time)"
        bars={TURN_KINDS.map((k) => ({
          key: k,
          label: TURN_KIND_WORDS[k],
          value: section.byKind[k].spokenMs,
          text: tallyShort(section.byKind[k]),
        }))}
      />
      <H>By category</H>
      <BarChart
        title="Speaking time by category (interventions · time)"
        bars={CATEGORY_KEYS.map((k) => ({
          key: k,
          label: CATEGORY_WORDS[k],
          value: section.byCategory[k].spokenMs,
          text: tallyShort(section.byCategory[k]),
        }))}
      />
      <H>By the speaker’s sex, where given</H>
      <BarChart
        title="Speaking time by sex (interventions · time)"
        bars={given.map((k) => ({
          key: k,
          label: SEX_WORDS[k],
          value: section.bySex[k].spokenMs,
          text: tallyShort(section.bySex[k]),
        }))}
      />
      <p>Sex not given: {tallyWords(notGiven)}.</p>
      {section.byDelegation.length > 0 && (
        <>
          <H>By delegation</H>
          <BarChart
            title="Speaking time by delegation, most first (interventions · time)"
            bars={section.byDelegation.map((d) => ({
              key: d.delegationId,
              label: d.name,
              value: d.spokenMs,
              text: tallyShort(d),
            }))}
          />
          {section.byGroup.length > 0 && (
            <p>
              A statement on behalf of a group counts for the group, not as the time of the
              delegation that made it.
            </p>
          )}
        </>
      )}
      <GroupStatements section={section} H={H} />
      <Replies section={section} H={H} />
      <PointsOfOrder section={section} zone={zone} H={H} />
      <H>Overtime</H>
      <Overtime section={section} />
      <H>Requests for the floor</H>
      <Requests section={section} waitingNow={waitingNow} />
    </div>
  );
};
