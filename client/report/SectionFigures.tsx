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
  SEX_WORDS,
  TURN_KIND_WORDS,
  useReportWords,
} from './words';

const Overtime = ({ section }: { section: ReportSection }) => {
  const { t, who: whoOf } = useReportWords();
  const { overtime } = section;
  if (overtime.count === 0) return <p>{t('report.no-overtime')}</p>;
  const who = overtime.longest;
  const longest = <bdi dir="ltr">{formatDuration(overtime.longestMs)}</bdi>;
  return (
    <dl className="figures">
      <dt>{t('report.over-allowance')}</dt>
      <dd>{t('report.interventions', { count: overtime.count })}</dd>
      <dt>{t('report.median-overtime')}</dt>
      <dd className="digits">
        <bdi dir="ltr">{formatDuration(overtime.medianMs)}</bdi>
      </dd>
      <dt>{t('report.longest-overtime')}</dt>
      <dd>
        <span className="digits">{longest}</span>
        {who && (
          <>
            {' '}
            {t('report.longest-by', {
              who: whoOf(who.speakerName, who.delegationId, who.delegationName),
              item: who.itemTitle,
            })}
          </>
        )}
      </dd>
    </dl>
  );
};

const Requests = ({ section, waitingNow }: { section: ReportSection; waitingNow: number }) => {
  const { t, number } = useReportWords();
  const r = section.requests;
  if (r.made === 0 && waitingNow === 0) return <p>{t('report.no-requests')}</p>;
  const bar = (key: string, label: string, value: number) => ({
    key,
    label: t(label),
    value,
    text: number(value),
  });
  return (
    <>
      <BarChart
        title={t('report.requests-chart', { count: r.made + waitingNow })}
        bars={[
          bar('granted', 'report.requests-granted', r.granted),
          bar('withdrawn', 'report.requests-withdrawn', r.withdrawn),
          bar('removed', 'report.requests-removed', r.removed),
          bar('unheard', 'report.requests-unheard', r.unheard),
          ...(waitingNow > 0 ? [bar('waiting', 'report.requests-waiting', waitingNow)] : []),
        ]}
      />
      <p>{t('report.waiting-at-close', { count: r.waitingAtClose })}</p>
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
  const { t, names, number, tallyShort, tallyWords } = useReportWords();
  const H = headingLevel === 'h2' ? 'h3' : 'h4';
  if (section.turns === 0 && section.requests.made === 0 && waitingNow === 0) {
    return <p className="quiet">{t('report.nothing-recorded')}</p>;
  }
  const given = SEX_KEYS.filter((k) => k !== 'not-given');
  const notGiven = section.bySex['not-given'];
  return (
    <div className="figures-block">
      <dl className="figures figures-totals">
        <dt>{t('report.interventions-total')}</dt>
        <dd className="digits">{number(section.turns)}</dd>
        <dt>{t('report.speaking-time')}</dt>
        <dd className="digits">
          <bdi dir="ltr">{formatDuration(section.spokenMs)}</bdi>
        </dd>
      </dl>
      <H>{t('report.by-kind')}</H>
      <BarChart
        title={t('report.by-kind-chart')}
        bars={TURN_KINDS.map((k) => ({
          key: k,
          label: t(TURN_KIND_WORDS[k]),
          value: section.byKind[k].spokenMs,
          text: tallyShort(section.byKind[k]),
        }))}
      />
      <H>{t('report.by-category')}</H>
      <BarChart
        title={t('report.by-category-chart')}
        bars={CATEGORY_KEYS.map((k) => ({
          key: k,
          label: t(CATEGORY_WORDS[k]),
          value: section.byCategory[k].spokenMs,
          text: tallyShort(section.byCategory[k]),
        }))}
      />
      <H>{t('report.by-sex')}</H>
      <BarChart
        title={t('report.by-sex-chart')}
        bars={given.map((k) => ({
          key: k,
          label: t(SEX_WORDS[k]),
          value: section.bySex[k].spokenMs,
          text: tallyShort(section.bySex[k]),
        }))}
      />
      <p>{t('report.sex-not-given', { tally: tallyWords(notGiven) })}</p>
      {section.byDelegation.length > 0 && (
        <>
          <H>{t('report.by-delegation')}</H>
          <BarChart
            title={t('report.by-delegation-chart')}
            bars={section.byDelegation.map((d) => ({
              key: d.delegationId,
              label: names.delegation(d.delegationId, d.name),
              value: d.spokenMs,
              text: tallyShort(d),
            }))}
          />
          {section.byGroup.length > 0 && <p>{t('report.group-counts-for-group')}</p>}
        </>
      )}
      <GroupStatements section={section} H={H} />
      <Replies section={section} H={H} />
      <PointsOfOrder section={section} zone={zone} H={H} />
      <H>{t('report.overtime')}</H>
      <Overtime section={section} />
      <H>{t('report.requests')}</H>
      <Requests section={section} waitingNow={waitingNow} />
    </div>
  );
};
