/**
 * What a page sends and receives on its Socket.IO WebSocket, as Chromium sees the frames. The
 * client starts on HTTP long-polling and upgrades: `upgraded` turns true once the upgrade packet
 * ("5") has gone out, after which every message travels as a frame and can be counted.
 */
import type { Page } from '@playwright/test';

export interface Frames {
  sent: string[];
  received: string[];
  upgraded(): boolean;
  /** The command types the page sent (`42<ack id>["show:command",{"type":…`). */
  commands(): string[];
}

/** Call before the page navigates, so no socket is missed. */
export function watchFrames(page: Page): Frames {
  const sent: string[] = [];
  const received: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => sent.push(String(f.payload)));
    ws.on('framereceived', (f) => received.push(String(f.payload)));
  });
  return {
    sent,
    received,
    upgraded: () => sent.includes('5'),
    commands: () => sent.flatMap((p) => /^42\d*\["show:command",\{"type":"(\w+)"/.exec(p)?.[1] ?? []),
  };
}
