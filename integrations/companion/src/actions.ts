/**
 * The deck's buttons as Baton commands. GO and BACK carry `from` (the position the deck was
 * showing), like the MC console: a bounced key or a second deck pressing the same GO is refused as
 * `stale` by the writer, instead of skipping an item. AV buttons without an item id follow the
 * show (shared/cue-target.ts, the same rule as OSC).
 */
import type { CommandInput } from '../../../shared/commands';
import { type AvAction, avTarget } from '../../../shared/cue-target';
import { positionOf } from '../../../shared/live';
import type { CommandAck } from '../../../shared/protocol';
import { type Choice, int, type OptionField, type Options, text } from './fields';
import type { BatonLink, ShowView } from './link';

export interface ActionSpec {
  id: string;
  name: string;
  options: OptionField[];
  /** The command for these options in this show, or why there is none. */
  command(options: Options, show: ShowView): CommandInput | { refused: string };
}

/** The MC console's one-tap messages (client/i18n/vi.ts); any other text can be typed. */
export const STANDARD_MESSAGES: Choice[] = [
  { id: 'Còn 1 phút', label: 'Còn 1 phút (1 minute left)' },
  { id: 'Đề nghị đồng chí kết thúc phần trình bày', label: 'Đề nghị đồng chí kết thúc phần trình bày (please wrap up)' },
];

const itemField: OptionField = { type: 'textinput', id: 'itemId', label: 'Item id (empty: follow the show)', default: '' };

const av = (type: AvAction, name: string): ActionSpec => ({
  id: `av_${type}`,
  name,
  options: [itemField],
  command: (options, show) => {
    const itemId = text(options, 'itemId') || avTarget(show.programme, show.live, type);
    if (!itemId) return { refused: type === 'standby' ? 'no later item has an AV cue' : 'no AV cue is on standby' };
    return { type, itemId };
  },
});

export const ACTIONS: ActionSpec[] = [
  {
    id: 'go',
    name: 'GO (start the show, then next)',
    options: [],
    command: (_, { live }) => {
      if (live.phase === 'ready') return { type: 'start' };
      const from = positionOf(live);
      return from ? { type: 'next', from } : { refused: 'the show is over' };
    },
  },
  {
    id: 'back',
    name: 'Back (previous segment or item)',
    options: [],
    command: (_, { live }) => {
      const from = positionOf(live);
      return from ? { type: 'previous', from } : { refused: 'the show has not started' };
    },
  },
  {
    id: 'pause_resume',
    name: 'Pause / resume',
    options: [{ type: 'dropdown', id: 'mode', label: 'Mode', default: 'toggle', choices: [{ id: 'toggle', label: 'Toggle' }, { id: 'pause', label: 'Pause' }, { id: 'resume', label: 'Resume' }] }],
    command: (options, { live }) => {
      const mode = text(options, 'mode') || 'toggle';
      if (mode === 'pause') return { type: 'pause' };
      if (mode === 'resume') return { type: 'resume' };
      return live.phase === 'paused' ? { type: 'resume' } : { type: 'pause' };
    },
  },
  {
    id: 'add_time',
    name: 'Add or take time (±1 min by default)',
    options: [{ type: 'number', id: 'seconds', label: 'Seconds (negative takes time away)', default: 60, min: -3600, max: 3600 }],
    command: (options) => ({ type: 'addTime', seconds: int(options, 'seconds', 60) }),
  },
  {
    id: 'message',
    name: 'Message to the speaker',
    options: [{ type: 'dropdown', id: 'text', label: 'Message', default: STANDARD_MESSAGES[0]!.id, choices: STANDARD_MESSAGES, allowCustom: true }],
    command: (options) => ({ type: 'message', text: text(options, 'text') }),
  },
  { id: 'clear_message', name: 'Clear the speaker message', options: [], command: () => ({ type: 'clearMessage' }) },
  av('standby', 'AV standby (MC PIN)'),
  av('ready', 'AV ready'),
  av('rolled', 'AV rolled (the film has started)'),
];

/** Run one action against Baton: the acknowledgement, or a refusal decided before sending. */
export async function runAction(link: BatonLink, id: string, options: Options = {}): Promise<CommandAck> {
  const spec = ACTIONS.find((a) => a.id === id);
  if (!spec) return { error: { code: 'invalid_command', message: `no action "${id}"` } };
  if (!link.show) return { error: { code: 'not_possible', message: 'not connected to Baton yet' } };
  // Companion fills in each option's default; a caller that leaves one out gets the same.
  const given = { ...Object.fromEntries(spec.options.map((o) => [o.id, o.default])), ...options };
  const command = spec.command(given, link.show);
  if ('refused' in command) return { error: { code: 'not_possible', message: command.refused } };
  return link.send(command);
}
