// The bench's child processes (server, client workers, flood workers) answer over IPC with typed messages.
import type { ChildProcess } from 'node:child_process';

/** The next message of `type` from `child`; rejects after `timeoutMs`. */
export function nextMessage<T>(child: ChildProcess, type: string, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${type}`)), timeoutMs);
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
  });
}
