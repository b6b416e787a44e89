/**
 * The database schema on PostgreSQL, one migration per entry; the `schema_version` table lists
 * those applied. Never edit a migration that has shipped: add a new one.
 *
 * The same tables, columns and meaning as SQLite's (../migrations.ts), in PostgreSQL's types:
 * instants (milliseconds since the epoch) and versions in `bigint`, JSON in `jsonb`, and an
 * identity column where SQLite's order was its implicit rowid (codes and hooks). It starts at
 * SQLite's latest schema: there is no older PostgreSQL database to bring up to date.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meetings (
    id text PRIMARY KEY,
    title text NOT NULL,
    agenda jsonb NOT NULL,              -- the Agenda, as parsed
    roster jsonb NOT NULL,              -- the Roster
    delegation_groups jsonb NOT NULL,   -- the groups it was made with (regional, negotiating)
    created_at bigint NOT NULL
  );

  CREATE TABLE codes (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- the order they were made in
    meeting text NOT NULL REFERENCES meetings(id),
    role text NOT NULL,
    delegation text,                    -- set for a delegation's code
    code text NOT NULL UNIQUE           -- canonical form: 10 symbols of Crockford's base32
  );
  CREATE INDEX codes_by_meeting ON codes(meeting, seq);

  CREATE TABLE tokens (
    hash text PRIMARY KEY,              -- sha256 of the token, hex; the token itself is never stored
    meeting text NOT NULL REFERENCES meetings(id),
    role text NOT NULL,
    delegation text,
    created_at bigint NOT NULL,
    revoked_at bigint
  );
  CREATE INDEX tokens_by_meeting_role ON tokens(meeting, role, delegation);

  -- The chair's and the operator's actions on access: sign-outs and code rotations. Never a
  -- code or a token: who, what, which role or delegation, how many tokens were revoked.
  CREATE TABLE audit (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting text NOT NULL REFERENCES meetings(id),
    at bigint NOT NULL,
    actor text NOT NULL,                -- 'chair' or 'operator'
    action text NOT NULL,               -- 'delegation.sign-out' or 'code.rotate'
    role text NOT NULL,
    delegation text,
    revoked_tokens integer NOT NULL
  );
  CREATE INDEX audit_by_meeting ON audit(meeting, seq);

  -- The audit trail and the replay log: every accepted command, in version order.
  CREATE TABLE commands (
    meeting text NOT NULL REFERENCES meetings(id),
    version bigint NOT NULL,
    at bigint NOT NULL,
    role text NOT NULL,
    delegation text,
    source text NOT NULL,               -- 'socket', 'http' or 'timer'
    command jsonb NOT NULL,             -- the Command
    PRIMARY KEY (meeting, version)
  );

  -- Commands a restart could not replay, moved aside so the meeting can go on.
  CREATE TABLE diverged_commands (
    meeting text NOT NULL,
    version bigint NOT NULL,
    at bigint NOT NULL,
    role text NOT NULL,
    delegation text,
    source text NOT NULL,
    command jsonb NOT NULL,
    moved_at bigint NOT NULL
  );
  CREATE INDEX diverged_commands_by_meeting ON diverged_commands(meeting, version);

  CREATE TABLE snapshots (
    meeting text NOT NULL REFERENCES meetings(id),
    version bigint NOT NULL,
    snapshot jsonb NOT NULL,            -- a snapshot document (server/store/snapshots.ts)
    PRIMARY KEY (meeting, version)
  );

  -- The record, in the order it was made; version is the command that made each row.
  CREATE TABLE turns (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting text NOT NULL REFERENCES meetings(id),
    version bigint NOT NULL,            -- the command that ended the turn
    id text NOT NULL,
    record jsonb NOT NULL               -- the TurnRecord
  );
  CREATE INDEX turns_by_meeting ON turns(meeting, seq);

  CREATE TABLE requests (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting text NOT NULL REFERENCES meetings(id),
    version bigint NOT NULL,
    id text NOT NULL,
    record jsonb NOT NULL               -- the RequestRecord
  );
  CREATE INDEX requests_by_meeting ON requests(meeting, seq);

  CREATE TABLE steps (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting text NOT NULL REFERENCES meetings(id),
    version bigint NOT NULL,
    record jsonb NOT NULL               -- the StepRecord
  );
  CREATE INDEX steps_by_meeting ON steps(meeting, seq);

  -- Contract version 2, "Speaker cues and room outputs": the webhooks of each meeting. The secret
  -- is kept in clear, as it must be to sign each body; it is never listed or logged.
  CREATE TABLE hooks (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,   -- the order they were added in
    meeting text NOT NULL REFERENCES meetings(id),
    url text NOT NULL,
    secret text NOT NULL,
    events jsonb,                       -- the events asked for, an array; NULL for all
    created_at bigint NOT NULL,
    created_by text NOT NULL            -- 'chair' or 'operator'
  );
  CREATE INDEX hooks_by_meeting ON hooks(meeting, created_at);

  -- The clock phase the outputs last dealt with, per meeting, so a restart neither announces a
  -- turn.phase twice nor loses one that fell while the server was down.
  CREATE TABLE output_phases (
    meeting text PRIMARY KEY REFERENCES meetings(id),
    turn text NOT NULL,
    phase text NOT NULL,                -- 'normal', 'warning' or 'overtime'
    at bigint NOT NULL
  );
  `,
  // Issue 16: one writer per meeting (docs/many-nodes.md "Leases"). `expires_at` is in
  // milliseconds on the database's clock; the epoch is one more at each claim, so a node that
  // held an older one knows it lost the meeting.
  `
  CREATE TABLE meeting_leases (
    meeting_id text PRIMARY KEY REFERENCES meetings(id),
    node_id text NOT NULL,
    epoch bigint NOT NULL,
    expires_at bigint NOT NULL
  );
  `,
  // Issue 16, "In-doubt commits and command ids": the sender's id of a command, when it gave
  // one, so a command sent again is answered once. Unique per meeting; NULLs do not collide.
  `
  ALTER TABLE commands ADD COLUMN command_id text;
  CREATE UNIQUE INDEX commands_by_command_id ON commands(meeting, command_id);
  `,
];
