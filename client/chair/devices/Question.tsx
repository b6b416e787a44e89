import { ConfirmQuestion } from '../../components/ConfirmButton';
import { type AccessAction, questionOf } from './words';

/** The question asked before a sign-out or a new code, in the screens' own confirm style. */
export const Question = ({
  action,
  onConfirm,
  onCancel,
}: {
  action: AccessAction;
  onConfirm: () => void;
  onCancel: () => void;
}) => <ConfirmQuestion {...questionOf(action)} onConfirm={onConfirm} onCancel={onCancel} />;
