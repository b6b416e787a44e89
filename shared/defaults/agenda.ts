import { minutes } from '../clock/allowance';
import { Agenda, type AgendaInput, type AgendaItem } from '../protocol/agenda';

/**
 * The fourth informal thematic session towards the global compact for migration
 * (New York, 24-25 July 2017), as its procedural note sets it out. The note names no panel
 * themes, moderators or experts: those are neutral placeholders the chair can edit.
 */

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

const defaultAgendaInput: AgendaInput = {
  title: 'Fourth informal thematic session: contributions of migrants and diaspora',
  venue: 'United Nations Headquarters, Trusteeship Council Chamber',
  timeZone: 'America/New_York',
  breakNote: 'Side events may be held in the lunch break, 13:15-14:45',
  sittings: [
    {
      id: 'day-1-morning',
      title: 'Day 1, morning',
      date: '2017-07-24',
      start: '10:00',
      end: '13:00',
    },
    {
      id: 'day-1-afternoon',
      title: 'Day 1, afternoon',
      date: '2017-07-24',
      start: '15:00',
      end: '18:00',
    },
    {
      id: 'day-2-morning',
      title: 'Day 2, morning',
      date: '2017-07-25',
      start: '10:00',
      end: '13:00',
    },
    {
      id: 'day-2-afternoon',
      title: 'Day 2, afternoon',
      date: '2017-07-25',
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
};

/** Parsed through the schema, so the default obeys every rule an agenda file must. */
export const DEFAULT_AGENDA: Agenda = Agenda.parse(defaultAgendaInput);
