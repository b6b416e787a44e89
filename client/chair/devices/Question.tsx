import { ConfirmQuestion } from '../../components/ConfirmButton';
import { useT } from '../../i18n/useT';
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
}) => {
  const t = useT();
  const { question, confirmLabel } = questionOf(action);
  return (
    <ConfirmQuestion
      question={t(question)}
      confirmLabel={t(confirmLabel)}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
};
