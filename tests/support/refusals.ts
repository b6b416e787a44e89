import { setupI18n } from '@lingui/core';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import type { ReasonedRefusal, RefusalReason } from '../../shared/protocol/errors';
import { readCatalogue } from './catalogues';

/**
 * The screens' English for refusals: the English catalogue of the area `refusals`
 * (client/locales/en/refusals.po), compiled as the screens' build compiles it, with Lingui's own
 * compiler. What an English screen shows for a reason, for tests to compare with the server's.
 */
const catalogue = readCatalogue('en', 'refusals');
const english = setupI18n({
  locale: 'en',
  messages: {
    en: Object.fromEntries([...catalogue].map(([id, message]) => [id, compileMessage(message)])),
  },
});

/** Whether the English catalogue has this id. */
export const inCatalogue = (id: string): boolean => catalogue.has(id);

/** A reason in the screens' English (the id itself when the catalogue lacks it). */
export const screenEnglish = (reason: RefusalReason): string => english._(reason.id, reason.values);

/** A refusal as an English screen says it: its code, and its reason in the catalogue's words. */
export const inEnglish = (
  refusal: ReasonedRefusal | null | undefined,
): { code: string; message: string } | null =>
  refusal ? { code: refusal.code, message: screenEnglish(refusal.reason) } : null;
