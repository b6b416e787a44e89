/**
 * The few parts of an engine.io connection (the transport under a socket.io socket) that the
 * network guards use. engine.io is socket.io's own dependency, not ours: this is the shape we
 * rely on, read defensively, so a change in its internals degrades a guard rather than crashing.
 */
export interface EngineConnection {
  readonly readyState: string;
  readonly remoteAddress: string;
  on(event: 'packetCreate', listener: (packet: { type: string; data?: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  close(discard?: boolean): unknown;
}

const sizeOf = (data: unknown): number => {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
};

/** The raw WebSocket (`ws`) under a websocket transport, or null under long-polling. */
const webSocketOf = (
  conn: EngineConnection,
): { bufferedAmount: number; terminate: () => void } | null => {
  const transport: unknown = Reflect.get(conn, 'transport');
  if (typeof transport !== 'object' || transport === null) return null;
  const ws: unknown = Reflect.get(transport, 'socket');
  if (typeof ws !== 'object' || ws === null) return null;
  const bufferedAmount: unknown = Reflect.get(ws, 'bufferedAmount');
  const terminate: unknown = Reflect.get(ws, 'terminate');
  if (typeof bufferedAmount !== 'number' || typeof terminate !== 'function') return null;
  return { bufferedAmount, terminate: () => terminate.call(ws) };
};

/**
 * How many packets engine.io holds for this connection because a send is still in flight: 0 for
 * a device that reads, cheap enough to ask at every packet.
 */
export const waitingPackets = (conn: EngineConnection): number => {
  const buffer: unknown = Reflect.get(conn, 'writeBuffer');
  return Array.isArray(buffer) ? buffer.length : 0;
};

/**
 * The bytes waiting to reach the device: packets engine.io holds while a send is in flight
 * (its write buffer), and what the WebSocket has handed to a socket the kernel will not take.
 */
export const queuedOutputBytes = (conn: EngineConnection): number => {
  let bytes = webSocketOf(conn)?.bufferedAmount ?? 0;
  const buffer: unknown = Reflect.get(conn, 'writeBuffer');
  if (Array.isArray(buffer)) {
    for (const packet of buffer as unknown[]) {
      if (typeof packet === 'object' && packet !== null)
        bytes += sizeOf(Reflect.get(packet, 'data'));
    }
  }
  return bytes;
};

/**
 * Drops a connection at once, discarding what it had not read: a WebSocket is terminated (a
 * graceful close would wait behind the unread data), long-polling is closed with its buffer
 * discarded. socket.io sees the transport close and disconnects the socket.
 */
export const dropConnection = (conn: EngineConnection): void => {
  const ws = webSocketOf(conn);
  if (ws) ws.terminate();
  else conn.close(true);
};
