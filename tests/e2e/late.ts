import type { AgendaInput } from '../../shared/protocol/agenda';
import type { CreateMeetingResponse } from '../../shared/protocol/http';
import { createMeeting } from '../support/server';
import { sittingAround } from '../support/sitting';
import { PANEL_AGENDA, type RoomServer } from './room';

/**
 * The panel agenda in a sitting that began an hour ago and lasts three hours: a meeting that
 * starts now runs an hour late.
 */
export const latePanelAgenda = (now = Date.now()): AgendaInput => {
  const { timeZone, sitting } = sittingAround(now, { startedMinutesAgo: 60, minutes: 180 });
  return {
    ...PANEL_AGENDA,
    timeZone,
    sittings: [sitting],
    items: PANEL_AGENDA.items.map((item) => ({ ...item, sittingId: sitting.id })),
  };
};

/** A meeting of the late panel agenda and the default roster, made by the operator. */
export const createLateMeeting = (server: RoomServer): Promise<CreateMeetingResponse> =>
  createMeeting(server.url, { agenda: latePanelAgenda() });
