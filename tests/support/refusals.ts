import type { ReasonedRefusal, RefusalReason } from '../../shared/protocol/refusals';
import { i18nIn } from './i18n';

/**
 * The screens' English for refusals: the English catalogue of the area `refusals`
 * (client/locales/en/refusals.po), and `common` for the refusals a screen makes itself (`live.*`),
 * compiled as the screens' build compiles them. What an English screen shows for a reason, for
 * tests to compare with the server's words.
 */
const english = await i18nIn('en', ['refusals', 'common']);

/** A reason in the screens' English (the id itself when the catalogue lacks it). */
export const screenEnglish = (reason: RefusalReason): string => english._(reason.id, reason.values);

/** A refusal as an English screen says it: its code, and its reason in the catalogue's words. */
export const inEnglish = (
  refusal: ReasonedRefusal | null | undefined,
): { code: string; message: string } | null =>
  refusal ? { code: refusal.code, message: screenEnglish(refusal.reason) } : null;
