import { type RefObject, useCallback, useRef, useState } from 'react';
import { type Session, saveSession } from '../../app/sessions';
import { rotateCode, signOutDelegation } from './devicesApi';
import { type AccessAction, type AccessAnswer, actionKey } from './words';

export interface AccessActions {
  /** The question on screen, if any: one at a time. */
  asking: AccessAction | null;
  ask: (action: AccessAction, opener: HTMLElement) => void;
  cancel: () => void;
  confirm: () => void;
  /** The action whose request is in flight: every action button waits for it. */
  pending: AccessAction | null;
  answer: AccessAnswer | null;
  dismissAnswer: () => void;
  problem: { action: AccessAction; error: unknown } | null;
  dismissProblem: () => void;
}

/**
 * Sign-outs and new codes: asked, confirmed, sent, answered. A chair who changes the chair code
 * gets a new token in the answer; it is stored as joining stores one, so this page, and every
 * console of this device, carry on with it.
 */
export const useAccessActions = (
  session: Session,
  token: RefObject<string>,
  done: (action: AccessAction) => void,
): AccessActions => {
  const [asking, setAsking] = useState<AccessAction | null>(null);
  const [pending, setPending] = useState<AccessAction | null>(null);
  const [answer, setAnswer] = useState<AccessAnswer | null>(null);
  const [problem, setProblem] = useState<AccessActions['problem']>(null);
  const opener = useRef<HTMLElement | null>(null);
  const answers = useRef(0);

  const ask = useCallback((action: AccessAction, from: HTMLElement) => {
    opener.current = from;
    setAsking(action);
  }, []);

  const cancel = useCallback(() => {
    setAsking(null);
    opener.current?.focus();
  }, []);

  const act = async (action: AccessAction): Promise<AccessAnswer> => {
    const key = actionKey(action);
    if (action.kind === 'sign-out') {
      const out = await signOutDelegation(session.meetingId, token.current, action.delegationId);
      return { kind: 'sign-out', id: ++answers.current, key, name: action.name, ...counts(out) };
    }
    const rotated = await rotateCode(session.meetingId, token.current, action.holder);
    if (rotated.token !== undefined) {
      token.current = rotated.token;
      saveSession({ ...session, token: rotated.token });
    }
    return {
      kind: 'rotate',
      id: ++answers.current,
      key,
      name: action.name,
      holder: action.holder,
      code: rotated.code,
      ...counts(rotated),
      keptSignedIn: rotated.token !== undefined,
    };
  };

  const confirm = () => {
    const action = asking;
    if (!action || pending) return;
    setAsking(null);
    setPending(action);
    setProblem(null);
    act(action).then(
      (answered) => {
        setAnswer(answered);
        setPending(null);
        done(action);
      },
      (error: unknown) => {
        setProblem({ action, error });
        setPending(null);
        // Back to the button that asked, so the keyboard is where it was.
        setTimeout(() => opener.current?.focus(), 0);
      },
    );
  };

  return {
    asking,
    ask,
    cancel,
    confirm,
    pending,
    answer,
    dismissAnswer: useCallback(() => {
      setAnswer(null);
      opener.current?.focus();
    }, []),
    problem,
    dismissProblem: useCallback(() => setProblem(null), []),
  };
};

const counts = (answer: { revokedTokens: number; disconnected: number }) => ({
  revokedTokens: answer.revokedTokens,
  disconnected: answer.disconnected,
});
