import { useId, useState } from 'react';
import { formatDuration } from '../../shared/clock/turnClock';
import { currentStep } from '../../shared/engine/places';
import { localeOf } from '../i18n/i18n';
import { useLang } from '../i18n/languages';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useTimedValue } from '../live/useTimedValue';
import { useSharedWords } from '../officers/sharedWords';
import {
  type CountedTurn,
  dayStartOf,
  mergeTurns,
  onTheFloor,
  SPOKEN_SO_FAR,
  type SpeakingRow,
  type SpeakingSort,
  type Spoken,
  sortRows,
  speakingTimes,
} from './speakingTime';
import { useSpokenTurns } from './useSpokenTurns';

/** Rows shown before "Show all": the moderator wants the few who spoke most, at a glance. */
const TOP = 5;

/** The columns of time, each with its message. */
const COLUMNS: readonly { sort: SpeakingSort; label: string }[] = [
  { sort: 'item', label: 'consoles.column-this-item' },
  { sort: 'today', label: 'consoles.column-today' },
];

const TimeCell = ({ spoken }: { spoken: Spoken }) => {
  const t = useT();
  return spoken.turns === 0 ? (
    <td className="quiet">
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('consoles.no-time')}</span>
    </td>
  ) : (
    <td className="digits">
      <span dir="ltr">{formatDuration(spoken.spokenMs)}</span>
    </td>
  );
};

/**
 * One list (the delegations, or the groups): the few with most time in the chosen column, and
 * all of them on demand. The column headers sort it, as a table's do (`aria-sort`).
 */
const SpeakingTable = ({
  caption,
  whoHeading,
  rows,
  sort,
  onSort,
}: {
  caption: string;
  whoHeading: string;
  rows: readonly SpeakingRow[];
  sort: SpeakingSort;
  onSort: (sort: SpeakingSort) => void;
}) => {
  const t = useT();
  const lang = useLang();
  const [all, setAll] = useState(false);
  const sorted = sortRows(rows, sort, localeOf(lang));
  const shown = all ? sorted : sorted.slice(0, TOP);
  return (
    <div className="speaking-list">
      <table className="speaking-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{whoHeading}</th>
            {COLUMNS.map((c) => (
              <th
                key={c.sort}
                scope="col"
                aria-sort={sort === c.sort ? 'descending' : undefined}
                className="speaking-time-column"
              >
                <button
                  type="button"
                  className="sort-button"
                  aria-pressed={sort === c.sort}
                  onClick={() => onSort(c.sort)}
                >
                  {t(c.label)}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.id} className={row.speaking ? 'is-speaking' : undefined}>
              <th scope="row">
                {row.name}
                {row.speaking && <span className="tag speaking-tag">{t('consoles.speaking')}</span>}
              </th>
              <TimeCell spoken={row.item} />
              <TimeCell spoken={row.today} />
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > TOP && (
        <button type="button" className="button-quiet button-small" onClick={() => setAll(!all)}>
          {all
            ? t('consoles.show-first', { count: TOP })
            : t('consoles.show-all', { count: sorted.length })}
        </button>
      )}
    </div>
  );
};

/**
 * The tallies themselves, counted again at each whole second of the current turn's clock (and
 * not while it stands still): a thousand turns count in about 0.1 ms (measured in Node on this
 * project's machine), so nothing is kept between seconds.
 */
const SpeakingTimes = ({
  recorded,
  sort,
  onSort,
}: {
  recorded: readonly CountedTurn[];
  sort: SpeakingSort;
  onSort: (sort: SpeakingSort) => void;
}) => {
  const t = useT();
  const words = useSharedWords();
  const { view, clock } = useLiveView();
  const spokenNow = useTimedValue(clock, view.turn, SPOKEN_SO_FAR);
  const timeZone = view.agenda.timeZone;
  const dayStart = dayStartOf(clock.now(), timeZone);
  const itemId = view.current?.itemId ?? null;
  const floor = onTheFloor(view, spokenNow);
  const current = view.turn ? (floor.find((t) => t.id === view.turn?.id) ?? null) : null;
  const counted = speakingTimes(mergeTurns(recorded, floor), { itemId, dayStart }, current);
  // Each row by its name in the page's language (the record keeps the English one).
  const times = {
    delegations: counted.delegations.map((row) => ({
      ...row,
      name: words.delegation(row.id, row.name),
    })),
    groups: counted.groups.map((row) => ({ ...row, name: words.group(row.id, row.name) })),
  };
  const item = currentStep(view)?.item ?? null;
  if (times.delegations.length === 0 && times.groups.length === 0) {
    return <p className="quiet">{t('consoles.nobody-has-spoken')}</p>;
  }
  return (
    <>
      <div className="quiet">
        {item && <p>{t('consoles.this-item', { title: item.title })}</p>}
        <p>{t('consoles.group-statements-count')}</p>
      </div>
      {times.delegations.length > 0 && (
        <SpeakingTable
          caption={t('consoles.delegations')}
          whoHeading={t('consoles.delegation')}
          rows={times.delegations}
          sort={sort}
          onSort={onSort}
        />
      )}
      {times.groups.length > 0 && (
        <SpeakingTable
          caption={t('consoles.on-behalf-of-groups')}
          whoHeading={t('consoles.group')}
          rows={times.groups}
          sort={sort}
          onSort={onSort}
        />
      )}
    </>
  );
};

/**
 * Speaking time so far, per delegation and per group, in this item and today, on the moderator's
 * console: who has had the floor most, with the current turn's time growing as it speaks. It
 * folds away to a heading.
 */
export const SpeakingTimePanel = () => {
  const t = useT();
  const { view, session, clock, onState } = useLiveView();
  const [open, setOpen] = useState(true);
  // Kept while the panel is folded away: the moderator's choice of column stands.
  const [sort, setSort] = useState<SpeakingSort>('item');
  const bodyId = useId();
  const recorded = useSpokenTurns(session, view, clock, onState);
  return (
    <section className="panel speaking-time" aria-labelledby="speaking-time-heading">
      <h2 id="speaking-time-heading">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          {t('consoles.speaking-time')}
        </button>
      </h2>
      <div id={bodyId} className="speaking-time-body" hidden={!open}>
        {/* Folded away, nothing in it redraws each second. */}
        {open &&
          (recorded === null ? (
            <p className="quiet">{t('consoles.reading-the-record')}</p>
          ) : (
            <SpeakingTimes recorded={recorded} sort={sort} onSort={setSort} />
          ))}
      </div>
    </section>
  );
};
