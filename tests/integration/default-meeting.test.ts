import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE } from '../../shared/defaults/agenda';
import { CreateMeetingResponse, MeetingList } from '../../shared/protocol/http';
import { calendarDateOf } from '../../shared/schedule/zonedTime';
import { ADMIN_TOKEN, connect, http, join, startServer, type TestServer } from '../support/server';

/** The agenda a meeting's chair sees. */
const agendaOf = async (server: TestServer, meetingId: string) => {
  const codes = await http(server.url, `/api/meetings/${meetingId}/codes`, { token: ADMIN_TOKEN });
  const { chair } = CreateMeetingResponse.parse(codes.body).codes;
  const client = await connect(server.url, (await join(server.url, meetingId, chair)).token);
  const { agenda } = client.latest();
  client.close();
  return agenda;
};

describe('the default meeting of a first start', () => {
  let server: TestServer;
  /** New York's date before and after the start: the meeting is dated one of them. */
  let days: string[];

  beforeAll(async () => {
    const before = calendarDateOf(Date.now(), DEFAULT_TIME_ZONE);
    server = await startServer();
    days = [before, calendarDateOf(Date.now(), DEFAULT_TIME_ZONE)];
  });
  afterAll(() => server.close());

  it('is dated today and tomorrow in New York, at the note’s hours', async () => {
    const [meeting] = MeetingList.parse((await http(server.url, '/api/meetings')).body);
    if (!meeting) throw new Error('no default meeting');
    const agenda = await agendaOf(server, meeting.meetingId);
    expect(agenda.timeZone).toBe('America/New_York');
    const [day1, , day2] = agenda.sittings;
    expect(days).toContain(day1?.date);
    const tomorrow = new Date(`${day1?.date}T12:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    expect(day2?.date).toBe(tomorrow.toISOString().slice(0, 10));
    expect(agenda.sittings.map((s) => `${s.start}-${s.end}`)).toEqual([
      '10:00-13:00',
      '15:00-18:00',
      '10:00-13:00',
      '15:00-18:00',
    ]);
  });

  it('and so is a meeting the operator creates without an agenda', async () => {
    const created = await http(server.url, '/api/meetings', { body: {}, token: ADMIN_TOKEN });
    const { meetingId } = CreateMeetingResponse.parse(created.body);
    const agenda = await agendaOf(server, meetingId);
    expect(days).toContain(agenda.sittings[0]?.date);
  });
});
