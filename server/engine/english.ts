import { setupI18n } from '@lingui/core';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { REFUSALS, type Refused } from '../../shared/engine/refusals';
import type { Refusal, RefusalReason } from '../../shared/protocol/errors';

/**
 * The refusals' English (`shared/engine/refusals.ts`), compiled once when the server starts, with
 * Lingui's own ICU compiler and runtime, the very ones the screens' catalogues are built with:
 * the ack's `message` is what an English screen shows for the same reason.
 */
const english = setupI18n({
  locale: 'en',
  messages: {
    en: Object.fromEntries(
      Object.entries(REFUSALS).map(([id, { en }]) => [id, compileMessage(en)]),
    ),
  },
});

/** A reason's English words. */
export const englishOf = (reason: RefusalReason): string => english._(reason.id, reason.values);

/** A refusal as the server answers it: the code, the English words, and the reason. */
export const answerOf = (refused: Refused): Refusal => ({
  code: refused.code,
  message: englishOf(refused.reason),
  reason: refused.reason,
});
