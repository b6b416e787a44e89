import { useEffect, useId, useRef, useState } from 'react';
import { CATEGORIES, CATEGORY_LABEL, type Category } from '../../shared/categories';
import { ApiError, fetchCodes, fetchRoster, httpProblem, listMeetings } from '../app/api';
import { screenPath } from '../app/router';
import type { Session } from '../app/sessions';
import { useFittedText } from '../components/useFittedText';
import { i18n } from '../i18n/i18n';
import { joinLink, spacedCode } from './joinLink';
import { QrCode } from './QrCode';
import '../styles/print.css';
import '../styles/cards.css';

export interface JoinCardData {
  delegationId: string;
  name: string;
  category: Category;
  code: string;
}

const JoinCard = ({
  card,
  meetingId,
  title,
}: {
  card: JoinCardData;
  meetingId: string;
  title: string;
}) => {
  const origin = window.location.origin;
  const text = useRef<HTMLDivElement>(null);
  // The longest names ("United Kingdom of Great Britain and Northern Ireland") shrink to fit.
  useFittedText(text, SMALLEST_TEXT, card.name);
  return (
    <article className="join-card-print" aria-label={`Join card of ${card.name}`}>
      <div className="join-card-text" ref={text}>
        <p className="join-card-meeting">{title}</p>
        <h2 className="join-card-name">{card.name}</h2>
        <p className="join-card-category">{CATEGORY_LABEL[card.category]}</p>
        <p className="join-card-code">
          <span className="join-card-code-label">Access code</span>
          <strong className="digits">{spacedCode(card.code)}</strong>
        </p>
        <p className="join-card-how">
          Scan the QR code with the tablet, or open{' '}
          <span className="join-card-origin">{origin}</span> and type the code.
        </p>
      </div>
      <QrCode
        text={joinLink(origin, meetingId, card.code)}
        label={`QR code of the join link of ${card.name}`}
      />
    </article>
  );
};

/** 15 pt names may go down to 9 pt, still legible on a card held in the hand. */
const SMALLEST_TEXT = 0.6;

type Loaded = { cards: JoinCardData[]; title: string } | { problem: string } | null;

const load = async (session: Session): Promise<Loaded> => {
  try {
    const [codes, roster, meetings] = await Promise.all([
      fetchCodes(session.meetingId, session.token),
      fetchRoster(session.meetingId),
      listMeetings(),
    ]);
    const cards = roster.flatMap((d) => {
      const code = codes.codes.delegations[d.id];
      return code === undefined
        ? []
        : [{ delegationId: d.id, name: d.name, category: d.category, code }];
    });
    const title = meetings.find((m) => m.meetingId === session.meetingId)?.title ?? '';
    return { cards, title };
  } catch (error) {
    return {
      problem:
        error instanceof ApiError && error.code === 'unauthorized'
          ? 'This device is no longer admitted to the meeting: join again with the chair code.'
          : error instanceof ApiError
            ? i18n._(httpProblem(error))
            : 'The codes could not be read.',
    };
  }
};

/**
 * Join cards for the secretariat to print and hand out (`/m/<id>/cards`): one per delegation,
 * with its code and a QR code of its join link; eight to an A4 page, with cut lines.
 */
export const CardsScreen = ({ session }: { session: Session }) => {
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [category, setCategory] = useState<Category | 'all'>('all');
  const filterId = useId();
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
        <h1>Join cards</h1>
        <a href={screenPath(session.meetingId, 'chair')}>Back to the console</a>
        <label htmlFor={filterId}>Delegations</label>
        <select
          id={filterId}
          value={category}
          onChange={(e) => {
            const chosen = e.target.value;
            setCategory(CATEGORIES.find((c) => c === chosen) ?? 'all');
          }}
        >
          <option value="all">All categories</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABEL[c]}
            </option>
          ))}
        </select>
        <button type="button" className="button-primary" onClick={() => window.print()}>
          Print {cards.length} cards
        </button>
      </div>
      {loaded === null && <p role="status">Reading the codes…</p>}
      {loaded && 'problem' in loaded && <p role="alert">{loaded.problem}</p>}
      <main className="cards">
        {loaded &&
          'cards' in loaded &&
          cards.map((card) => (
            <JoinCard
              key={card.delegationId}
              card={card}
              meetingId={session.meetingId}
              title={loaded.title}
            />
          ))}
      </main>
    </div>
  );
};
