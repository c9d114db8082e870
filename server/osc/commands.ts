/**
 * OSC address → Baton command: one table, so an address without a handler is a compile error
 * (Ontime's dispatcher shape). An OSC packet is untrusted input: its arguments pass a zod schema
 * here, and the command it becomes passes the command schema again inside `service.submit`.
 */
import { z } from 'zod';
import type { CommandInput } from '@shared/commands';
import { type AvAction, avTarget } from '@shared/cue-target';
import type { ShowState } from '@shared/live';

/** A decoded OSC argument, reduced to what a command can use. */
export type OscValue = string | number | boolean | null;

export type Translation =
  | { kind: 'command'; command: CommandInput }
  /** A button's release (`0`, `false`): TouchOSC and Companion send one after every press. */
  | { kind: 'release' }
  | { kind: 'invalid'; message: string }
  | { kind: 'not_possible'; message: string };

/** No argument, or one press value: a number, a boolean (TouchOSC sends 1 on press, 0 on release). */
const press = z.union([z.tuple([]), z.tuple([z.union([z.number(), z.boolean()])])]);
const seconds = z.tuple([z.number().finite()]);
const text = z.tuple([z.string().min(1).max(200)]);
/** An optional item id; a numeric press value in its place means "the item the show points at". */
const item = z.union([z.tuple([]), z.tuple([z.string().min(1).max(64)]), z.tuple([z.union([z.number(), z.boolean()])])]);

type Handler = (args: OscValue[], state: ShowState) => Translation;

const isRelease = (args: OscValue[]) => args.length > 0 && (args[0] === 0 || args[0] === false);
const simple = (command: CommandInput): Handler => (args) => {
  if (!press.safeParse(args).success) return { kind: 'invalid', message: 'takes no argument (or one press value)' };
  return isRelease(args) ? { kind: 'release' } : { kind: 'command', command };
};
const av = (type: AvAction): Handler => (args, state) => {
  const parsed = item.safeParse(args);
  if (!parsed.success) return { kind: 'invalid', message: 'takes an item id (text) or nothing' };
  if (isRelease(args)) return { kind: 'release' };
  const given = typeof args[0] === 'string' ? args[0] : null;
  const itemId = given ?? avTarget(state.programme, state.live, type);
  if (itemId === null) return { kind: 'not_possible', message: type === 'standby' ? 'no later item has an AV cue' : 'no AV cue is on standby' };
  return { kind: 'command', command: { type, itemId } };
};

export const OSC_ADDRESSES = [
  '/baton/go', '/baton/back', '/baton/pause', '/baton/resume', '/baton/addtime', '/baton/message',
  '/baton/clearmessage', '/baton/standby', '/baton/ready', '/baton/rolled',
] as const;
export type OscAddress = (typeof OSC_ADDRESSES)[number];

const HANDLERS: Record<OscAddress, Handler> = {
  // GO before the show starts is the start, as on the MC console.
  '/baton/go': (args, state) => simple(state.live.phase === 'ready' ? { type: 'start' } : { type: 'next' })(args, state),
  '/baton/back': simple({ type: 'previous' }),
  '/baton/pause': simple({ type: 'pause' }),
  '/baton/resume': simple({ type: 'resume' }),
  '/baton/addtime': (args) => {
    const parsed = seconds.safeParse(args);
    // QLab and TouchOSC send floats as readily as ints: a whole number of seconds is meant.
    return parsed.success ? { kind: 'command', command: { type: 'addTime', seconds: Math.round(parsed.data[0]) } } : { kind: 'invalid', message: 'takes the seconds to add (a number; negative takes time away)' };
  },
  '/baton/message': (args) => {
    const parsed = text.safeParse(args);
    return parsed.success ? { kind: 'command', command: { type: 'message', text: parsed.data[0] } } : { kind: 'invalid', message: 'takes the message text (1–200 characters)' };
  },
  '/baton/clearmessage': simple({ type: 'clearMessage' }),
  '/baton/standby': av('standby'),
  '/baton/ready': av('ready'),
  '/baton/rolled': av('rolled'),
};

const isOscAddress = (address: string): address is OscAddress => (OSC_ADDRESSES as readonly string[]).includes(address);

/** The command an OSC message asks for, or why not; null for an address Baton does not know. */
export function translate(address: string, args: OscValue[], state: ShowState): Translation | null {
  const key = address.toLowerCase().replace(/\/+$/, '');
  return isOscAddress(key) ? HANDLERS[key](args, state) : null;
}
