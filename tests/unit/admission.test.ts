import { describe, expect, it } from 'vitest';
import { Admission, admissionLimits } from '../../server/admission';
import type { Logger } from '../../server/log';

function recorder(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => {}, warn: (m: string) => warnings.push(m), error: () => {} } as Logger & { warnings: string[] };
}

describe('admission budgets', () => {
  it('[A1] a viewer past its address\'s budget is refused; other addresses and PIN roles are not', () => {
    const admission = new Admission({ viewersPerAddress: 3, viewerBudget: 100 }, recorder());
    for (let i = 0; i < 3; i++) {
      expect(admission.refuseSocket('10.0.0.5', 'viewer')).toBeNull();
      admission.viewerJoined('10.0.0.5');
    }
    expect(admission.refuseSocket('10.0.0.5', 'viewer')).toMatch(/3 screens open.*VIEWERS_PER_ADDRESS/);
    expect(admission.refuseSocket('10.0.0.6', 'viewer')).toBeNull();
    expect(admission.refuseSocket('10.0.0.5', 'mc')).toBeNull();
    expect(admission.refuseSocket('10.0.0.5', 'av')).toBeNull();
  });

  it('[A1] a screen that leaves gives its place back', () => {
    const admission = new Admission({ viewersPerAddress: 1, viewerBudget: 100 }, recorder());
    const leave = admission.viewerJoined('10.0.0.5');
    expect(admission.refuseSocket('10.0.0.5', 'viewer')).not.toBeNull();
    leave();
    expect(admission.refuseSocket('10.0.0.5', 'viewer')).toBeNull();
    expect(admission.stats().top).toEqual([]);
  });

  it('[A2] all viewers together stop at the global budget; the MC still gets in', () => {
    const admission = new Admission({ viewersPerAddress: 1000, viewerBudget: 4 }, recorder());
    ['a', 'b', 'c', 'd'].forEach((a) => admission.viewerJoined(a));
    expect(admission.refuseSocket('e', 'viewer')).toMatch(/already serves 4 screens/);
    expect(admission.refuseSocket('e', 'mc')).toBeNull();
  });

  it('[A2] at the engine, one address may hold its viewers and a few more; all together stop below the file limit with room for PIN roles', () => {
    const admission = new Admission({ viewersPerAddress: 2, viewerBudget: 1000 }, recorder());
    let admitted = 0;
    while (admission.refuseConnection('10.0.0.5') === null && admitted < 100) {
      admission.connected('10.0.0.5');
      admitted++;
    }
    expect(admitted).toBeGreaterThan(2); // sockets whose role is not known yet, and MC/AV consoles
    expect(admitted).toBeLessThan(100);
    const global = new Admission({ viewersPerAddress: 1_000_000, viewerBudget: 10 }, recorder());
    let total = 0;
    while (global.refuseConnection(`10.0.${total}.1`) === null && total < 1000) {
      global.connected(`10.0.${total}.1`);
      total++;
    }
    expect(total).toBeGreaterThan(10); // room above the viewers' budget for MC and AV
    expect(total).toBeLessThan(1000);
  });

  it('[A2] the global budget leaves file descriptors for the HTTP API and the database', () => {
    const { viewerBudget } = admissionLimits(20_000);
    expect(viewerBudget).toBeLessThan(20_000 - 200);
    expect(viewerBudget).toBeGreaterThan(19_000);
    expect(admissionLimits(64).viewerBudget).toBeGreaterThan(0);
  });

  it('[A4] refusals are counted every time but logged once a minute per address', () => {
    const log = recorder();
    let now = 0;
    const admission = new Admission({ viewersPerAddress: 0, viewerBudget: 100 }, log, () => now);
    for (let i = 0; i < 50; i++) admission.refuseSocket('10.0.0.5', 'viewer');
    admission.refuseSocket('10.0.0.6', 'viewer');
    expect(admission.stats().refused.viewers).toBe(51);
    expect(log.warnings).toHaveLength(2);
    expect(log.warnings[0]).toContain('10.0.0.5');
    now += 59_999;
    admission.refuseSocket('10.0.0.5', 'viewer');
    expect(log.warnings).toHaveLength(2);
    now += 1;
    admission.refuseSocket('10.0.0.5', 'viewer');
    expect(log.warnings).toHaveLength(3);
  });

  it('[A4] the busiest addresses come first in the stats', () => {
    const admission = new Admission({ viewersPerAddress: 100, viewerBudget: 100 }, recorder());
    for (let i = 0; i < 5; i++) admission.connected('busy');
    admission.connected('quiet');
    admission.viewerJoined('busy');
    expect(admission.stats(1).top).toEqual([{ address: 'busy', connections: 5, viewers: 1 }]);
    expect(admission.stats().connections).toBe(6);
  });
});
