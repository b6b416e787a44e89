import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry, DevicesResponse } from '../../../shared/protocol/access';
import type { MeetingCodes } from '../../../shared/protocol/http';
import { fetchCodes, fetchReport } from '../../app/api';
import { fetchAudit, fetchDevices } from './devicesApi';

export const REFRESH_EVERY_MS = 5_000;

export interface Counts {
  devices: DevicesResponse | null;
  audit: AuditEntry[] | null;
  /** Why the last refresh failed; null once one succeeds. */
  problem: unknown;
  /** A refresh asked for by hand is under way. */
  refreshing: boolean;
  refresh: () => void;
}

/**
 * The devices connected now and the audit, read every 5 s while the page is in view and on
 * demand. One reading at a time; one asked for meanwhile runs right after it, so a count read
 * after an action is never older than the action.
 */
export const useCounts = (meetingId: string, token: RefObject<string>): Counts => {
  const [devices, setDevices] = useState<DevicesResponse | null>(null);
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [refreshing, setRefreshing] = useState(false);
  const reading = useRef(false);
  const again = useRef(false);
  const mounted = useRef(true);

  const read = useCallback(async (): Promise<void> => {
    if (reading.current) {
      again.current = true;
      return;
    }
    reading.current = true;
    try {
      do {
        again.current = false;
        try {
          const [counted, trail] = await Promise.all([
            fetchDevices(meetingId, token.current),
            fetchAudit(meetingId, token.current),
          ]);
          if (!mounted.current) return;
          setDevices(counted);
          setAudit(trail.entries);
          setProblem(null);
        } catch (error) {
          if (mounted.current) setProblem(error);
        }
      } while (again.current && mounted.current);
    } finally {
      reading.current = false;
    }
  }, [meetingId, token]);

  const refresh = useCallback(() => {
    setRefreshing(true);
    void read().finally(() => {
      if (mounted.current) setRefreshing(false);
    });
  }, [read]);

  useEffect(() => {
    mounted.current = true;
    void read();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void read();
    }, REFRESH_EVERY_MS);
    return () => {
      mounted.current = false;
      clearInterval(timer);
    };
  }, [read]);

  return { devices, audit, problem, refreshing, refresh };
};

/**
 * The codes of the meeting, read only while the chair has them shown (and again after a new
 * code); forgotten when hidden.
 */
export const useCodes = (
  meetingId: string,
  token: RefObject<string>,
  shown: boolean,
  onProblem: (error: unknown) => void,
): { codes: MeetingCodes | null; reload: () => void } => {
  const [codes, setCodes] = useState<MeetingCodes | null>(null);
  const [asked, setAsked] = useState(0);
  const problem = useRef(onProblem);
  problem.current = onProblem;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `asked` is the reason to read again
  useEffect(() => {
    if (!shown) {
      setCodes(null);
      return;
    }
    let live = true;
    fetchCodes(meetingId, token.current).then(
      (answer) => {
        if (live) setCodes(answer.codes);
      },
      (error: unknown) => {
        if (live) problem.current(error);
      },
    );
    return () => {
      live = false;
    };
  }, [meetingId, token, shown, asked]);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return { codes, reload };
};

export interface MeetingFacts {
  title: string;
  /** The agenda's time zone, which the audit's times are given in. */
  timeZone: string;
}

/**
 * The meeting's title and time zone. This page holds no live connection, so it reads them from
 * the report (a chair may read it); until then, or if it cannot be read, the device's own zone.
 */
export const useMeetingFacts = (meetingId: string, token: RefObject<string>): MeetingFacts => {
  const [facts, setFacts] = useState<MeetingFacts>(() => ({
    title: '',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  }));
  useEffect(() => {
    let live = true;
    fetchReport(meetingId, token.current).then(
      (report) => {
        if (live) setFacts({ title: report.title, timeZone: report.timeZone });
      },
      () => {
        // The counts say what is wrong; the times stay in this device's zone.
      },
    );
    return () => {
      live = false;
    };
  }, [meetingId, token]);
  return facts;
};
