import { useCallback, useEffect, useState } from 'react';
import type { ReportResponse } from '../../shared/protocol/record';
import { ApiError, type CsvExport, fetchCsv, fetchReport } from '../app/api';
import { screenPath } from '../app/router';
import type { Session } from '../app/sessions';
import { useT } from '../i18n/useT';
import { STATUS_WORDS } from '../meeting/agenda';
import { LeftWaiting } from './LeftWaiting';
import { ScheduleChart } from './ScheduleChart';
import { ScheduleFigures } from './ScheduleFigures';
import { SectionFigures } from './SectionFigures';
import { dayAndTime } from './words';
import '../styles/print.css';
import '../styles/report.css';

const problemOf = (error: unknown): string =>
  error instanceof ApiError && error.code === 'unauthorized'
    ? 'This device is no longer admitted to the meeting: join again with an access code.'
    : error instanceof Error
      ? error.message
      : 'The report could not be read.';

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
  onProblem: (problem: string) => void;
}) => {
  const save = (name: CsvExport) => () =>
    void download(session, name).catch((error: unknown) => onProblem(problemOf(error)));
  return (
    <div className="print-tools no-print">
      <a href={screenPath(session.meetingId, session.role)}>Back to the console</a>
      <button type="button" className="button-primary" onClick={() => window.print()}>
        Print
      </button>
      <button type="button" onClick={reload}>
        Refresh
      </button>
      <button type="button" className="button-quiet" onClick={save('record.csv')}>
        Turns (CSV)
      </button>
      <button type="button" className="button-quiet" onClick={save('requests.csv')}>
        Requests (CSV)
      </button>
    </div>
  );
};

const Report = ({ report }: { report: ReportResponse }) => {
  const t = useT();
  const zone = report.timeZone;
  const at = dayAndTime(report.generatedAt, zone);
  const waitingIn = (itemId: string) =>
    report.waitingNow?.itemId === itemId ? report.waitingNow.count : 0;
  return (
    <main className="report">
      <header className="report-head">
        <p className="report-kind">Report of the meeting</p>
        <h1>{report.title}</h1>
        <p>
          As of {at} ({zone}). The meeting is {t(STATUS_WORDS[report.status]).toLowerCase()}.
        </p>
      </header>
      <section className="report-section" aria-labelledby="report-meeting">
        <h2 id="report-meeting">The whole meeting</h2>
        <SectionFigures
          section={report.meeting}
          waitingNow={report.waitingNow?.count ?? 0}
          headingLevel="h2"
          zone={zone}
        />
      </section>
      <section className="report-section" aria-labelledby="report-left-waiting">
        <h2 id="report-left-waiting">Requests left waiting</h2>
        <LeftWaiting left={report.leftWaiting} zone={zone} />
      </section>
      <section className="report-section report-schedule" aria-labelledby="report-schedule">
        <h2 id="report-schedule">Schedule: as planned and as held</h2>
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
  const [report, setReport] = useState<ReportResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
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
          {problem}
        </p>
      )}
      {!report && !problem && <p role="status">Reading the record…</p>}
      {report && <Report report={report} />}
    </div>
  );
};
