import { type I18n, type Messages, setupI18n } from '@lingui/core';
import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/protocol/langs';
import { localeOf } from '../i18n/i18n';
import { useLang } from '../i18n/languages';
import { type T, useT } from '../i18n/useT';

/**
 * The consoles' words in the room's language (`display.lang`), which may not be the console's:
 * a cue is text the speaker reads on the podium, and the podium speaks the room display's
 * language, so a preset goes out in that language whatever the officer reads. The same
 * catalogues (client/locales/<lang>/consoles.po, the very chunks the consoles load), in an i18n
 * instance of their own: the page's instance has one active language.
 */
const CONSOLES = import.meta.glob<{ messages: Messages }>('../locales/*/consoles.po');

const instances = new Map<Lang, Promise<I18n>>();

const roomI18n = (lang: Lang): Promise<I18n> => {
  let instance = instances.get(lang);
  if (!instance) {
    const load = CONSOLES[`../locales/${lang}/consoles.po`];
    if (!load) return Promise.reject(new Error(`no catalogue ${lang}/consoles`));
    instance = load().then(({ messages }) =>
      setupI18n({ locale: lang, locales: [localeOf(lang), 'en'], messages: { [lang]: messages } }),
    );
    // A catalogue that could not be fetched (the server restarting) is asked again next time.
    instance.catch(() => instances.delete(lang));
    instances.set(lang, instance);
  }
  return instance;
};

/**
 * The consoles' messages in `lang`: the page's own when it is the page's language, else the
 * room's instance once its catalogue has arrived; null until then (a few kilobytes from the
 * room's server).
 */
export const useWordsIn = (lang: Lang): T | null => {
  const t = useT();
  const pageLang = useLang();
  const [loaded, setLoaded] = useState<{ lang: Lang; t: T } | null>(null);
  useEffect(() => {
    if (lang === pageLang) return;
    let live = true;
    roomI18n(lang).then(
      (i18n) => {
        if (live) setLoaded({ lang, t: i18n.t });
      },
      () => {
        // Not fetched: the presets wait for the next change of language to try again.
      },
    );
    return () => {
      live = false;
    };
  }, [lang, pageLang]);
  if (lang === pageLang) return t;
  return loaded?.lang === lang ? loaded.t : null;
};
