import type { AgendaItem } from '../../../shared/protocol/agenda';
import { LIMITS } from '../../../shared/protocol/limits';
import { useT } from '../../i18n/useT';
import { EditForm, Field } from './EditForm';
import { useDraft } from './useDraft';

/** An agenda item's title. */
export const ItemForm = ({ item }: { item: AgendaItem }) => {
  const t = useT();
  const [title, setTitle] = useDraft(item.title, (saved) => saved);
  return (
    <EditForm
      legend={t('chair.agenda-item')}
      submitLabel={t('chair.save-item', { title: item.title })}
      draft={() => ({ change: { target: 'item', itemId: item.id, title } })}
    >
      <Field
        label={t('chair.item-title')}
        value={title}
        onChange={(typed) => setTitle(() => typed)}
        maxLength={LIMITS.titleChars}
        className="wide"
      />
    </EditForm>
  );
};
