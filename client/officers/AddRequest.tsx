import { type FormEvent, useId, useMemo, useState } from 'react';
import { groupsOf } from '../../shared/groups';
import type { Delegation, Group } from '../../shared/protocol/agenda';
import type { CommandOf } from '../../shared/protocol/commands';
import type { RequestKind } from '../../shared/protocol/common';
import { LIMITS } from '../../shared/protocol/limits';
import { BusyButton } from '../components/BusyButton';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { useGroups, useRoster } from '../live/useRoster';
import { panelists } from '../meeting/agenda';
import { KIND_WORDS } from '../meeting/requestWords';
import { useRequestWords } from '../meeting/useRequestWords';

const MATCHES_SHOWN = 8;

/** The kinds, in the room's order of words (a statement first, as most requests are). */
const KINDS = Object.keys(KIND_WORDS) as RequestKind[];

const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The group a delegation speaks for ("" for its own statement), with the groups it may choose. */
const BehalfChoice = ({
  delegation,
  groups,
  value,
  onChange,
}: {
  delegation: Delegation;
  groups: Group[];
  value: string;
  onChange: (groupId: string) => void;
}) => {
  const id = useId();
  return (
    <div className="behalf-field">
      <label htmlFor={id}>
        On behalf of<span className="visually-hidden"> (for {delegation.name})</span>
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Its own statement</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            the {g.name}
          </option>
        ))}
      </select>
    </div>
  );
};

/**
 * A request on a delegation's behalf: the nameplate raised in the room. The moderator chooses
 * what it asks for (a statement, a right of reply, a point of order), for a statement the group
 * it is made for (among the delegation's own groups) and the panelists its questions address.
 */
export const AddRequest = () => {
  const words = useRequestWords();
  const { view, session } = useLiveView();
  const roster = useRoster(session.meetingId);
  const groups = useGroups(session.meetingId);
  const [send, pending] = useCommand();
  const mayPress = useMayPress(roster, groups);
  const [kind, setKind] = useState<RequestKind>('statement');
  const [search, setSearch] = useState('');
  const [speakerName, setSpeakerName] = useState('');
  /** The group each delegation shown speaks for, by delegation id; absent: its own statement. */
  const [behalf, setBehalf] = useState<Readonly<Record<string, string>>>({});
  const [addressed, setAddressed] = useState<readonly string[]>([]);
  const searchId = useId();
  const speakerId = useId();
  const kindName = useId();

  const statement = kind === 'statement';
  const people = statement ? panelists(view) : [];
  // Only the current item's panelists: a choice made in an item past is not sent to the next.
  const addressedTo = people.filter((p) => addressed.includes(p.id)).map((p) => p.id);
  const waiting = new Set(
    view.floor.queue.filter((r) => r.kind === kind).map((r) => r.delegationId),
  );
  const query = folded(search.trim());
  const matches = useMemo(
    () =>
      query === ''
        ? []
        : (roster ?? []).filter((d) => folded(d.name).includes(query)).slice(0, MATCHES_SHOWN),
    [roster, query],
  );

  const name = speakerName.trim();
  const addFor = (delegation: Delegation): CommandOf<'floor.add'> => {
    const group = statement ? behalf[delegation.id] : undefined;
    return {
      type: 'floor.add',
      delegationId: delegation.id,
      ...(name !== '' && { speakerName: name }),
      ...(kind !== 'statement' && { kind }),
      ...(group && { onBehalfOf: group }),
      ...(addressedTo.length > 0 && { addressedTo }),
    };
  };
  /** Whether the chart would add it, group and questions included. */
  const refusalFor = (delegation: Delegation) => mayPress(addFor(delegation));
  const add = async (delegation: Delegation) => {
    const ack = await send(addFor(delegation));
    if (ack.ok) {
      setSearch('');
      setSpeakerName('');
      setAddressed([]);
      setBehalf({});
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Enter adds the one delegation found that the chart would add (not one already waiting).
    const only = matches.filter((d) => refusalFor(d) === null);
    if (only.length === 1 && only[0] && !pending) void add(only[0]);
  };
  const toggleAddressed = (id: string, on: boolean) =>
    setAddressed((ids) => (on ? [...ids, id] : ids.filter((i) => i !== id)));

  return (
    <form className="add-request" onSubmit={submit}>
      <h3>Add a request for a delegation</h3>
      <fieldset className="kind-choice">
        <legend>It asks for</legend>
        <div className="choices choices-row">
          {KINDS.map((k) => (
            <label className="choice" key={k}>
              <input
                type="radio"
                name={kindName}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {words.kind(k)}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor={searchId}>Find a delegation</label>
      <input
        id={searchId}
        type="search"
        value={search}
        autoComplete="off"
        placeholder={roster ? 'Type part of its name' : 'Loading the roster…'}
        onChange={(e) => setSearch(e.target.value)}
      />
      <label htmlFor={speakerId}>Speaker's name (optional)</label>
      <input
        id={speakerId}
        value={speakerName}
        maxLength={LIMITS.nameChars}
        autoComplete="off"
        onChange={(e) => setSpeakerName(e.target.value)}
      />
      {people.length > 0 && (
        <fieldset className="addressed-choice">
          <legend>Questions to panelists (optional)</legend>
          <div className="choices choices-row">
            {people.map((p) => (
              <label className="choice" key={p.id}>
                <input
                  type="checkbox"
                  checked={addressed.includes(p.id)}
                  onChange={(e) => toggleAddressed(p.id, e.target.checked)}
                />
                {p.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {query !== '' && matches.length === 0 && <p className="quiet">No delegation matches.</p>}
      {matches.length > 0 && (
        <ul className="rows matches" aria-label="Matching delegations">
          {matches.map((d) => {
            const its = statement && groups ? groupsOf(d.id, groups) : [];
            return (
              <li className="row" key={d.id}>
                <div className="row-main">
                  <strong>{d.name}</strong>
                  <span className="quiet"> {words.category(d.category)}</span>
                </div>
                {its.length > 0 && !waiting.has(d.id) && (
                  <BehalfChoice
                    delegation={d}
                    groups={its}
                    value={behalf[d.id] ?? ''}
                    onChange={(groupId) => setBehalf((b) => ({ ...b, [d.id]: groupId }))}
                  />
                )}
                {waiting.has(d.id) ? (
                  <span className="tag">Waiting</span>
                ) : (
                  <BusyButton
                    busy={pending}
                    refusal={refusalFor(d)}
                    aria-label={`Add a request for ${d.name}`}
                    onClick={() => void add(d)}
                  >
                    Add
                  </BusyButton>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </form>
  );
};
