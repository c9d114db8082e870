/**
 * Button colours: the level of the time left in the speaker screen's colours, and the AV cue state.
 * Pure functions of the panel status; main.ts hands them to Companion's feedback callbacks.
 */
import type { Level } from '../../../shared/derive';
import type { PanelStatus } from '../../../shared/panel';
import { type OptionField, type Options, text } from './fields';

/** 0xRRGGBB, as Companion's `combineRgb` makes them. */
export const rgb = (r: number, g: number, b: number): number => (r << 16) | (g << 8) | b;
const WHITE = rgb(255, 255, 255);
const BLACK = rgb(0, 0, 0);

export const LEVEL_STYLE: Record<Level, { bgcolor: number; color: number }> = {
  normal: { bgcolor: rgb(0, 128, 0), color: WHITE },
  warning: { bgcolor: rgb(255, 176, 0), color: BLACK },
  danger: { bgcolor: rgb(220, 0, 0), color: WHITE },
  over: { bgcolor: rgb(110, 0, 0), color: WHITE },
};

export interface FeedbackSpec {
  id: string;
  name: string;
  type: 'boolean' | 'advanced';
  options: OptionField[];
  defaultStyle?: { bgcolor: number; color: number };
  /** boolean: whether the style applies; advanced: the style itself ({} = none). */
  evaluate(options: Options, status: PanelStatus | null): boolean | { bgcolor?: number; color?: number };
}

const LEVELS = (['normal', 'warning', 'danger', 'over'] as const).map((id) => ({ id, label: id }));
const AV = (['standby', 'ready', 'rolled'] as const).map((id) => ({ id, label: id }));

export const FEEDBACKS: FeedbackSpec[] = [
  {
    id: 'level_colour',
    name: 'Time left: colour by level (green, amber, red, dark red over)',
    type: 'advanced',
    options: [],
    evaluate: (_, status) => (status?.level ? LEVEL_STYLE[status.level] : {}),
  },
  {
    id: 'level_is',
    name: 'Time left: level is…',
    type: 'boolean',
    options: [{ type: 'dropdown', id: 'level', label: 'Level', default: 'danger', choices: LEVELS }],
    defaultStyle: LEVEL_STYLE.danger,
    evaluate: (options, status) => status?.level === text(options, 'level'),
  },
  {
    id: 'av_state',
    name: 'AV cue is…',
    type: 'boolean',
    options: [
      { type: 'dropdown', id: 'status', label: 'State', default: 'ready', choices: AV },
      { type: 'textinput', id: 'itemId', label: 'Item id (empty: any)', default: '' },
    ],
    defaultStyle: { bgcolor: rgb(0, 90, 200), color: WHITE },
    evaluate: (options, status) =>
      status?.av?.status === text(options, 'status') && (text(options, 'itemId') === '' || status.av.itemId === text(options, 'itemId')),
  },
];

export function evaluateFeedback(id: string, options: Options, status: PanelStatus | null): boolean | { bgcolor?: number; color?: number } {
  const spec = FEEDBACKS.find((f) => f.id === id);
  return spec ? spec.evaluate(options, status) : false;
}
