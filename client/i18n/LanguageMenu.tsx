import { useId } from 'react';
import { dirOf, LANGS, NATIVE_NAME } from '../../shared/protocol/langs';
import { chooseLang, useWantedLang } from './languages';
import { useT } from './useT';

/**
 * The device's language: each language named in itself, so a reader finds theirs whatever the
 * page shows now. The choice is kept on the device (and `?lang=` in an address sets it too).
 */
export const LanguageMenu = ({ className }: { className?: string }) => {
  const t = useT();
  const lang = useWantedLang();
  const id = useId();
  return (
    <div className={['language-menu', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{t('common.language')}</label>
      <select
        id={id}
        value={lang}
        onChange={(e) => {
          const chosen = LANGS.find((l) => l === e.target.value);
          if (chosen) chooseLang(chosen);
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l} dir={dirOf(l)}>
            {NATIVE_NAME[l]}
          </option>
        ))}
      </select>
    </div>
  );
};
