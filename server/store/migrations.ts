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
];
