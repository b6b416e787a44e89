import type { Agenda, Step } from '../protocol/agenda';
import type { AgendaChange } from '../protocol/commands';
import { type Refused, refused } from './refusals';

/** Drops the keys a change leaves out, so they do not overwrite what the agenda has. */
const given = <T extends object>(fields: T): Partial<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * The agenda with one change made, or why the change does not fit it: what it names is not on
 * the agenda, or a discussion's field is given to a speakers step. The change's own fields were
 * parsed at the edge (`AgendaChange`); whether the edited agenda holds together as a whole (a
 * sitting that ends before it starts, a warning after its limit, a speaker id twice) is the
 * agenda schema's to say, and the server checks it before it keeps an edit
 * (server/engine/engine.ts): the engine the screens load never edits an agenda, and builds no
 * schema.
 */
export const editAgenda = (
  agenda: Agenda,
  change: AgendaChange,
): { ok: true; agenda: Agenda } | { ok: false; error: Refused } => {
  const edited = structuredClone(agenda);
  switch (change.target) {
    case 'meeting': {
      const { target: _, ...fields } = change;
      Object.assign(edited, given(fields));
      break;
    }
    case 'sitting': {
      const { target: _, sittingId, ...fields } = change;
      const sitting = edited.sittings.find((s) => s.id === sittingId);
      if (!sitting) {
        return {
          ok: false,
          error: refused('not_found', 'refusal.no-such-sitting', { id: sittingId }),
        };
      }
      Object.assign(sitting, given(fields));
      break;
    }
    case 'item': {
      const { target: _, itemId, ...fields } = change;
      const item = edited.items.find((i) => i.id === itemId);
      if (!item) {
        return { ok: false, error: refused('not_found', 'refusal.no-such-item', { id: itemId }) };
      }
      Object.assign(item, given(fields));
      break;
    }
    case 'step':
    case 'speakers': {
      const item = edited.items.find((i) => i.id === change.itemId);
      const step: Step | undefined = item?.steps.find((s) => s.id === change.stepId);
      if (!item || !step) {
        return {
          ok: false,
          error: refused('not_found', 'refusal.no-such-step', {
            id: change.stepId,
            itemId: change.itemId,
          }),
        };
      }
      if (change.target === 'speakers') {
        if (step.kind !== 'speakers') {
          return {
            ok: false,
            error: refused('invalid', 'refusal.discussion-has-no-speakers', { step: step.title }),
          };
        }
        step.speakers = change.speakers;
        break;
      }
      const { target: _, itemId: _i, stepId: _s, ...fields } = change;
      const floorOnly = [
        'responseAllowance',
        'clusterSize',
        'queuePolicy',
        'interleaveEvery',
        'requestsFrom',
        'groupAllowance',
        'replyAllowances',
        'openTo',
        'plannedMs',
      ] as const;
      const misplaced = floorOnly.find((k) => fields[k] !== undefined);
      if (step.kind === 'speakers' && misplaced) {
        return {
          ok: false,
          error: refused('invalid', 'refusal.discussion-only-field', { field: misplaced }),
        };
      }
      Object.assign(step, given(fields));
      break;
    }
    default:
      return change satisfies never;
  }
  return { ok: true, agenda: edited };
};
