/** One valid example of every command of the contract (the auth scenario sends each one). */
import type { CommandInput, CommandType } from '@shared/commands';
import { defaultProgramme } from '@shared/default-programme';
import { CONTRACT_COMMANDS } from './contract';

/** From the contract's table, not the production schema: a command it lost is still sent. */
export const EVERY_COMMAND_TYPE: readonly CommandType[] = CONTRACT_COMMANDS;

export const EXAMPLES: Record<CommandType, CommandInput> = {
  start: { type: 'start' },
  next: { type: 'next' },
  previous: { type: 'previous' },
  goto: { type: 'goto', itemId: 'phim-bao-cao' },
  pause: { type: 'pause' },
  resume: { type: 'resume' },
  addTime: { type: 'addTime', seconds: 60 },
  message: { type: 'message', text: 'Còn 1 phút' },
  clearMessage: { type: 'clearMessage' },
  blackout: { type: 'blackout', on: true },
  standby: { type: 'standby', itemId: 'phim-bao-cao' },
  ready: { type: 'ready', itemId: 'phim-bao-cao' },
  rolled: { type: 'rolled', itemId: 'phim-bao-cao' },
  lowerThird: { type: 'lowerThird', mode: 'show' },
  reset: { type: 'reset' },
  upsertItem: { type: 'upsertItem', item: { id: 'them-muc', kind: 'other', title: 'Mục thêm', durationSec: 300 } },
  removeItem: { type: 'removeItem', itemId: 'giai-lao' },
  moveItem: { type: 'moveItem', itemId: 'giai-lao', toIndex: 0 },
  replaceProgramme: { type: 'replaceProgramme', programme: defaultProgramme() },
  readyTick: { type: 'readyTick', checkId: 'phim', by: 'Nguyễn Văn Mẫu' },
  readyUntick: { type: 'readyUntick', checkId: 'phim', by: 'Nguyễn Văn Mẫu' },
  readyEdit: { type: 'readyEdit', checks: [{ id: 'phim', label: 'Phim báo cáo đã duyệt' }] },
};
