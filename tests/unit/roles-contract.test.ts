/**
 * The role table and the forbidden keys against literal tables written here from the contract
 * (README C12, C13; ARCHITECTURE.md's command table), never against the production constants.
 */
import { describe, expect, it } from 'vitest';
import { commandSchema, hasForbiddenKey, mayRoleSend, ROLES } from '@shared/commands';
import { judge } from '../faults/contract';
import { EXAMPLES } from '../faults/examples';

const COMMANDS = [
  'start', 'next', 'previous', 'goto', 'pause', 'resume', 'addTime', 'message', 'clearMessage', 'blackout',
  'standby', 'ready', 'rolled', 'lowerThird', 'reset', 'upsertItem', 'removeItem', 'moveItem', 'replaceProgramme',
  'readyTick', 'readyUntick', 'readyEdit',
] as const;
const AV_SENDS = ['ready', 'rolled', 'lowerThird'];
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

/** A parsed JSON object carrying `key` as an own property, as JSON.parse makes `__proto__`. */
const withKey = (json: string, key: string) => JSON.parse(json.replace(/^\{/, `{${JSON.stringify(key)}:{"a":1},`)) as unknown;

describe('roles and forbidden keys', () => {
  it('[C12] the core knows exactly the commands of the contract table, no more, no fewer', () => {
    const known = commandSchema.options.map((o) => o.shape.type.value);
    expect([...known].sort()).toEqual([...COMMANDS].sort());
    expect([...ROLES].sort()).toEqual(['av', 'mc', 'viewer']);
  });

  it('[C12] the MC PIN may send every command, the AV PIN only ready, rolled and lowerThird, a viewer nothing', () => {
    for (const type of COMMANDS) {
      expect([type, mayRoleSend('mc', type)]).toEqual([type, true]);
      expect([type, mayRoleSend('av', type)]).toEqual([type, AV_SENDS.includes(type)]);
      expect([type, mayRoleSend('viewer', type)]).toEqual([type, false]);
    }
  });

  it('[C13] __proto__, constructor and prototype are found at the top, nested in objects and in arrays', () => {
    for (const key of FORBIDDEN) {
      expect(hasForbiddenKey(withKey('{"type":"next"}', key)), key).toBe(true);
      expect(hasForbiddenKey({ type: 'upsertItem', item: withKey('{"id":"x"}', key) }), key).toBe(true);
      expect(hasForbiddenKey({ type: 'replaceProgramme', programme: { items: [{ segments: [withKey('{"id":"s"}', key)] }] } }), key).toBe(true);
    }
  });

  it('[C13] other keys, and those words as values, are not forbidden', () => {
    for (const example of Object.values(EXAMPLES)) expect(hasForbiddenKey(example)).toBe(false);
    expect(hasForbiddenKey({ type: 'message', text: '__proto__ constructor prototype' })).toBe(false);
    expect(hasForbiddenKey({ type: 'next', from: { itemId: 'prototype', segmentIndex: null }, proto: 1, Constructor: 2, __proto: 3 })).toBe(false);
  });

  it("[C12] the fault suite's own model of the contract agrees: every example valid from MC, AV only its three", () => {
    for (const type of COMMANDS) {
      const body = EXAMPLES[type];
      const bytes = Buffer.byteLength(JSON.stringify(body));
      expect([type, judge(body, bytes, 'mc')]).toEqual([type, type === 'upsertItem' || type === 'replaceProgramme' || type === 'readyEdit' ? 'either' : 'valid']);
      expect([type, judge(body, bytes, 'av')]).toEqual([type, AV_SENDS.includes(type) ? 'valid' : 'refused']);
      expect(judge(body, bytes, 'viewer')).toBe('refused');
    }
  });
});
