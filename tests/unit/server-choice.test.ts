import { describe, expect, it } from 'vitest';
import type { NodeStatus } from '@shared/protocol';
import { addressesOf, chooseServer, MAX_SERVERS, mergeServers, nodeFromInfo, serversOption } from '../../client/server-choice';

const A = 'http://127.0.0.1:4310';
const B = 'http://127.0.0.1:4311';
const C = 'http://127.0.0.1:4312';
const node = (role: NodeStatus['role'], epoch: number, more: Partial<NodeStatus> = {}): NodeStatus => ({
  role, epoch, self: null, primaryUrl: null, backupUrls: [], backupLost: false, primaryReachable: false, behind: null, revision: 7, problem: null, ...more,
});

describe('choosing the server to follow', () => {
  it('[B22] follows only a server that says it is the primary, never a backup, and keeps looking when there is none', () => {
    expect(chooseServer(A, [{ url: A, node: null }, { url: B, node: node('backup', 1) }], 1)).toBeNull();
    expect(chooseServer(A, [{ url: A, node: null }, { url: B, node: node('primary', 2) }], 1)).toBe(B);
    expect(chooseServer(A, [], 0)).toBeNull();
  });

  it('[B22] the newest promotion wins; an old primary below the newest epoch seen is never followed', () => {
    const probes = [{ url: A, node: node('primary', 1) }, { url: B, node: node('primary', 2) }];
    expect(chooseServer(A, probes, 1)).toBe(B);
    // The old primary came back still thinking it is primary, and the new one is not answering yet.
    expect(chooseServer(B, [{ url: A, node: node('primary', 1) }, { url: B, node: null }], 2)).toBeNull();
  });

  it('[B22] on a tie the page stays with its own server (a Wi-Fi blip is not a failover)', () => {
    const probes = [{ url: A, node: node('primary', 3) }, { url: B, node: node('primary', 3) }];
    expect(chooseServer(B, probes, 3)).toBe(B);
    expect(chooseServer(A, probes, 3)).toBe(A);
    expect(chooseServer(C, probes, 3)).toBe(A); // neither is ours: the first known
  });
});

describe('knowing every address', () => {
  it('[B20] ?servers= adds addresses, normalised to their origin, each once; junk is dropped', () => {
    expect(serversOption(`?lang=en&servers=${B}/,http://127.0.0.1:4312/speaker,ftp://x,nonsense,${B}`)).toEqual([B, C]);
    expect(serversOption('?lang=en')).toEqual([]);
  });

  it('[B20] a node names itself, its primary and its backups; the list keeps first-mention order and a cap', () => {
    const told = mergeServers([A], addressesOf(node('primary', 1, { self: A, backupUrls: [B, C] })));
    expect(told).toEqual([A, B, C]);
    expect(mergeServers([B], addressesOf(node('backup', 1, { self: B, primaryUrl: A })))).toEqual([B, A]);
    const many = Array.from({ length: 20 }, (_, i) => `http://127.0.0.1:${5000 + i}`);
    expect(mergeServers([A], many)).toHaveLength(MAX_SERVERS);
    expect(mergeServers([A], many)[0]).toBe(A);
  });

  it('[B20] /api/v1/info: a node status is read defensively; a server without one is a one-laptop primary', () => {
    expect(nodeFromInfo({ lanUrls: [], port: 4310, protocol: 1 })).toMatchObject({ role: 'primary', epoch: 0 });
    expect(nodeFromInfo({ node: node('backup', 4, { primaryUrl: A, behind: 2 }) })).toEqual(node('backup', 4, { primaryUrl: A, behind: 2 }));
    expect(nodeFromInfo({ node: { role: 'leader', epoch: 1 } })).toBeNull();
    expect(nodeFromInfo({ node: { role: 'primary' } })).toBeNull();
    expect(nodeFromInfo({ something: 'else' })).toBeNull(); // not a Baton answer
    expect(nodeFromInfo('<html>')).toBeNull();
  });
});
