import { type I18n, setupI18n } from '@lingui/core';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import type { Area } from '../../client/i18n/areas';
import { localeOf } from '../../client/i18n/i18n';
import type { Lang } from '../../shared/protocol/langs';
import { readCatalogue } from './catalogues';

/**
 * An i18n instance with the catalogues of `areas` in `lang`, as written (client/locales), compiled
 * here as Lingui's Vite plugin compiles them for the browser: what a screen says, in Node.
 */
export const i18nOf = (lang: Lang, areas: readonly Area[]): I18n =>
  setupI18n({
    locale: lang,
    locales: [localeOf(lang), 'en'],
    messages: {
      [lang]: Object.fromEntries(
        areas.flatMap((area) =>
          [...readCatalogue(lang, area)].map(([id, message]) => [id, compileMessage(message)]),
        ),
      ),
    },
  });
