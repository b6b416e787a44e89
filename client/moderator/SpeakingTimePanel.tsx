import { useId, useState } from 'react';
import { formatDuration } from '../../shared/clock/turnClock';
import { currentStep } from '../../shared/engine/places';
import { useLiveView } from '../live/LiveContext';
import { useTimedValue } from '../live/useTimedValue';
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

const COLUMNS: readonly { sort: SpeakingSort; label: string }[] = [
  { sort: 'item', label: 'This item' },
  { sort: 'today', label: 'Today' },
];

const TimeCell = ({ spoken }: { spoken: Spoken }) =>
  spoken.turns === 0 ? (
    <td className="quiet">
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">none</span>
    </td>
  ) : (
    <td className="digits">{formatDuration(spoken.spokenMs)}</td>
  );

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
  const [all, setAll] = useState(false);
  const sorted = sortRows(rows, sort);
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
                  {c.label}
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
                {row.speaking && <span className="tag speaking-tag">Speaking</span>}
              </th>
              <TimeCell spoken={row.item} />
              <TimeCell spoken={row.today} />
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > TOP && (
        <button type="button" className="button-quiet button-small" onClick={() => setAll(!all)}>
          {all ? `Show the first ${TOP}` : `Show all ${sorted.length}`}
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
  const { view, clock } = useLiveView();
  const spokenNow = useTimedValue(clock, view.turn, SPOKEN_SO_FAR);
  const timeZone = view.agenda.timeZone;
  const dayStart = dayStartOf(clock.now(), timeZone);
  const itemId = view.current?.itemId ?? null;
  const floor = onTheFloor(view, spokenNow);
  const current = view.turn ? (floor.find((t) => t.id === view.turn?.id) ?? null) : null;
  const times = speakingTimes(mergeTurns(recorded, floor), { itemId, dayStart }, current);
  const item = currentStep(view)?.item ?? null;
  if (times.delegations.length === 0 && times.groups.length === 0) {
    return <p className="quiet">No delegation or group has spoken today or in this item.</p>;
  }
  return (
    <>
      <div className="quiet">
        {item && <p>This item: {item.title}</p>}
        <p>A statement on behalf of a group counts for the group.</p>
      </div>
      {times.delegations.length > 0 && (
        <SpeakingTable
          caption="Delegations"
          whoHeading="Delegation"
          rows={times.delegations}
          sort={sort}
          onSort={onSort}
        />
      )}
      {times.groups.length > 0 && (
        <SpeakingTable
          caption="On behalf of groups"
          whoHeading="Group"
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
  const { view, session, clock } = useLiveView();
  const [open, setOpen] = useState(true);
  // Kept while the panel is folded away: the moderator's choice of column stands.
  const [sort, setSort] = useState<SpeakingSort>('item');
  const bodyId = useId();
  const recorded = useSpokenTurns(session, view, clock);
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
          Speaking time
        </button>
      </h2>
      <div id={bodyId} className="speaking-time-body" hidden={!open}>
        {/* Folded away, nothing in it redraws each second. */}
        {open &&
          (recorded === null ? (
            <p className="quiet">Reading the record…</p>
          ) : (
            <SpeakingTimes recorded={recorded} sort={sort} onSort={setSort} />
          ))}
      </div>
    </section>
  );
};
