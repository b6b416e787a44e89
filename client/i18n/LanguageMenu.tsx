import { type ReactNode, useId } from 'react';
import { dirOf, LANGS, type Lang, NATIVE_NAME } from '../../shared/protocol/langs';
import { chooseLang, useWantedLang } from './languages';
import { useT } from './useT';

/** The six languages as a menu's options, each named in itself and read in its own direction. */
export const LanguageOptions = () => (
  <>
    {LANGS.map((l) => (
      <option key={l} value={l} lang={l} dir={dirOf(l)}>
        {NATIVE_NAME[l]}
      </option>
    ))}
  </>
);

/**
 * A menu labelled "Language" that offers the six languages, after `children` (options of the
 * menu's own, whose values are no language). `onPick` is given the language picked, or null for
 * one of those options.
 */
export const LanguageSelect = ({
  className,
  value,
  onPick,
  children,
}: {
  className?: string | undefined;
  value: string;
  onPick: (lang: Lang | null) => void;
  children?: ReactNode;
}) => {
  const t = useT();
  const id = useId();
  return (
    <div className={['language-menu', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{t('common.language')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const chosen = e.target.value;
          onPick(LANGS.find((l) => l === chosen) ?? null);
        }}
      >
        {children}
        <LanguageOptions />
      </select>
    </div>
  );
};

/**
 * The device's language: each language named in itself, so a reader finds theirs whatever the
 * page shows now. The choice is kept on the device (and `?lang=` in an address sets it too).
 */
export const LanguageMenu = ({ className }: { className?: string }) => {
  const lang = useWantedLang();
  return (
    <LanguageSelect
      className={className}
      value={lang}
      onPick={(picked) => {
        if (picked) chooseLang(picked);
      }}
    />
  );
};
