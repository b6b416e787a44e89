import { z } from 'zod';
import type { Agenda } from '../protocol/agenda';
import { MeetingContext, type Session } from './contextSchema';
import { lastStep } from './places';

/**
 * The engine's side of a snapshot (docs/architecture.md, "Durability and restore"): the
 * meeting's context as a document of Rostrum's own, in a numbered format, checked by its schema
 * on the way back in. The store wraps it in its envelope (format, meeting, version, instant).
 *
 * Format 1 was xstate's persisted envelope (`{status, value, context, ...}`, the session's status
 * in `value`, a suspension and the step a closed meeting stood at in the context); format 2 is
 * the context itself, its session one field. A format-1 snapshot is migrated on restore.
 */
export const STATE_FORMAT_VERSION = 2;

/** What format 1 held that format 2 keeps, checked before it is migrated. */
const LegacyEnvelope = z.object({
  value: z.enum(['pending', 'running', 'suspended', 'closed']),
  context: z
    .object({
      agenda: z.unknown(),
      agendaVersion: z.number().int().nonnegative().optional(),
      suspension: z.object({ since: z.number(), note: z.string().optional() }).nullish(),
      closedFrom: z.unknown().optional(),
    })
    .passthrough(),
});

const fromLegacy = (raw: unknown): unknown => {
  const { value, context } = LegacyEnvelope.parse(raw);
  const { suspension, closedFrom, agendaVersion, ...rest } = context;
  const agenda = context.agenda as Agenda;
  const session: Session | { status: 'closed'; from: unknown } =
    value === 'suspended'
      ? {
          status: 'suspended',
          since: suspension?.since ?? 0,
          ...(suspension?.note !== undefined && { note: suspension.note }),
        }
      : value === 'closed'
        ? // A meeting closed by a format-1 engine that did not keep where it stood reopens at the end.
          { status: 'closed', from: closedFrom === undefined ? lastStep(agenda) : closedFrom }
        : { status: value };
  // Contexts stored before `agendaVersion` existed restore with 0: clients get the agenda on
  // connect after a restart anyway.
  return { ...rest, agendaVersion: agendaVersion ?? 0, session };
};

/**
 * The context a snapshot holds, migrated to the current format and checked by its schema;
 * throws, naming the field at fault, when it is not one (the server then replays the log).
 */
export const contextFromSnapshot = (formatVersion: number, state: unknown): MeetingContext => {
  let current: unknown;
  if (formatVersion === STATE_FORMAT_VERSION) current = state;
  else if (formatVersion === 1) current = fromLegacy(state);
  else throw new Error(`A snapshot in format ${formatVersion} is newer than this server knows.`);
  const parsed = MeetingContext.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The snapshot is not a meeting: ${issue?.path.join('.') || 'its root'}: ${issue?.message}`,
    );
  }
  return parsed.data;
};
