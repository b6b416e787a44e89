import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AuditEntry, DevicesResponse } from '../../../shared/protocol/access';
import type { HookSummary } from '../../../shared/protocol/hooks';
import type { MeetingCodes } from '../../../shared/protocol/http';
import { fetchCodes, fetchReport } from '../../app/api';
import { useRoster } from '../../live/useRoster';
import { fetchAudit, fetchDevices, fetchHooks } from './devicesApi';
import { withDevicesFirst } from './words';

export const REFRESH_EVERY_MS = 5_000;

export interface Counts {
  devices: DevicesResponse | null;
  audit: AuditEntry[] | null;
  /** The meeting's webhooks, with how their deliveries go. */
  hooks: HookSummary[] | null;
  /**
   * The delegations, those with devices first, as of the first reading and of the last asked
   * for by hand: rows do not move under the chair's pointer between two readings.
   */
  order: string[];
  /** Why the last reading failed; null once one succeeds. */
  problem: unknown;
  /** A reading asked for by hand is under way. */
  refreshing: boolean;
  /** Reads now, and puts the delegations with devices first again. */
  refresh: () => void;
  /** Reads now, rows staying where they are (after an action). */
  readAgain: () => void;
}

/**
 * The devices connected now, the audit and the webhooks' deliveries, read every 5 s while the page is in view and on
 * demand. One reading at a time; one asked for meanwhile runs right after it, so a count read
 * after an action is never older than the action.
 */
export const useCounts = (meetingId: string, token: RefObject<string>): Counts => {
  const [devices, setDevices] = useState<DevicesResponse | null>(null);
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const [hooks, setHooks] = useState<HookSummary[] | null>(null);
  const [order, setOrder] = useState<string[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [refreshing, setRefreshing] = useState(false);
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const reorder = useRef(true);
  const mounted = useRef(true);

  const readOnce = useCallback(async (): Promise<void> => {
    const ordering = reorder.current;
    reorder.current = false;
    try {
      const [counted, trail, told] = await Promise.all([
        fetchDevices(meetingId, token.current),
        fetchAudit(meetingId, token.current),
        fetchHooks(meetingId, token.current),
      ]);
      if (!mounted.current) return;
      setDevices(counted);
      setAudit(trail.entries);
      setHooks(told.hooks);
      setProblem(null);
      if (ordering) setOrder(withDevicesFirst(counted.delegations).map((d) => d.delegationId));
    } catch (error) {
      if (ordering) reorder.current = true;
      if (mounted.current) setProblem(error);
    }
  }, [meetingId, token]);

  const read = useCallback(
    (reorderRows: boolean): Promise<void> => {
      if (reorderRows) reorder.current = true;
      if (running.current) {
        again.current = true;
        return running.current;
      }
      const loop = async () => {
        try {
          do {
            again.current = false;
            await readOnce();
          } while (again.current && mounted.current);
        } finally {
          running.current = null;
        }
      };
      running.current = loop();
      return running.current;
    },
    [readOnce],
  );

  const refresh = useCallback(() => {
    setRefreshing(true);
    void read(true).finally(() => {
      if (mounted.current) setRefreshing(false);
    });
  }, [read]);
  const readAgain = useCallback(() => void read(false), [read]);

  useEffect(() => {
    mounted.current = true;
    void read(false);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void read(false);
    }, REFRESH_EVERY_MS);
    // Back in view (another tab, a laptop waking): read now rather than up to 5 s later.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void read(false);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      mounted.current = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [read]);

  return { devices, audit, hooks, order, problem, refreshing, refresh, readAgain };
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

/** The delegations' names as the roster has them; empty until it arrives (the counts carry names too). */
export const useDelegationNames = (meetingId: string): ReadonlyMap<string, string> => {
  const roster = useRoster(meetingId);
  return useMemo(() => new Map((roster ?? []).map((d) => [d.id, d.name])), [roster]);
};
