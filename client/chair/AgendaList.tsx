import { Trans } from '@lingui/react';
import type { AgendaItem } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import { ConfirmButton } from '../components/ConfirmButton';
import { useTakesFocus } from '../components/focusHandoff';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { placeTitle } from '../meeting/agenda';
import { whatLeavingEnds } from '../meeting/leavingStep';
import { stepSeen } from '../meeting/seen';
import { useRequestWords } from '../meeting/useRequestWords';
import { usePermissions } from '../officers/usePermissions';

/** The name under which an agenda step takes the focus handed to it. */
const stepTaker = (itemId: string, stepId: string) => `agenda-step:${itemId}:${stepId}`;

/** The item's planned hours as the agenda writes them (`10:00–10:10`). */
const plannedTime = (item: AgendaItem) =>
  item.plannedStart && item.plannedEnd ? `${item.plannedStart}–${item.plannedEnd}` : null;

/**
 * The agenda with the current item and step marked; the chair may go to any step where the
 * chart lets "Go" act (not the step the meeting is at, nor in a closed meeting).
 */
export const AgendaList = () => {
  const t = useT();
  const words = useRequestWords();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
  // After "Go there", the focus lands on the step the meeting went to, where its button was (and
  // not on the step it left, which is still current until the server's answer arrives).
  const nowTakesFocus = useTakesFocus<HTMLLIElement>(
    stepTaker(view.current?.itemId ?? '', view.current?.stepId ?? ''),
  );
  return (
    <nav className="panel agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('chair.agenda')}</h2>
      <ol className="agenda-items">
        {view.agenda.items.map((item) => {
          const itemIsCurrent = view.current?.itemId === item.id;
          const time = plannedTime(item);
          return (
            <li key={item.id} className={itemIsCurrent ? 'agenda-item is-current' : 'agenda-item'}>
              <h3>
                {item.title}
                {time && (
                  <span className="quiet digits">
                    {' '}
                    <bdi dir="ltr">{time}</bdi>
                  </span>
                )}
              </h3>
              <ol className="agenda-steps">
                {item.steps.map((step) => {
                  const isCurrent = itemIsCurrent && view.current?.stepId === step.id;
                  const place = placeTitle({ item, step });
                  // The step it leaves: a second "Go" (the other co-chair's) is a conflict.
                  const goto: Command = {
                    type: 'agenda.goto',
                    itemId: item.id,
                    stepId: step.id,
                    ...stepSeen(view),
                  };
                  return (
                    <li
                      key={step.id}
                      ref={isCurrent ? nowTakesFocus : undefined}
                      tabIndex={isCurrent ? -1 : undefined}
                      className={isCurrent ? 'agenda-step is-current' : 'agenda-step'}
                      aria-current={isCurrent ? 'step' : undefined}
                    >
                      <span className="agenda-step-title">
                        {isCurrent && <span className="now-marker">{t('chair.now-marker')} </span>}
                        {step.title}
                        <span className="quiet">
                          {' '}
                          {step.kind === 'floor'
                            ? t('chair.step-kind-floor')
                            : t('chair.step-speakers', { count: step.speakers.length })}
                        </span>
                      </span>
                      {can('agenda.goto') && mayPress(goto) === null && (
                        <ConfirmButton
                          className="button-quiet button-small"
                          disabled={pending}
                          question={t('chair.go-question', { place })}
                          detail={
                            whatLeavingEnds(words, view, { itemId: item.id, stepId: step.id }) ??
                            undefined
                          }
                          confirmLabel={t('chair.go-there')}
                          focusAfterConfirm={stepTaker(item.id, step.id)}
                          onConfirm={() => void send(goto)}
                        >
                          <Trans
                            id="chair.go"
                            values={{ place }}
                            components={{ 0: <span className="visually-hidden" /> }}
                          />
                        </ConfirmButton>
                      )}
                    </li>
                  );
                })}
              </ol>
            </li>
          );
        })}
      </ol>
    </nav>
  );
};
