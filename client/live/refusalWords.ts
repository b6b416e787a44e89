import { useCallback } from 'react';
import type { Category } from '../../shared/categories';
import { dirOf } from '../../shared/protocol/langs';
import type { CommandErrorCode, RefusalReason } from '../../shared/protocol/refusals';
import { i18n, localeOf } from '../i18n/i18n';
import { useLang } from '../i18n/languages';
import { useNames } from '../i18n/names';
import { useT } from '../i18n/useT';
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

/** Unicode's first-strong isolate and its end: a name or a code keeps its own direction. */
const ISOLATE = '\u2068';
const END_ISOLATE = '\u2069';

/**
 * A refusal's words in the page's language (the catalogues' area `refusals`): its reason's
 * message, with the delegations and groups it names in that language (the roster's `names`,
 * by the ids the reason carries) and the categories in its words. A refusal without a reason,
 * or with one this screen does not know (a newer server), is said in the server's English.
 */
export const useRefusalWords = (): RefusalWords => {
  const t = useT();
  const names = useNames();
  const lang = useLang();
  return useCallback(
    (refusal) => {
      const { reason } = refusal;
      if (!reason || i18n.messages[reason.id] === undefined) {
        return refusal.message || t('live.refused');
      }
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
    },
    // The words change with the language and with the names the roster brings.
    [t, names, lang],
  );
};

const isCategory = (id: string): id is Category => Object.hasOwn(CATEGORY_WORDS, id);
