import { createContext, type ReactNode, useContext } from 'react';
import type { MeetingView } from '../../shared/protocol/view';
import type { LiveMeeting } from './useMeeting';

const LiveContext = createContext<LiveMeeting | null>(null);

export const LiveProvider = ({ live, children }: { live: LiveMeeting; children: ReactNode }) => (
  <LiveContext.Provider value={live}>{children}</LiveContext.Provider>
);

/** The live meeting of the screen being shown. */
export const useLive = (): LiveMeeting => {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive needs a LiveProvider above it');
  return live;
};

/** The live meeting once its first state has arrived (screens render only then). */
export const useLiveView = (): LiveMeeting & { view: MeetingView } => {
  const live = useLive();
  if (!live.view) throw new Error('useLiveView before the first state');
  return live as LiveMeeting & { view: MeetingView };
};
