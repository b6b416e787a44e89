import { type FormEvent, useId, useMemo, useState } from 'react';
import type { Delegation } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import { LIMITS } from '../../shared/protocol/limits';
import { BusyButton } from '../components/BusyButton';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { useRoster } from '../live/useRoster';
import { CATEGORY_LABEL } from '../meeting/agenda';

const MATCHES_SHOWN = 8;

const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A request on a delegation's behalf: the nameplate raised in the room. */
export const AddRequest = () => {
  const { view, session } = useLiveView();
  const roster = useRoster(session.meetingId);
  const [send, pending] = useCommand();
  const mayPress = useMayPress(roster);
  const [search, setSearch] = useState('');
  const [speakerName, setSpeakerName] = useState('');
  const searchId = useId();
  const speakerId = useId();

  const waiting = new Set(view.floor.queue.map((r) => r.delegationId));
  const query = folded(search.trim());
  const matches = useMemo(
    () =>
      query === ''
        ? []
        : (roster ?? []).filter((d) => folded(d.name).includes(query)).slice(0, MATCHES_SHOWN),
    [roster, query],
  );

  const name = speakerName.trim();
  const addFor = (delegation: Delegation): Command => ({
    type: 'floor.add',
    delegationId: delegation.id,
    ...(name !== '' && { speakerName: name }),
  });
  const add = async (delegation: Delegation) => {
    const ack = await send(addFor(delegation));
    if (ack.ok) {
      setSearch('');
      setSpeakerName('');
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Enter adds the one delegation found that the chart would add (not one already waiting).
    const only = matches.filter((d) => mayPress(addFor(d)) === null);
    if (only.length === 1 && only[0] && !pending) void add(only[0]);
  };

  return (
    <form className="add-request" onSubmit={submit}>
      <h3>Add a request for a delegation</h3>
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
      {query !== '' && matches.length === 0 && <p className="quiet">No delegation matches.</p>}
      {matches.length > 0 && (
        <ul className="rows matches" aria-label="Matching delegations">
          {matches.map((d) => (
            <li className="row" key={d.id}>
              <div className="row-main">
                <strong>{d.name}</strong>
                <span className="quiet"> {CATEGORY_LABEL[d.category]}</span>
              </div>
              {waiting.has(d.id) ? (
                <span className="tag">Waiting</span>
              ) : (
                <BusyButton
                  busy={pending}
                  refusal={mayPress(addFor(d))}
                  aria-label={`Add a request for ${d.name}`}
                  onClick={() => void add(d)}
                >
                  Add
                </BusyButton>
              )}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
};
