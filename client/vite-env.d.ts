/// <reference types="vite/client" />

/** A catalogue, compiled by Lingui's Vite plugin (client/i18n/lingui.config.ts). */
declare module '*.po' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
