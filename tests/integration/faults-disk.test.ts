/** Fault suite, scenario 7: a read-only or full disk → 503 storage_unavailable, state still served, service resumes. */
import { describe, expect, it } from 'vitest';
import { type DiskReport, runDiskFull, runReadOnly } from '../faults/disk';

describe('fault suite: disk trouble', () => {
  it('[F7] read-only database: commands refused with 503, nothing acknowledged unwritten, service resumes', async () => {
    const report: DiskReport = { readOnlyRefused: 0, fullRefused: 0, fullAccepted: 0, resumed: 0, failures: [] };
    await runReadOnly(report, (l) => console.log(`[disk] ${l}`));
    console.log(`[disk] read-only: ${report.readOnlyRefused} commands refused with storage_unavailable, ${report.resumed} accepted after recovery`);
    expect(report.failures).toEqual([]);
    expect(report.readOnlyRefused).toBe(40);
  });

  it('[F7] full disk (tmpfs): refused or written, never acknowledged unwritten; resumes when space returns', async (ctx) => {
    const report: DiskReport = { readOnlyRefused: 0, fullRefused: 0, fullAccepted: 0, resumed: 0, failures: [] };
    await runDiskFull(report, (l) => console.log(`[disk] ${l}`));
    // A machine that cannot mount tmpfs has not shown this rule holds: skipped, never passed.
    if (report.fullSkipped) ctx.skip(`full disk: ${report.fullSkipped}`);
    console.log(`[disk] full disk: ${report.fullRefused} refused with storage_unavailable, ${report.fullAccepted} still fitted and were written, ${report.resumed} accepted after space returned`);
    expect(report.failures).toEqual([]);
    expect(report.fullRefused + report.fullAccepted).toBe(30);
  }, 180_000); // three server starts on a nearly full tmpfs: over a minute on a loaded machine
});
