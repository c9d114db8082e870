/**
 * Every edit goes out as a command (journalled, validated, broadcast) and leaves behind the
 * command that takes it back: undo re-sends the previous item, order or programme.
 */
import { useCallback, useRef, useState } from 'react';
import type { CommandInput } from '@shared/commands';
import { localize } from '@shared/import/messages';
import { lang } from '../../i18n/i18n';
import { sendCommand, type CommandResult } from '../../socket';
import { w } from './edit-words';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

const UNDO_DEPTH = 20;

export function useEditor() {
  const undoStack = useRef<CommandInput[]>([]);
  const [canUndo, setCanUndo] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const apply = useCallback(async (command: CommandInput, inverse: CommandInput | null, done?: string): Promise<CommandResult> => {
    const result = await sendCommand(command);
    if (result.ok) {
      if (inverse) undoStack.current = [...undoStack.current.slice(-(UNDO_DEPTH - 1)), inverse];
      setCanUndo(undoStack.current.length > 0);
      setNotice({ kind: 'ok', text: done ?? w.saved });
    } else {
      setNotice({ kind: 'error', text: result.code === 'not_possible' && command.type === 'replaceProgramme' ? w.refusedRunning : localize(result.message, lang) });
    }
    return result;
  }, []);

  const undo = useCallback(async () => {
    const inverse = undoStack.current.at(-1);
    if (!inverse) return setNotice({ kind: 'error', text: w.nothingToUndo });
    const result = await sendCommand(inverse);
    if (result.ok) {
      undoStack.current = undoStack.current.slice(0, -1);
      setCanUndo(undoStack.current.length > 0);
      setNotice({ kind: 'ok', text: w.undone });
    } else setNotice({ kind: 'error', text: localize(result.message, lang) });
  }, []);

  return { apply, undo, canUndo, notice, setNotice };
}
export type Editor = ReturnType<typeof useEditor>;
