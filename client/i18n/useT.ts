import { useLingui } from '@lingui/react';

/**
 * The page's messages: `t('tablet.ask')`, `t('queue.waiting', { count: 3 })`. Ids are checked
 * against the English catalogues by tests/unit/i18n/catalogues.test.ts; values fill the ICU
 * placeholders (plurals, numbers, selects) in the page's language.
 */
export const useT = () => useLingui()._;

export type T = ReturnType<typeof useT>;
