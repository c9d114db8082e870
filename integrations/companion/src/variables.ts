/**
 * The deck's variables — `$(baton:time_left)` and friends — from Baton's shared panel status, so the
 * numbers are the ones every Baton screen shows (same rounding, same level, same drift).
 */
import type { Level } from '../../../shared/derive';
import { panelStatus, type PanelStatus } from '../../../shared/panel';
import { formatSeconds, instant } from '../../../shared/time';
import type { ShowView } from './link';

export const VARIABLES = [
  { variableId: 'phase', name: 'Phase (ready, running, paused, finished)' },
  { variableId: 'current_title', name: 'Current item' },
  { variableId: 'current_segment', name: 'Current segment (empty if none)' },
  { variableId: 'next_title', name: 'Next item' },
  { variableId: 'time_left', name: 'Time left (4:59, +1:05 when over)' },
  { variableId: 'time_left_sec', name: 'Time left in seconds (negative when over)' },
  { variableId: 'level', name: 'Level of the time left (normal, warning, danger, over)' },
  { variableId: 'drift', name: 'Drift against the plan (+4:30 behind, -1:00 ahead)' },
  { variableId: 'drift_sec', name: 'Drift in seconds (positive = behind plan)' },
  { variableId: 'av_status', name: 'AV cue (standby, ready, rolled; empty if none)' },
  { variableId: 'message', name: 'Message on the speaker screen' },
] as const;

export type VariableId = (typeof VARIABLES)[number]['variableId'];
export type VariableValues = Record<VariableId, string | number>;

/** The panel status at the server's now, or null before the first snapshot. */
export const statusOf = (show: ShowView | null, serverNow: number): PanelStatus | null => (show ? panelStatus(show, instant(serverNow)) : null);

const signed = (sec: number): string => (sec > 0 ? `+${formatSeconds(sec)}` : sec < 0 ? `-${formatSeconds(-sec)}` : formatSeconds(0));

export function variableValues(status: PanelStatus | null): VariableValues {
  return {
    phase: status?.phase ?? '',
    current_title: status?.now?.title ?? '',
    current_segment: status?.now?.segmentTitle ?? '',
    next_title: status?.next?.title ?? '',
    time_left: status?.remainingText ?? '',
    time_left_sec: status?.remainingSec ?? '',
    level: status?.level ?? '',
    drift: status?.driftSec == null ? '' : signed(status.driftSec),
    drift_sec: status?.driftSec ?? '',
    av_status: status?.av?.status ?? '',
    message: status?.message ?? '',
  };
}

export type { Level };
