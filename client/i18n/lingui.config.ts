import { fileURLToPath } from 'node:url';
import type { LinguiConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';
import { LANGS } from '../../shared/protocol/langs';
import { AREAS } from './areas';

/**
 * Lingui's configuration, read by the Vite plugin that compiles each catalogue (a `.po` file)
 * into a small module of precompiled messages when a screen imports it: the browser never parses
 * ICU. The catalogues are written by hand (no extraction): each message has an explicit id
 * (`msgid "tablet.ask"`), English is the source language, and every language has every id
 * (tests/unit/i18n/catalogues.test.ts).
 */
const config: LinguiConfig = {
  // The project's root, whatever directory the build runs from.
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  sourceLocale: 'en',
  locales: [...LANGS],
  catalogs: AREAS.map((area) => ({
    path: `<rootDir>/client/locales/{locale}/${area}`,
    include: ['<rootDir>/client'],
  })),
  format: formatter({ explicitIdAsDefault: true, lineNumbers: false, origins: false }),
};

export default config;
