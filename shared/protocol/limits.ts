/** The numbers every deployment keeps unless configured otherwise (PROTOCOL.md, "Limits"). */
export const LIMITS = {
  httpBodyBytes: 1024 * 1024,
  socketMessageBytes: 16 * 1024,
  wrongCodesPerMinute: 20,
  /**
   * Added: every HTTP request from one address (joins, records, pages), far above what a device
   * in a real room sends; the server's own machine (127.0.0.1, ::1) is not counted.
   */
  httpRequestsPerMinute: 600,
  delegateCommands: { burst: 20, perSecond: 5 },
  /**
   * Added: all the devices of one delegation together, so that a tablet opening many sockets
   * gains nothing; two devices at their own limits never reach it.
   */
  delegationCommands: { burst: 40, perSecond: 10 },
  officerCommands: { burst: 100, perSecond: 20 },
  /**
   * Added: how many refusals of one meeting are written to the log, at most: bursts of 20
   * lines, then 5 a second; the rest are counted and summed up in one line a second at most.
   */
  refusalLogLines: { burst: 20, perSecond: 5 },
  /**
   * Added: after a delegation withdraws its request, how long before it may ask again, so that
   * request, withdraw, request... cannot make every device of the room receive a state at the
   * delegation's full rate. An officer's `floor.add` on its behalf is not held back.
   */
  requestCooldownMs: 3000,
  nameChars: 200,
  noteChars: 200,
  titleChars: 200,
  idChars: 64,
  agendaItems: 100,
  stepsPerItem: 30,
  speakersPerStep: 100,
  sittings: 30,
  rosterDelegations: 1000,
  /** Added (contract version 2): the groups a meeting may have (regional, negotiating...). */
  groups: 200,
  /** Contract version 2: a cue to the speaker, in characters. */
  cueChars: 80,
  /** Added: the panelists one question may address. */
  addressees: 20,
  /** The longest allowance a step may set, and the most a single adjustment may add or remove. */
  maxAllowanceMs: 6 * 60 * 60 * 1000,
  maxAdjustMs: 60 * 60 * 1000,
  accessCodeLength: 10,
  /**
   * Added (the network around the protocol): how long a connection may take to send its request
   * headers, its whole request, and how long an idle kept-alive connection stays open. A device on
   * the room's network needs well under a second for either; the rest is an attacker's.
   */
  httpHeadersTimeoutMs: 10_000,
  httpRequestTimeoutMs: 30_000,
  httpKeepAliveTimeoutMs: 5_000,
  /**
   * Added: concurrent TCP connections from one address (sockets and HTTP alike). A whole room
   * behind one NAT address (500 devices, each with its socket and a page's few connections) fits.
   */
  connectionsPerAddress: 1_000,
  /**
   * Added: the output a socket may leave unread before it is dropped (it reconnects and gets the
   * latest state). Twice the largest state (a 1 MiB agenda), far beyond a slow tablet's backlog.
   */
  socketQueuedOutputBytes: 2 * 1024 * 1024,
  /**
   * Added: `sync` per socket. Clients take 16 samples at connect (and when a tablet wakes) and 4
   * every 30 s; beyond the bucket a sync is not answered, and `syncRefusals` unanswered syncs (the
   * allowance refilling one every 2 s) disconnect the socket.
   */
  syncs: { burst: 40, perSecond: 2 },
  /**
   * Added: engine.io's heartbeat (its pingInterval). Screens take 4 s without a packet for a lost
   * connection (client/live/heartbeat.ts), so a network that falls silent shows within 5 s. The
   * server itself keeps engine.io's lenient 20 s wait for the answer, so a busy tablet is not
   * dropped. A one-byte packet each way per device every 2 s.
   */
  heartbeatIntervalMs: 2_000,
  syncRefusals: { burst: 40, perSecond: 0.5 },
} as const;
