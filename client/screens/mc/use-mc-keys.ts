import { useEffect } from 'react';

const GO_KEYS = new Set([' ', 'Spacebar', 'ArrowRight', 'PageDown']);
const BACK_KEYS = new Set(['ArrowLeft', 'PageUp']);

/** True while the MC is typing somewhere: keys then belong to the text, never to GO. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Space, → and PageDown (what presenter clickers send) are GO; ← and PageUp are back. */
export function useMcKeys(handlers: { go: () => void; back: () => void }, enabled: boolean): void {
  const { go, back } = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.altKey || e.metaKey) return;
      const isGo = GO_KEYS.has(e.key);
      if (!isGo && !BACK_KEYS.has(e.key)) return;
      // Also stops Space from "clicking" whichever button has focus.
      e.preventDefault();
      if (e.repeat) return;
      if (isGo) go();
      else back();
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (!isTyping(e.target) && e.key === ' ') e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [go, back, enabled]);
}
