import type { Category } from '../../shared/categories';
import { dirOf, type Lang } from '../../shared/protocol/langs';
import type { CommandErrorCode, RefusalReason } from '../../shared/protocol/refusals';
import { localeOf } from '../i18n/i18n';
import type { NameOf } from '../i18n/names';
import type { T } from '../i18n/useT';
import { CATEGORY_WORDS } from '../meeting/requestWords';

/**
 * A refusal a screen shows: one the server answered (its reason, and its English words, which
 * alone come from a server older than reasons) or one the screen foresees (`useMayPress`) or
 * makes itself (not connected): its reason.
 */
export interface ShownRefusal {
  code: CommandErrorCode;
  reason?: RefusalReason | undefined;
  message?: string | undefined;
}

export type RefusalWords = (refusal: ShownRefusal) => string;

/** What a page says refusals with: its messages, whether it knows an id, its names, its language. */
export interface PageWords {
  t: T;
  known: (id: string) => boolean;
  names: NameOf;
  lang: Lang;
}

/** Unicode's first-strong isolate and its end: a name or a code keeps its own direction. */
const ISOLATE = '\u2068';
const END_ISOLATE = '\u2069';

const isCategory = (id: string): id is Category => Object.hasOwn(CATEGORY_WORDS, id);

/**
 * A refusal's words in the page's language (the catalogues' area `refusals`, and `common` for the
 * screen's own): its reason's message, with the delegations and groups it names in that language
 * (the roster's `names`, by the ids the reason carries) and the categories in the room's words.
 * A refusal without a reason, or with one this page does not know (a newer server's), is said in
 * the server's English. On a page right to left, every name and code in it keeps its own
 * direction (Unicode isolates). `useRefusalWords` gives a screen's.
 */
export const refusalWordsIn =
  ({ t, known, names, lang }: PageWords): RefusalWords =>
  (refusal) => {
    const { reason } = refusal;
    if (!reason || !known(reason.id)) return refusal.message || t('live.refused');
    if (!reason.values) return t(reason.id);
    const values = { ...reason.values };
    const text = (key: string) => {
      const value = values[key];
      return typeof value === 'string' && value !== '' ? value : null;
    };
    const delegationId = text('delegationId');
    if (delegationId) {
      for (const key of ['delegation', 'speaker']) {
        const english = text(key);
        if (english) values[key] = names.delegation(delegationId, english);
      }
    }
    const groupId = text('groupId');
    const group = text('group');
    if (groupId && group) values.group = names.group(groupId, group);
    // English keeps the engine's own list ("Member State, UN system"); the others say the
    // categories in the room's words (`words.category-*`), listed as their language lists.
    const categoryIds = text('categoryIds')?.split(',');
    if (lang !== 'en' && categoryIds?.every(isCategory)) {
      values.categories = new Intl.ListFormat(localeOf(lang)).format(
        categoryIds.map((id) => t(CATEGORY_WORDS[id])),
      );
    }
    if (dirOf(lang) === 'rtl') {
      for (const [key, value] of Object.entries(values)) {
        if (typeof value === 'string') values[key] = `${ISOLATE}${value}${END_ISOLATE}`;
      }
    }
    return t({ id: reason.id, values });
  };
