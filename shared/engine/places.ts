import type {
  Agenda,
  AgendaItem,
  FloorStep,
  ScheduledSpeaker,
  SpeakersStep,
  Step,
} from '../protocol/agenda';

/**
 * Where a meeting stands in its agenda, read the same way by the engine (from its context) and
 * by the screens (from the view): both have the agenda and the current step. One set of names
 * for the agenda's navigation on both sides.
 */
export interface Placed {
  agenda: Agenda;
  current: { itemId: string; stepId: string } | null;
}

export interface Located {
  item: AgendaItem;
  itemIndex: number;
  step: Step;
  stepIndex: number;
}

export const locate = (agenda: Agenda, itemId: string, stepId: string): Located | null => {
  const itemIndex = agenda.items.findIndex((i) => i.id === itemId);
  const item = agenda.items[itemIndex];
  if (!item) return null;
  const stepIndex = item.steps.findIndex((s) => s.id === stepId);
  const step = item.steps[stepIndex];
  if (!step) return null;
  return { item, itemIndex, step, stepIndex };
};

export const currentStep = (ctx: Placed): Located | null =>
  ctx.current ? locate(ctx.agenda, ctx.current.itemId, ctx.current.stepId) : null;

/** Whether the meeting is at the agenda's very last step, where "next" closes it. */
export const atLastStep = (ctx: Placed): boolean => {
  const here = ctx.current;
  const last = ctx.agenda.items.at(-1);
  return here !== null && last?.id === here.itemId && last.steps.at(-1)?.id === here.stepId;
};

/**
 * The agenda's very last step, as where a closed meeting stood when nothing better is known (a
 * snapshot of format 1, a screen's view): reopened, it is a new stretch of that step.
 */
export const lastStep = (
  agenda: Agenda,
): {
  itemId: string;
  stepId: string;
  itemStartedAt: number;
  heard: string[];
  replies: Record<string, number>;
} | null => {
  const item = agenda.items.at(-1);
  const step = item?.steps.at(-1);
  return item && step
    ? { itemId: item.id, stepId: step.id, itemStartedAt: 0, heard: [], replies: {} }
    : null;
};

/** The step after the current one, across items; null after the last. */
export const stepAfter = (ctx: Placed): { itemId: string; stepId: string } | null => {
  const here = currentStep(ctx);
  if (!here) return null;
  const nextInItem = here.item.steps[here.stepIndex + 1];
  if (nextInItem) return { itemId: here.item.id, stepId: nextInItem.id };
  const nextItem = ctx.agenda.items[here.itemIndex + 1];
  const first = nextItem?.steps[0];
  return nextItem && first ? { itemId: nextItem.id, stepId: first.id } : null;
};

/** A scheduled speaker of the current item, with the step whose programme names them. */
export interface Scheduled {
  speaker: ScheduledSpeaker;
  step: SpeakersStep;
}

/**
 * Who `turn.start` gives the floor to when it names nobody, or the one it names: in a speakers
 * step, the first scheduled speaker of this step not yet heard. The same person may speak in
 * several steps of an item (a moderator opens and concludes), so a name is looked up in this
 * step first, for this step's allowance. The consoles show the same answer on their button.
 */
export const scheduledSpeaker = (
  ctx: Placed & { current: { heard: readonly string[] } | null },
  speakerId?: string,
): Scheduled | null => {
  const here = currentStep(ctx);
  if (!here) return null;
  const programme = here.item.steps.flatMap((step) =>
    step.kind === 'speakers' ? step.speakers.map((speaker) => ({ speaker, step })) : [],
  );
  if (speakerId !== undefined) {
    return (
      programme.find(({ speaker, step }) => speaker.id === speakerId && step.id === here.step.id) ??
      programme.find(({ speaker }) => speaker.id === speakerId) ??
      null
    );
  }
  const heard = new Set(ctx.current?.heard);
  return (
    programme.find(({ speaker, step }) => step.id === here.step.id && !heard.has(speaker.id)) ??
    null
  );
};

/** The scheduled speakers of the current step not yet heard, in the programme's order. */
export const speakersToCome = (
  ctx: Placed & { current: { heard: readonly string[] } | null },
): ScheduledSpeaker[] => {
  const here = currentStep(ctx);
  if (here?.step.kind !== 'speakers') return [];
  const heard = new Set(ctx.current?.heard);
  return here.step.speakers.filter((s) => !heard.has(s.id));
};

/**
 * The discussion whose list of speakers a statement asked for now joins: the current step when it
 * is a discussion; during an item's earlier steps, the item's next discussion when it takes early
 * requests (`requestsFrom: "item"`, contract version 2), `early`; else none.
 */
export const queueStep = (ctx: Placed): { step: FloorStep; early: boolean } | null => {
  const here = currentStep(ctx);
  if (!here) return null;
  if (here.step.kind === 'floor') return { step: here.step, early: false };
  const ahead = here.item.steps.slice(here.stepIndex + 1).find((s) => s.kind === 'floor');
  return ahead?.kind === 'floor' && ahead.requestsFrom === 'item'
    ? { step: ahead, early: true }
    : null;
};

/** The ids of the current item's scheduled speakers: whom a question may address. */
export const panelistsOfItem = (ctx: Placed): Set<string> => {
  const here = currentStep(ctx);
  return new Set(
    here?.item.steps.flatMap((s) => (s.kind === 'speakers' ? s.speakers.map((p) => p.id) : [])),
  );
};
