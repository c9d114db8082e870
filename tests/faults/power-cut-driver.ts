/**
 * The operator side of the power-cut scenario: where to be at each kill, how to get there (GO with
 * `from`), what an MC and the AV booth press while there, and a kill while the server boots.
 */
import type { CommandInput } from '@shared/commands';
import { defaultProgramme } from '@shared/default-programme';
import type { LiveState } from '@shared/live';
import { postCommand, type Rng, type Sent, sleep } from './api';
import { type ChildServer, AV_PIN, MC_PIN, spawnServer } from './child-server';

export const FILM = 'phim-bao-cao';
export const AWARDS = 'khen-thuong';

const programme = defaultProgramme();
const itemOrder = programme.items.map((i) => i.id);

/** Where to be at each kill, in programme order per run: film and awards several times each. */
export function killPlan(kills: number, r: Rng): string[][] {
  const runs: string[][] = [];
  let left = kills;
  while (left > 0) {
    const n = Math.min(left, 20);
    const film = Math.max(1, Math.round(n * 0.2));
    const awards = Math.max(1, Math.round(n * 0.25));
    const others = itemOrder.filter((id) => id !== FILM && id !== AWARDS);
    const zones = [...Array<string>(film).fill(FILM), ...Array<string>(awards).fill(AWARDS)];
    while (zones.length < n) zones.push(r.pick(others));
    zones.sort((a, b) => itemOrder.indexOf(a) - itemOrder.indexOf(b));
    runs.push(zones);
    left -= n;
  }
  return runs;
}

export interface Driver {
  server: ChildServer;
  live: LiveState;
  history: Sent[];
  counter: number;
}

export async function send(d: Driver, command: CommandInput, pin = MC_PIN): Promise<Sent> {
  const sent = await postCommand(d.server.url, pin, command);
  d.history.push(sent);
  if (sent.live) d.live = sent.live;
  return sent;
}

export const here = (live: LiveState) => ({ itemId: live.currentItemId as string, segmentIndex: live.segmentIndex });

/** GO (with `from`) until the show stands in `zone`; finish, reset and start again when it is behind. */
export async function travelTo(d: Driver, zone: string): Promise<void> {
  for (let guard = 0; guard < 100; guard++) {
    const { live } = d;
    if ((live.phase === 'running' || live.phase === 'paused') && live.currentItemId === zone) return;
    let s: Sent;
    if (live.phase === 'ready') s = await send(d, { type: 'start' });
    else if (live.phase === 'finished') s = await send(d, { type: 'reset' });
    else s = await send(d, { type: 'next', from: here(live) });
    if (s.status !== 200) throw new Error(`travel to ${zone}: ${JSON.stringify(s.body)} → ${s.status} ${s.code ?? ''}`);
  }
  throw new Error(`could not reach ${zone}`);
}

/** One plausible operator action in the current item (may be refused: that is fine). */
export function action(d: Driver, r: Rng): { command: CommandInput; pin: string } {
  const { live } = d;
  const n = ++d.counter;
  const mc = (command: CommandInput) => ({ command, pin: MC_PIN });
  const av = (command: CommandInput) => ({ command, pin: AV_PIN });
  const item = programme.items.find((i) => i.id === live.currentItemId);
  const segs = item?.segments.length ?? 0;
  const choices: (() => { command: CommandInput; pin: string })[] = [
    () => mc({ type: 'message', text: `Còn ${n} phút — tin nhắn #${n}` }),
    () => mc({ type: 'clearMessage' }),
    () => mc({ type: 'addTime', seconds: r.pick([30, 60, 120, -30]) }),
    () => mc(live.phase === 'paused' ? { type: 'resume' } : { type: 'pause' }),
    () => mc({ type: 'blackout', on: !live.blackout }),
    () => av({ type: 'lowerThird', mode: r.pick(['auto', 'show', 'hide'] as const) }),
  ];
  if (live.currentItemId === FILM) {
    const st = live.av?.itemId === FILM ? live.av.status : null;
    choices.push(
      () => mc({ type: 'standby', itemId: FILM }),
      () => (st === 'standby' ? av({ type: 'ready', itemId: FILM }) : av({ type: 'rolled', itemId: FILM })),
      () => av({ type: 'rolled', itemId: FILM }),
    );
  } else if (segs > 1 && live.segmentIndex !== null) {
    // Walk the segments of the awards (or discussion) without leaving the item.
    if (live.segmentIndex < segs - 1) choices.push(() => mc({ type: 'next', from: here(live) }));
    if (live.segmentIndex > 0) choices.push(() => mc({ type: 'previous', from: here(live) }));
    choices.push(() => mc({ type: 'goto', itemId: live.currentItemId as string, segmentIndex: r.int(0, segs - 1) }));
  } else {
    choices.push(() => mc({ type: 'standby', itemId: r.pick(programme.items).id }));
  }
  return r.pick(choices)();
}

/** Start the server and SIGKILL it `afterMs` later, booted or not; 1 if it died before it was healthy. */
export async function killDuringBoot(dataDir: string, port: number, afterMs: number): Promise<number> {
  let pid = 0;
  let timer: NodeJS.Timeout | undefined;
  let killed = false;
  const booting = spawnServer({
    dataDir,
    port,
    onSpawn: (p) => {
      pid = p;
      timer = setTimeout(() => {
        killed = true;
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // already gone
        }
      }, afterMs);
    },
  });
  const booted = await booting.catch(() => null);
  if (booted) {
    clearTimeout(timer);
    await booted.kill();
    return 0;
  }
  // Wait until the process is really gone before the next start takes its port.
  for (let i = 0; i < 200 && pid; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      break;
    }
    await sleep(10);
  }
  return killed ? 1 : 0;
}
