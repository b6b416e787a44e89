import { type Lang, NATIVE_NAME } from '../../shared/protocol/langs';
import { LanguageSelect } from '../i18n/LanguageMenu';
import { pinRoomLang, useRoomPin } from '../i18n/languages';
import { useT } from '../i18n/useT';

/** The menu's value for "follow the chair's choice": no language is called that. */
const FOLLOW = 'follow';

/**
 * The room display's own language menu, among the controls it shows while the pointer moves: the
 * chair's choice (`display.lang`) first, then the six languages each named in itself. Picking a
 * language pins this device's room screens to it, kept on the device, until "Follow the chair's
 * choice" is picked (client/i18n/languages.tsx).
 */
export const RoomLanguageMenu = ({ chairLang }: { chairLang: Lang }) => {
  const t = useT();
  const pinned = useRoomPin();
  return (
    <LanguageSelect className="room-language-menu" value={pinned ?? FOLLOW} onPick={pinRoomLang}>
      <option value={FOLLOW}>{t('room.follow-chair', { language: NATIVE_NAME[chairLang] })}</option>
    </LanguageSelect>
  );
};
