import { useEffect } from 'react';

/** Keep the display awake where the browser offers a Wake Lock (secure contexts only). */
export function useWakeLock(): void {
  useEffect(() => {
    if (!('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let stopped = false;
    const request = () => {
      if (document.visibilityState !== 'visible' || stopped) return;
      navigator.wakeLock.request('screen').then(
        (l) => (stopped ? void l.release() : (lock = l)),
        () => undefined, // refused (battery saver, insecure context): the screen may sleep
      );
    };
    request();
    document.addEventListener('visibilitychange', request);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', request);
      void lock?.release();
    };
  }, []);
}
