/**
 * UDP datagram → OSC messages, via osc-min (decode only; the socket is ours, so every packet is
 * counted). Anything osc-min cannot read, an oversized datagram, or a bundle nested too deep or
 * too wide is `malformed`: the caller drops and counts it, and nothing here ever throws.
 */
import { fromBuffer, type OscArgOutputOrArray, type OscPacketOutput } from 'osc-min';
import type { OscValue } from './commands';

/** Far above any Baton message (a 200-character text); a bigger datagram is not for us. */
export const MAX_PACKET_BYTES = 4096;
const MAX_MESSAGES = 16;
const MAX_DEPTH = 4;

export interface OscMessage {
  address: string;
  args: OscValue[];
}

export type Decoded = { ok: true; messages: OscMessage[] } | { ok: false; reason: string };

/** Values a command can use; blobs, colours, MIDI and the like become null (and fail the schema). */
function value(arg: OscArgOutputOrArray): OscValue {
  switch (arg.type) {
    case 'string':
    case 'symbol':
      return arg.value;
    case 'integer':
    case 'float':
    case 'double':
      return arg.value;
    case 'true':
      return true;
    case 'false':
      return false;
    default:
      return null;
  }
}

export function decode(datagram: Buffer): Decoded {
  if (datagram.length === 0 || datagram.length > MAX_PACKET_BYTES) return { ok: false, reason: `datagram of ${datagram.length} bytes` };
  let packet: OscPacketOutput;
  try {
    packet = fromBuffer(datagram);
  } catch (error) {
    return { ok: false, reason: `not OSC (${String((error as Error)?.message ?? error).slice(0, 80)})` };
  }
  const messages: OscMessage[] = [];
  const walk = (p: OscPacketOutput, depth: number): boolean => {
    if (p.oscType === 'message') {
      messages.push({ address: p.address, args: p.args.map(value) });
      return messages.length <= MAX_MESSAGES;
    }
    return depth < MAX_DEPTH && p.elements.every((e) => walk(e, depth + 1));
  };
  if (!walk(packet, 0)) return { ok: false, reason: 'bundle too deep or too large' };
  return { ok: true, messages };
}
