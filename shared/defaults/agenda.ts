import { minutes } from '../clock/allowance';
import { Agenda, type AgendaInput, type AgendaItem, CalendarDate } from '../protocol/agenda';

/**
 * The fourth informal thematic session towards the global compact for migration, as its
 * procedural note sets it out (New York, 24-25 July 2017; docs/examples/agenda.json keeps those
 * dates). The note names no panel themes, moderators or experts: those are neutral placeholders
 * the chair can edit.
 *
 * Its two days are a parameter: a server's first start holds it today and tomorrow, at the
 * note's hours, so the chair's schedule measures a real drift from the first minute.
 */

/** The meeting's time zone, the note's: the server reads "today" in it. */
export const DEFAULT_TIME_ZONE = 'America/New_York';

const FIVE_TO_SEVEN = minutes(7, 5);
const TEN_TO_FIFTEEN = minutes(15, 10);
const FLOOR = minutes(3); // warning at 2:30

const expertPanel = (
  n: number,
  sittingId: string,
  plannedStart: string,
  plannedEnd: string,
): AgendaItem => ({
  id: `panel-${n}`,
  title: `Expert panel ${n}`,
  kind: 'panel',
  sittingId,
  plannedStart,
  plannedEnd,
  steps: [
    {
      id: 'opening',
      kind: 'speakers',
      title: "Moderator's opening remarks",
      speakers: [{ id: 'moderator', name: `Moderator of panel ${n}`, role: 'Moderator' }],
      allowance: FIVE_TO_SEVEN,
    },
    {
      id: 'presentations',
      kind: 'speakers',
      title: 'Presentations by the experts',
      speakers: [1, 2, 3].map((e) => ({
        id: `expert-${e}`,
        name: `Expert ${e} of panel ${n}`,
        role: 'Expert',
      })),
      allowance: FIVE_TO_SEVEN,
    },
    {
      id: 'discussion',
      kind: 'floor',
      title: 'Interactive discussion',
      allowance: FLOOR,
      // Alternating segments: after a few interventions from the floor, the panel responds.
      clusterSize: 5,
      queuePolicy: 'states-first',
      // Delegations may ask for the floor during the presentations (contract version 2, "Early
      // requests"), so the discussion does not open on an empty list and a rush.
      requestsFrom: 'item',
    },
    {
      id: 'concluding',
      kind: 'speakers',
      title: "Moderator's concluding remarks",
      speakers: [{ id: 'moderator', name: `Moderator of panel ${n}`, role: 'Moderator' }],
      allowance: FIVE_TO_SEVEN,
    },
  ],
});

/** The calendar day after `date` (YYYY-MM-DD), across months and years. */
const dayAfter = (date: string): string => {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
};

const defaultAgendaInput = (day1: string, day2: string): AgendaInput => ({
  title: 'Fourth informal thematic session: contributions of migrants and diaspora',
  venue: 'United Nations Headquarters, Trusteeship Council Chamber',
  timeZone: DEFAULT_TIME_ZONE,
  breakNote: 'Side events may be held in the lunch break, 13:15-14:45',
  sittings: [
    {
      id: 'day-1-morning',
      title: 'Day 1, morning',
      date: day1,
      start: '10:00',
      end: '13:00',
    },
    {
      id: 'day-1-afternoon',
      title: 'Day 1, afternoon',
      date: day1,
      start: '15:00',
      end: '18:00',
    },
    {
      id: 'day-2-morning',
      title: 'Day 2, morning',
      date: day2,
      start: '10:00',
      end: '13:00',
    },
    {
      id: 'day-2-afternoon',
      title: 'Day 2, afternoon',
      date: day2,
      start: '15:00',
      end: '18:00',
    },
  ],
  items: [
    {
      id: 'welcome',
      title: 'Welcoming remarks',
      kind: 'remarks',
      sittingId: 'day-1-morning',
      plannedStart: '10:00',
      plannedEnd: '10:10',
      steps: [
        {
          id: 'remarks',
          kind: 'speakers',
          title: 'Welcoming remarks by the co-facilitators',
          speakers: [
            { id: 'co-facilitators', name: 'The co-facilitators', role: 'Co-facilitators' },
          ],
          allowance: minutes(10),
        },
      ],
    },
    {
      id: 'issue-brief',
      title: 'Presentation of the issue brief',
      kind: 'presentation',
      sittingId: 'day-1-morning',
      plannedStart: '10:10',
      plannedEnd: '10:20',
      steps: [
        {
          id: 'presentation',
          kind: 'speakers',
          title: 'Presentation of the inter-agency issue brief',
          speakers: [
            {
              id: 'secretary-general',
              name: 'Secretary-General of the intergovernmental conference',
              role: 'Secretary-General of the conference',
            },
          ],
          // The note gives no limit; ten minutes by default.
          allowance: minutes(10),
        },
      ],
    },
    expertPanel(1, 'day-1-morning', '10:20', '13:00'),
    expertPanel(2, 'day-1-afternoon', '15:00', '18:00'),
    expertPanel(3, 'day-2-morning', '10:00', '13:00'),
    {
      id: 'summary',
      title: 'Summary panel',
      kind: 'summary',
      sittingId: 'day-2-afternoon',
      plannedStart: '15:00',
      plannedEnd: '17:50',
      steps: [
        {
          id: 'moderators',
          kind: 'speakers',
          title: 'Perspectives of the moderators',
          speakers: [1, 2, 3].map((n) => ({
            id: `moderator-${n}`,
            name: `Moderator of panel ${n}`,
            role: 'Moderator',
          })),
          allowance: TEN_TO_FIFTEEN,
        },
        {
          id: 'thematic-expert',
          kind: 'speakers',
          title: 'Remarks by the thematic expert',
          speakers: [{ id: 'thematic-expert', name: 'Thematic expert', role: 'Thematic expert' }],
          allowance: minutes(15),
        },
        {
          id: 'reactions',
          kind: 'floor',
          title: 'Reactions, questions and recommendations from Member States',
          allowance: FLOOR,
          queuePolicy: 'states-first',
          // The note opens this floor to Member States; observer States take it as States do.
          openTo: ['member-state', 'observer'],
        },
      ],
    },
    {
      id: 'closing',
      title: 'Closing',
      kind: 'closing',
      sittingId: 'day-2-afternoon',
      plannedStart: '17:50',
      plannedEnd: '18:00',
      steps: [
        {
          id: 'closing-remarks',
          kind: 'speakers',
          title: 'Conclusions and next steps by the co-facilitators',
          speakers: [
            { id: 'co-facilitators', name: 'The co-facilitators', role: 'Co-facilitators' },
          ],
          allowance: minutes(10),
        },
      ],
    },
  ],
});

/**
 * The default agenda with its first day on `firstDay` (YYYY-MM-DD in the meeting's time zone)
 * and its second on the day after. Parsed through the schema, so the default obeys every rule
 * an agenda file must.
 */
export const defaultAgenda = (firstDay: string): Agenda => {
  if (!CalendarDate.safeParse(firstDay).success) {
    throw new Error(
      `The default agenda's first day must be a date as YYYY-MM-DD, not "${firstDay}".`,
    );
  }
  return Agenda.parse(defaultAgendaInput(firstDay, dayAfter(firstDay)));
};
