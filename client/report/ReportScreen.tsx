import type { MessageDescriptor } from '@lingui/core';
import { useCallback, useEffect, useState } from 'react';
import type { ReportResponse } from '../../shared/protocol/record';
import { ApiError, type CsvExport, fetchCsv, fetchReport, httpProblem } from '../app/api';
import { screenPath } from '../app/router';
import type { Session } from '../app/sessions';
import { LanguageMenu } from '../i18n/LanguageMenu';
import { useT } from '../i18n/useT';
import { LeftWaiting } from './LeftWaiting';
import { ScheduleChart } from './ScheduleChart';
import { ScheduleFigures } from './ScheduleFigures';
import { SectionFigures } from './SectionFigures';
import { STATUS_WORDS, useReportWords } from './words';
import '../styles/print.css';
import '../styles/report.css';

/**
 * Why the report cannot be shown. A refusal the page does not foresee keeps the server's words
 * (English), quoted in the page's language.
 */
const problemOf = (error: unknown): MessageDescriptor =>
  error instanceof ApiError && error.code === 'unauthorized'
    ? { id: 'report.no-longer-admitted' }
    : error instanceof ApiError
      ? httpProblem(error)
      : { id: 'report.unreadable' };

/** Saves an export of the record as a file (the token goes in a header, so no plain link). */
const download = async (session: Session, name: CsvExport): Promise<void> => {
  const blob = await fetchCsv(session.meetingId, session.token, name);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${session.meetingId}-${name}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

const Tools = ({
  session,
  reload,
  onProblem,
}: {
  session: Session;
  reload: () => void;
  onProblem: (problem: MessageDescriptor) => void;
}) => {
  const t = useT();
  const save = (name: CsvExport) => () =>
    void download(session, name).catch((error: unknown) => onProblem(problemOf(error)));
  // The exports stay as they are in every language: machine-readable, English column names.
  return (
    <div className="print-tools no-print">
      <a href={screenPath(session.meetingId, session.role)}>{t('report.back-to-console')}</a>
      <button type="button" className="button-primary" onClick={() => window.print()}>
        {t('report.print')}
      </button>
      <button type="button" onClick={reload}>
        {t('report.refresh')}
      </button>
      <button type="button" className="button-quiet" onClick={save('record.csv')}>
        {t('report.export-turns')}
      </button>
      <button type="button" className="button-quiet" onClick={save('requests.csv')}>
        {t('report.export-requests')}
      </button>
      <LanguageMenu className="print-tools-language" />
    </div>
  );
};

const Report = ({ report }: { report: ReportResponse }) => {
  const { t, longDayAndTime } = useReportWords();
  const zone = report.timeZone;
  const waitingIn = (itemId: string) =>
    report.waitingNow?.itemId === itemId ? report.waitingNow.count : 0;
  return (
    <main className="report">
      <header className="report-head">
        <p className="report-kind">{t('report.kind')}</p>
        <h1>{report.title}</h1>
        <p>
          {t('report.as-of', { at: longDayAndTime(report.generatedAt, zone), zone })}{' '}
          {t(STATUS_WORDS[report.status])}
        </p>
      </header>
      <section className="report-section" aria-labelledby="report-meeting">
        <h2 id="report-meeting">{t('report.whole-meeting')}</h2>
        <SectionFigures
          section={report.meeting}
          waitingNow={report.waitingNow?.count ?? 0}
          headingLevel="h2"
          zone={zone}
        />
      </section>
      <section className="report-section" aria-labelledby="report-left-waiting">
        <h2 id="report-left-waiting">{t('report.left-waiting')}</h2>
        <LeftWaiting left={report.leftWaiting} zone={zone} />
      </section>
      <section className="report-section report-schedule" aria-labelledby="report-schedule">
        <h2 id="report-schedule">{t('report.schedule')}</h2>
        <ScheduleFigures items={report.schedule} zone={zone} />
        <ScheduleChart items={report.schedule} zone={zone} now={report.generatedAt} />
      </section>
      {report.items.map((item) => (
        <section
          key={item.itemId}
          className="report-section report-item"
          aria-labelledby={`report-${item.itemId}`}
        >
          <h2 id={`report-${item.itemId}`}>{item.title}</h2>
          <SectionFigures
            section={item.section}
            waitingNow={waitingIn(item.itemId)}
            headingLevel="h2"
            zone={zone}
          />
        </section>
      ))}
    </main>
  );
};

/**
 * The co-chairs' report (`/m/<id>/report`): the whole meeting and each agenda item, printable on
 * A4 with the browser's own print.
 */
export const ReportScreen = ({ session }: { session: Session }) => {
  const t = useT();
  const [report, setReport] = useState<ReportResponse | null>(null);
  const [problem, setProblem] = useState<MessageDescriptor | null>(null);
  const load = useCallback(() => {
    setProblem(null);
    fetchReport(session.meetingId, session.token).then(setReport, (error: unknown) =>
      setProblem(problemOf(error)),
    );
  }, [session]);
  useEffect(load, [load]);
  return (
    <div className="report-page">
      <Tools session={session} reload={load} onProblem={setProblem} />
      {problem && (
        <p className="report-problem" role="alert">
          {t(problem)}
        </p>
      )}
      {!report && !problem && <p role="status">{t('report.reading')}</p>}
      {report && <Report report={report} />}
    </div>
  );
};
