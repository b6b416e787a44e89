import type { MeetingSocket } from './socket';

/**
 * How long a screen may hear nothing from the server before it takes the connection for lost.
 * The server sends a heartbeat every 2 s (LIMITS.heartbeatIntervalMs), so 4 s is two missed
 * beats: a network that falls silent (a Wi-Fi that drops, a cable pulled between here and the
 * server) shows on every screen within 5 s, as a closed connection already did at once.
 */
export const SILENCE_MS = 4_000;

/**
 * Watches the connection's traffic: any packet from the server (a heartbeat, a state, an ack)
 * proves it alive; after SILENCE_MS of nothing, the transport is closed, so socket.io reports
 * the disconnection (the screen says so) and reconnects by itself. engine.io's own timeout waits
 * for the server's ping interval plus its ping timeout (22 s), too long for the room.
 */
export const watchHeartbeat = (socket: MeetingSocket, silenceMs = SILENCE_MS): (() => void) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let engine: MeetingSocket['io']['engine'] | undefined;
  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const heard = () => {
    stopTimer();
    const watched = engine;
    timer = setTimeout(() => {
      if (watched === socket.io.engine) watched?.close();
    }, silenceMs);
  };
  const onConnect = () => {
    engine?.off('packet', heard);
    engine = socket.io.engine;
    engine.on('packet', heard);
    heard();
  };
  const onDisconnect = () => stopTimer();
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  if (socket.connected) onConnect();
  return () => {
    stopTimer();
    engine?.off('packet', heard);
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
  };
};
