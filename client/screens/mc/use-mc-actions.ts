/**
 * What the MC's buttons and keys do. GO and back always carry `from` (the position they were
 * pressed at), and a second GO within a second of the first is ignored here before the server's
 * own `stale` guard ever sees it.
 */
import { useCallback, useRef, useState } from 'react';
import type { CommandInput } from '@shared/commands';
import { positionOf } from '@shared/live';
import { sendCommand } from '../../socket';
import { useShow } from '../../store';

export const DOUBLE_GO_MS = 1000;

export interface Notice {
  text: string;
  at: number;
}

export function useMcActions() {
  const lastGo = useRef(-Infinity);
  const [notice, setNotice] = useState<Notice | null>(null);

  const send = useCallback(async (command: CommandInput) => {
    const result = await sendCommand(command);
    if (!result.ok) setNotice({ text: `${command.type}: ${result.message}`, at: Date.now() });
    return result;
  }, []);

  const go = useCallback(() => {
    const t = performance.now();
    if (t - lastGo.current < DOUBLE_GO_MS) return;
    lastGo.current = t;
    const live = useShow.getState().live;
    if (!live) return;
    if (live.phase === 'ready') void send({ type: 'start' });
    else if (live.phase === 'running' || live.phase === 'paused') {
      const from = positionOf(live);
      void send(from ? { type: 'next', from } : { type: 'next' });
    }
  }, [send]);

  const back = useCallback(() => {
    const live = useShow.getState().live;
    const from = live && positionOf(live);
    if (from) void send({ type: 'previous', from });
  }, [send]);

  return { send, go, back, notice, clearNotice: () => setNotice(null) };
}
