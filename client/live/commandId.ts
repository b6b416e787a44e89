import type { CommandId } from '../../shared/protocol/commands';

/**
 * A fresh name for one command (docs/protocol.md, "Command ids"): 128 random bits as 32
 * lower-case hex digits, well within the contract's 64 printable characters.
 *
 * Not `crypto.randomUUID`: the rooms serve the screens over plain http://192.168.x.y, which is
 * not a secure context, and there the browser leaves `randomUUID` undefined; `getRandomValues`
 * is there in every context (and in Node, where the tests drive the same code).
 */
export const newCommandId = (): CommandId =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
