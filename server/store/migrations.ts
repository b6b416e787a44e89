/**
 * The database schema, one migration per entry; `PRAGMA user_version` counts those applied.
 * Never edit a migration that has shipped: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    agenda TEXT NOT NULL,          -- the Agenda as JSON, as parsed
    roster TEXT NOT NULL,          -- the Roster as JSON
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE codes (
    meeting TEXT NOT NULL REFERENCES meetings(id),
    role TEXT NOT NULL,
    delegation TEXT,               -- set for a delegation's code
    code TEXT NOT NULL UNIQUE      -- canonical form: 10 symbols of Crockford's base32
  ) STRICT;
  CREATE INDEX codes_by_meeting ON codes(meeting);

  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,         -- sha256 of the token, hex; the token itself is never stored
    meeting TEXT NOT NULL REFERENCES meetings(id),
    role TEXT NOT NULL,
    delegation TEXT,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  ) STRICT;
  CREATE INDEX tokens_by_meeting ON tokens(meeting);

  -- The audit trail and the replay log: every accepted command, in version order.
  CREATE TABLE commands (
    meeting TEXT NOT NULL REFERENCES meetings(id),
    version INTEGER NOT NULL,
    at INTEGER NOT NULL,
    role TEXT NOT NULL,
    delegation TEXT,
    source TEXT NOT NULL,          -- 'socket' or 'timer'
    command TEXT NOT NULL,         -- the Command as JSON
    PRIMARY KEY (meeting, version)
  ) STRICT, WITHOUT ROWID;

  -- Commands a restart could not replay, moved aside so the meeting can go on.
  CREATE TABLE diverged_commands (
    meeting TEXT NOT NULL,
    version INTEGER NOT NULL,
    at INTEGER NOT NULL,
    role TEXT NOT NULL,
    delegation TEXT,
    source TEXT NOT NULL,
    command TEXT NOT NULL,
    moved_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE snapshots (
    meeting TEXT NOT NULL REFERENCES meetings(id),
    version INTEGER NOT NULL,
    snapshot TEXT NOT NULL,        -- a snapshot document (server/store/snapshots.ts) as JSON
    PRIMARY KEY (meeting, version)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE turns (
    seq INTEGER PRIMARY KEY,
    meeting TEXT NOT NULL REFERENCES meetings(id),
    version INTEGER NOT NULL,      -- the command that ended the turn
    id TEXT NOT NULL,
    record TEXT NOT NULL           -- the TurnRecord as JSON
  ) STRICT;
  CREATE INDEX turns_by_meeting ON turns(meeting, seq);

  CREATE TABLE requests (
    seq INTEGER PRIMARY KEY,
    meeting TEXT NOT NULL REFERENCES meetings(id),
    version INTEGER NOT NULL,
    id TEXT NOT NULL,
    record TEXT NOT NULL           -- the RequestRecord as JSON
  ) STRICT;
  CREATE INDEX requests_by_meeting ON requests(meeting, seq);

  CREATE TABLE steps (
    seq INTEGER PRIMARY KEY,
    meeting TEXT NOT NULL REFERENCES meetings(id),
    version INTEGER NOT NULL,
    record TEXT NOT NULL           -- the StepRecord as JSON
  ) STRICT;
  CREATE INDEX steps_by_meeting ON steps(meeting, seq);
  `,
  `
  -- The chair's and the operator's actions on access: sign-outs and code rotations. Never a
  -- code or a token: who, what, which role or delegation, how many tokens were revoked.
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    meeting TEXT NOT NULL REFERENCES meetings(id),
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,           -- 'chair' or 'operator'
    action TEXT NOT NULL,          -- 'delegation.sign-out' or 'code.rotate'
    role TEXT NOT NULL,
    delegation TEXT,
    revoked_tokens INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX audit_by_meeting ON audit(meeting, seq);
  CREATE INDEX tokens_by_meeting_role ON tokens(meeting, role, delegation);
  `,
  `
  -- Contract version 2: the groups a meeting was made with (regional, negotiating), as JSON.
  ALTER TABLE meetings ADD COLUMN delegation_groups TEXT NOT NULL DEFAULT '[]';
  `,
  `
  -- Contract version 2, "Speaker cues and room outputs": the webhooks of each meeting. The secret
  -- is kept in clear, as it must be to sign each body; it is never listed or logged.
  CREATE TABLE hooks (
    id TEXT PRIMARY KEY,
    meeting TEXT NOT NULL REFERENCES meetings(id),
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    events TEXT,                   -- the events asked for, as a JSON array; NULL for all
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL       -- 'chair' or 'operator'
  ) STRICT;
  CREATE INDEX hooks_by_meeting ON hooks(meeting, created_at);

  -- The clock phase the outputs last dealt with, per meeting, so a restart neither announces a
  -- turn.phase twice nor loses one that fell while the server was down.
  CREATE TABLE output_phases (
    meeting TEXT PRIMARY KEY REFERENCES meetings(id),
    turn TEXT NOT NULL,
    phase TEXT NOT NULL,           -- 'normal', 'warning' or 'overtime'
    at INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  `,
  `
  -- Issue 16, "In-doubt commits and command ids": the sender's id of a command, when it gave one,
  -- so a command sent again is answered once. Unique per meeting; NULLs (no id) do not collide.
  ALTER TABLE commands ADD COLUMN command_id TEXT;
  CREATE UNIQUE INDEX commands_by_command_id ON commands(meeting, command_id);
  `,
];
