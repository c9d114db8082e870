/**
 * A fresh real server per test (its own temp SQLite dir, 127.0.0.1 only) and helpers to drive it
 * over the HTTP API, open screens, log in and keep screenshots as artifacts.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import type { CommandInput } from '@shared/commands';
import { defaultProgramme } from '@shared/default-programme';
import type { Programme } from '@shared/programme';
import { startServer } from '../../server/app';

export const MC_PIN = '2468';
export const AV_PIN = '1357';
export const SHOTS = 'test-results/screens';

export interface Baton {
  url: string;
  /** POST /api/v1/commands with the MC PIN; throws on a refusal. */
  command(cmd: CommandInput): Promise<{ revision: number }>;
  state(): Promise<{ revision: number; live: { phase: string; currentItemId: string | null; segmentIndex: number | null } }>;
}

export const test = base.extend<{ baton: Baton }>({
  // eslint-disable-next-line no-empty-pattern
  baton: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-e2e-'));
    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, mcPin: MC_PIN, avPin: AV_PIN, clientDir: 'dist/client' });
    const baton: Baton = {
      url: server.url,
      async command(cmd) {
        const res = await fetch(`${server.url}/api/v1/commands`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${MC_PIN}` },
          body: JSON.stringify(cmd),
        });
        const body = (await res.json()) as { revision: number; error?: { message: string } };
        if (!res.ok) throw new Error(`${cmd.type} refused: ${res.status} ${body.error?.message}`);
        return body;
      },
      async state() {
        return (await (await fetch(`${server.url}/api/v1/state`)).json()) as Awaited<ReturnType<Baton['state']>>;
      },
    };
    try {
      await use(baton);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});
export { expect };

/** Open a screen in its own page and wait until it shows live data. */
export async function openScreen(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Log a control screen in with its PIN. */
export async function login(page: Page, pin: string): Promise<void> {
  await page.getByLabel(/Nhập mã PIN|Enter PIN/).fill(pin);
  await page.getByLabel(/Nhập mã PIN|Enter PIN/).press('Enter');
  await expect(page.getByLabel(/Nhập mã PIN|Enter PIN/)).toHaveCount(0);
}

/** Keep a screenshot as an artifact (fonts loaded first, so diacritics are what the hall sees). */
export async function shoot(page: Page, name: string, opts: { omitBackground?: boolean } = {}): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), ...opts });
}

/** Today's date and a time of day in the programme's zone, `offsetMin` from now. */
function zoned(timeZone: string, offsetMin: number): { date: string; time: string } {
  const at = new Date(Date.now() + offsetMin * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The default programme moved to today, starting a few minutes ago, so drift and projected
 * times read the way they will on the day (the seed's own date is 18/01/2024).
 */
export function programmeToday(startOffsetMin = -2): Programme {
  const p = defaultProgramme();
  // The show lasts about three and a half hours. Started in the hall's evening or night it would
  // run past midnight, where a 30-minute-later fixed start lands on the wrong day and the screens
  // read a drift of 23 hours (the docs screenshots showed it). Then the programme keeps its clock
  // times but moves to a whole-hour zone where it is 08:00 now (Etc/GMT-N is UTC+N).
  const hour = Number(zoned(p.timeZone, startOffsetMin).time.slice(0, 2));
  let timeZone = p.timeZone;
  if (hour >= 19 || hour < 4) {
    const utcHour = new Date(Date.now() + startOffsetMin * 60_000).getUTCHours();
    const east = ((((8 - utcHour + 12) % 24) + 24) % 24) - 12;
    timeZone = east === 0 ? 'Etc/GMT' : `Etc/GMT${east > 0 ? '-' : '+'}${Math.abs(east)}`;
  }
  const start = zoned(timeZone, startOffsetMin);
  const session = zoned(timeZone, startOffsetMin + 30);
  return {
    ...p,
    timeZone,
    date: start.date,
    start: start.time,
    end: undefined,
    items: p.items.map((item) => {
      if (item.fixedStart === '07:00') return { ...item, fixedStart: start.time };
      if (item.fixedStart === '07:30') return { ...item, fixedStart: session.time };
      return item;
    }),
  };
}

/** Long, real-looking Vietnamese honouree names for the award screens (sample names: "Mẫu" means sample; no real person is named). */
export const LONG_HONOUREES = [
  { name: 'Ủy ban nhân dân huyện Lục Ngạn', unit: 'Tỉnh Bắc Giang', kind: 'collective' as const },
  { name: 'Sở Kế hoạch và Đầu tư tỉnh Bắc Giang', kind: 'collective' as const },
  { name: 'Công ty Cổ phần Phân đạm và Hóa chất Hà Bắc', unit: 'Khối thi đua doanh nghiệp III', kind: 'collective' as const },
  { name: 'Hợp tác xã Dịch vụ Nông nghiệp Tổng hợp Xã Quý Sơn', unit: 'Khối thi đua các hợp tác xã', kind: 'collective' as const },
  { name: 'Bà Lê Thị Mẫu', unit: 'Phó Trưởng phòng Thi đua - Khen thưởng, Sở Nội vụ', kind: 'individual' as const },
  { name: 'Ông Phạm Văn Mẫu', unit: 'Chủ tịch Ủy ban nhân dân xã Nghĩa Trung, huyện Việt Yên', kind: 'individual' as const },
  { name: 'Trường Trung học phổ thông Chuyên Bắc Giang', kind: 'collective' as const },
  { name: 'Bệnh viện Đa khoa tỉnh Bắc Giang', kind: 'collective' as const },
  { name: 'Ông Hoàng Văn Mẫu', unit: 'Giám đốc Hợp tác xã Nông sản Sạch Yên Dũng', kind: 'individual' as const },
  { name: 'Đồn Biên phòng cửa khẩu — Ban Chỉ huy Quân sự tỉnh', kind: 'collective' as const },
  { name: 'Bà Lương Thị Mẫu', unit: 'Giáo viên Trường Tiểu học Sơn Động', kind: 'individual' as const },
];
