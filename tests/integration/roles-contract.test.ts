/**
 * C12 and C13 at the server's edge, over HTTP and Socket.IO, against literal tables written here
 * from the contract: which PIN may send what, and which keys make a payload invalid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiError } from '@shared/protocol';
import { EXAMPLES } from '../faults/examples';
import { AV_PIN, av, boot, MC_PIN, post } from './helpers';

const COMMANDS = [
  'start', 'next', 'previous', 'goto', 'pause', 'resume', 'addTime', 'message', 'clearMessage', 'blackout',
  'standby', 'ready', 'rolled', 'lowerThird', 'reset', 'upsertItem', 'removeItem', 'moveItem', 'replaceProgramme',
  'readyTick', 'readyUntick', 'readyEdit',
] as const;
const AV_SENDS = ['ready', 'rolled', 'lowerThird'];
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

let server: Awaited<ReturnType<typeof boot>>;
beforeAll(async () => {
  server = await boot();
});
afterAll(async () => {
  await server.stop();
});

describe('roles and forbidden keys at the edge', () => {
  it('[C12] the AV PIN is refused with 403 forbidden exactly for the commands outside ready, rolled, lowerThird', async () => {
    const booth = await av(server.url);
    try {
      for (const type of COMMANDS) {
        const http = await post(server.url, EXAMPLES[type], AV_PIN);
        const socket = await booth.send(EXAMPLES[type]);
        const refused = [http.status === 403 && http.json.error.code === 'forbidden', isApiError(socket) && socket.error.code === 'forbidden'];
        const expected = !AV_SENDS.includes(type);
        expect([type, ...refused]).toEqual([type, expected, expected]);
      }
    } finally {
      booth.close();
    }
  });

  it('[C12] no PIN is 401 for every command; the MC PIN is never refused as forbidden', async () => {
    for (const type of COMMANDS) {
      expect([type, (await post(server.url, EXAMPLES[type])).status]).toEqual([type, 401]);
      const mc = await post(server.url, EXAMPLES[type], MC_PIN);
      expect([type, mc.status === 403 || mc.status === 400]).toEqual([type, false]);
    }
  });

  it('[C13] a command carrying __proto__, constructor or prototype, at the top or nested, is 400 invalid_command', async () => {
    for (const key of FORBIDDEN) {
      for (const body of [`{${JSON.stringify(key)}:{"a":1},"type":"clearMessage"}`, `{"type":"upsertItem","item":{"id":"x","title":"X","kind":"other","durationSec":60,${JSON.stringify(key)}:{"a":1}}}`]) {
        const r = await post(server.url, body, MC_PIN);
        expect([body, r.status, r.json.error?.code]).toEqual([body, 400, 'invalid_command']);
      }
    }
    // The same command without the key is accepted: the refusal was for the key.
    expect((await post(server.url, { type: 'clearMessage' }, MC_PIN)).status).toBe(200);
  });
});
