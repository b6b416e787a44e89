import type { MessageDescriptor } from '@lingui/core';
import { I18nProvider, Trans } from '@lingui/react';
import { useEffect, useId, useRef, useState } from 'react';
import { CATEGORIES, type Category } from '../../shared/categories';
import type { Names } from '../../shared/protocol/agenda';
import { dirOf, LANGS, type Lang, NATIVE_NAME } from '../../shared/protocol/langs';
import { ApiError, fetchCodes, fetchRoster, httpProblem, listMeetings } from '../app/api';
import { screenPath } from '../app/router';
import type { Session } from '../app/sessions';
import { useFittedText } from '../components/useFittedText';
import { LanguageMenu } from '../i18n/LanguageMenu';
import { useLang } from '../i18n/languages';
import { useT } from '../i18n/useT';
import { useCardMessages } from './cardMessages';
import { joinLink, spacedCode } from './joinLink';
import { QrCode } from './QrCode';
import '../styles/print.css';
import '../styles/cards.css';

export interface JoinCardData {
  delegationId: string;
  /** The English name, and the roster's names in the five other languages. */
  name: string;
  names: Names | undefined;
  category: Category;
  code: string;
}

/** Each category's words, on the cards and in the page's filter. */
const CATEGORY_WORDS: Record<Category, string> = {
  'member-state': 'cards.category-member-state',
  observer: 'cards.category-observer',
  igo: 'cards.category-igo',
  'un-system': 'cards.category-un-system',
  stakeholder: 'cards.category-stakeholder',
};

/** A delegation's name in a language: the roster's, else the English. */
const nameIn = (card: JoinCardData, lang: Lang): string =>
  (lang !== 'en' && card.names?.[lang]) || card.name;

/**
 * One card, in the language the cards are printed in (the messages of the `I18nProvider` around
 * it): the delegation's name in it, its category, its code, how to join. Right to left in Arabic;
 * the code, the address and the QR code read left to right in every language.
 */
const JoinCard = ({
  card,
  lang,
  meetingId,
  title,
}: {
  card: JoinCardData;
  lang: Lang;
  meetingId: string;
  title: string;
}) => {
  const t = useT();
  const origin = window.location.origin;
  const text = useRef<HTMLDivElement>(null);
  const name = nameIn(card, lang);
  // The longest names ("United Kingdom of Great Britain and Northern Ireland") shrink to fit.
  useFittedText(text, SMALLEST_TEXT, `${lang} ${name}`);
  return (
    <article
      className="join-card-print"
      lang={lang}
      dir={dirOf(lang)}
      aria-label={t('cards.card-of', { name })}
    >
      <div className="join-card-text" ref={text}>
        <p className="join-card-meeting">{title}</p>
        <h2 className="join-card-name">{name}</h2>
        <p className="join-card-category">{t(CATEGORY_WORDS[card.category])}</p>
        <p className="join-card-code">
          <span className="join-card-code-label">{t('cards.access-code')}</span>
          <strong className="digits" dir="ltr">
            {spacedCode(card.code)}
          </strong>
        </p>
        <p className="join-card-how">
          <Trans
            id="cards.how-to-join"
            values={{ origin }}
            components={{ 0: <bdi className="join-card-origin" dir="ltr" /> }}
          />
        </p>
      </div>
      <QrCode text={joinLink(origin, meetingId, card.code)} label={t('cards.qr-of', { name })} />
    </article>
  );
};

/** 15 pt names may go down to 9 pt, still legible on a card held in the hand. */
const SMALLEST_TEXT = 0.6;

type Loaded = { cards: JoinCardData[]; title: string } | { problem: MessageDescriptor } | null;

const load = async (session: Session): Promise<Loaded> => {
  try {
    const [codes, roster, meetings] = await Promise.all([
      fetchCodes(session.meetingId, session.token),
      fetchRoster(session.meetingId),
      listMeetings(),
    ]);
    const cards = roster.flatMap((d): JoinCardData[] => {
      const code = codes.codes.delegations[d.id];
      return code === undefined
        ? []
        : [{ delegationId: d.id, name: d.name, names: d.names, category: d.category, code }];
    });
    const title = meetings.find((m) => m.meetingId === session.meetingId)?.title ?? '';
    return { cards, title };
  } catch (error) {
    return {
      problem:
        error instanceof ApiError && error.code === 'unauthorized'
          ? { id: 'cards.no-longer-admitted' }
          : error instanceof ApiError
            ? httpProblem(error)
            : { id: 'cards.unreadable' },
    };
  }
};

/**
 * Join cards for the secretariat to print and hand out (`/m/<id>/cards`): one per delegation,
 * with its code and a QR code of its join link; eight to an A4 page, with cut lines. The page
 * speaks the device's language; the cards are printed in the language picked here (the page's
 * until another is picked), whatever the page's.
 */
export const CardsScreen = ({ session }: { session: Session }) => {
  const t = useT();
  const pageLang = useLang();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [category, setCategory] = useState<Category | 'all'>('all');
  const [picked, pick] = useState<Lang | null>(null);
  const cardMessages = useCardMessages(picked ?? pageLang);
  const filterId = useId();
  const langId = useId();
  useEffect(() => {
    let live = true;
    void load(session).then((result) => {
      if (live) setLoaded(result);
    });
    return () => {
      live = false;
    };
  }, [session]);
  const cards =
    loaded && 'cards' in loaded
      ? loaded.cards.filter((c) => category === 'all' || c.category === category)
      : [];
  return (
    <div className="cards-page">
      <div className="print-tools no-print">
        <h1>{t('cards.title')}</h1>
        <a href={screenPath(session.meetingId, 'chair')}>{t('cards.back-to-console')}</a>
        <label htmlFor={filterId}>{t('cards.delegations')}</label>
        <select
          id={filterId}
          value={category}
          onChange={(e) => {
            const chosen = e.target.value;
            setCategory(CATEGORIES.find((c) => c === chosen) ?? 'all');
          }}
        >
          <option value="all">{t('cards.all-categories')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(CATEGORY_WORDS[c])}
            </option>
          ))}
        </select>
        <label htmlFor={langId}>{t('cards.card-language')}</label>
        <select
          id={langId}
          value={picked ?? pageLang}
          onChange={(e) => {
            const chosen = e.target.value;
            pick(LANGS.find((l) => l === chosen) ?? null);
          }}
        >
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l} dir={dirOf(l)}>
              {NATIVE_NAME[l]}
            </option>
          ))}
        </select>
        <button type="button" className="button-primary" onClick={() => window.print()}>
          {t('cards.print', { count: cards.length })}
        </button>
        <LanguageMenu className="print-tools-language" />
      </div>
      {loaded === null && <p role="status">{t('cards.reading')}</p>}
      {loaded && 'problem' in loaded && <p role="alert">{t(loaded.problem)}</p>}
      <main className="cards">
        {loaded && 'cards' in loaded && cardMessages && (
          <I18nProvider i18n={cardMessages.i18n}>
            {cards.map((card) => (
              <JoinCard
                key={card.delegationId}
                card={card}
                lang={cardMessages.lang}
                meetingId={session.meetingId}
                title={loaded.title}
              />
            ))}
          </I18nProvider>
        )}
      </main>
    </div>
  );
};
