import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateMeetingResponse,
  GroupsResponse,
  HttpErrorResponse,
  RosterResponse,
} from '../../shared/protocol/http';
import { ADMIN_TOKEN, http, startServer, type TestServer, tempDir } from '../support/server';

/**
 * Roster entries' and groups' `names` (contract version 2, "Languages") through the real HTTP
 * API: what a roster file may carry, what it may not (a 400 naming the field), and that the
 * names are kept with the meeting, across a restart too.
 */

const MEXICO = {
  id: 'mexico',
  name: 'Mexico',
  names: { ar: 'المكسيك', zh: '墨西哥', fr: 'Mexique', ru: 'Мексика', es: 'México' },
  category: 'member-state',
};
const MOROCCO = {
  id: 'morocco',
  name: 'Morocco',
  names: { fr: 'Maroc' },
  category: 'member-state',
};
const GROUP = {
  id: 'friends',
  name: 'Group of Friends',
  names: { fr: 'Groupe des amis', es: 'Grupo de Amigos' },
  members: ['mexico', 'morocco'],
};

const post = (url: string, body: unknown) =>
  http(url, '/api/meetings', { body, token: ADMIN_TOKEN });

/** The refusal's message, checked to be a 400 `invalid`. */
const refusal = (answer: { status: number; body: unknown }): string => {
  expect(answer.status).toBe(400);
  const { error } = HttpErrorResponse.parse(answer.body);
  expect(error.code).toBe('invalid');
  return error.message;
};

describe('names in the six languages on roster entries and groups', () => {
  let server: TestServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await tempDir();
    server = await startServer({ dataDir });
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('are kept with the meeting and served with its roster and groups, after a restart too', async () => {
    const answer = await post(server.url, { roster: [MEXICO, MOROCCO], groups: [GROUP] });
    expect(answer.status).toBe(201);
    const { meetingId } = CreateMeetingResponse.parse(answer.body);
    const read = async (url: string) => ({
      roster: RosterResponse.parse((await http(url, `/api/meetings/${meetingId}/roster`)).body),
      groups: GroupsResponse.parse((await http(url, `/api/meetings/${meetingId}/groups`)).body),
    });
    expect(await read(server.url)).toEqual({ roster: [MEXICO, MOROCCO], groups: [GROUP] });

    await server.close();
    server = await startServer({ dataDir });
    expect(await read(server.url)).toEqual({ roster: [MEXICO, MOROCCO], groups: [GROUP] });
  });

  it('come with the default roster: every State in five languages, the groups too', async () => {
    const answer = await http(server.url, '/api/meetings', { method: 'POST', token: ADMIN_TOKEN });
    const { meetingId } = CreateMeetingResponse.parse(answer.body);
    const roster = RosterResponse.parse(
      (await http(server.url, `/api/meetings/${meetingId}/roster`)).body,
    );
    const bolivia = roster.find((d) => d.id === 'bolivia');
    expect(bolivia?.names).toEqual({
      ar: 'بوليفيا (دولة - المتعددة القوميات)',
      zh: '多民族玻利维亚国',
      fr: 'Bolivie (État plurinational de)',
      ru: 'Боливия (Многонациональное Государство)',
      es: 'Bolivia (Estado Plurinacional de)',
    });
    const states = roster.filter((d) => d.category === 'member-state');
    expect(states.filter((d) => Object.keys(d.names ?? {}).length === 5)).toHaveLength(193);
    const groups = GroupsResponse.parse(
      (await http(server.url, `/api/meetings/${meetingId}/groups`)).body,
    );
    expect(groups.find((g) => g.id === 'grulac')?.names?.fr).toBe(
      "Groupe des États d'Amérique latine et des Caraïbes",
    );
  });

  it.each([
    ['a language the UN does not work in', { ...MEXICO, names: { de: 'Mexiko' } }, /names.*de/],
    ['English, which is the entry’s name', { ...MEXICO, names: { en: 'Mexico' } }, /names.*en/],
    ['an empty name', { ...MEXICO, names: { fr: '' } }, /names\.fr: must not be empty/],
    ['a name of spaces only', { ...MEXICO, names: { fr: '   ' } }, /names\.fr: must not be empty/],
    ['a name too long', { ...MEXICO, names: { es: 'M'.repeat(201) } }, /names\.es: at most 200/],
    ['a bidirectional override', { ...MEXICO, names: { ar: 'المكسيك\u202E' } }, /names\.ar: /],
    ['names that are not an object', { ...MEXICO, names: ['Mexique'] }, /names/],
    ['a name that is not text', { ...MEXICO, names: { ru: 42 } }, /names\.ru/],
  ])('on a roster entry: %s is refused with 400, naming the field', async (_, entry, message) => {
    const text = refusal(await post(server.url, { roster: [MOROCCO, entry] }));
    expect(text).toMatch(/^roster\.1\.names/);
    expect(text).toMatch(message);
  });

  it('on a group: a bad name is refused with 400, naming the field', async () => {
    const text = refusal(
      await post(server.url, {
        roster: [MEXICO, MOROCCO],
        groups: [{ ...GROUP, names: { fr: 'Groupe des amis', zz: 'x' } }],
      }),
    );
    expect(text).toMatch(/^groups\.0\.names.*zz/);
    expect(
      refusal(
        await post(server.url, {
          roster: [MEXICO, MOROCCO],
          groups: [{ ...GROUP, names: { zh: '' } }],
        }),
      ),
    ).toMatch(/^groups\.0\.names\.zh: must not be empty/);
  });
});
