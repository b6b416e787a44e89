import type { AgendaItem } from '../../../shared/protocol/agenda';
import { LIMITS } from '../../../shared/protocol/limits';
import { EditForm, Field } from './EditForm';
import { useDraft } from './useDraft';

/** An agenda item's title. */
export const ItemForm = ({ item }: { item: AgendaItem }) => {
  const [title, setTitle] = useDraft(item.title, (t) => t);
  return (
    <EditForm
      legend="Agenda item"
      submitLabel={`Save item “${item.title}”`}
      draft={() => ({ change: { target: 'item', itemId: item.id, title } })}
    >
      <Field
        label="Item title"
        value={title}
        onChange={(t) => setTitle(() => t)}
        maxLength={LIMITS.titleChars}
        className="wide"
      />
    </EditForm>
  );
};
