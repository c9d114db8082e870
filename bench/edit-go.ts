// The "edit + GO" row of `npm run bench` (issue 19): N screens on the current protocol and a
// programme whose awards item holds 300 honourees. Measures the bytes each screen receives for a
// one-field edit (the awards item's title, and a plain item's title), and the GO fan-out right
// behind such an edit (the director saves, the MC presses GO at once) against a GO alone.
// `npm run bench -- --only=edit [--edit-n=1000] [--edit-rounds=20]`; `--quick` runs a tiny version.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { io } from 'socket.io-client';
import { defaultProgramme } from '../shared/default-programme';
import type { Honouree, Programme } from '../shared/programme';
import { type CommandAck, PROTOCOL_VERSION, type StateMessage } from '../shared/protocol';
import { nextMessage } from './ipc';
import { percentiles, type Percentiles } from './stats';

const MC_PIN = '424242';
const WORKERS = 4;
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const hr = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const AWARDS = 'khen-thuong';
const PLAIN = 'phat-dong';
/** Old-protocol screens connected beside the N, to show what the same edit costs them. */
const OLD_SCREENS = 8;

export interface EditGoResult {
  n: number;
  honourees: number;
  programmeBytes: number;
  rounds: number;
  /** Bytes per screen of one edit's state message, current protocol (mean over rounds). */
  editBytes: { awards: number; plain: number };
  /** The same edit to a protocol-less client (whole programme). */
  oldEditBytes: { awards: number; plain: number };
  goAlone: Percentiles & { samples: number };
  goBehindEdit: Percentiles & { samples: number };
  /** The same, split by the edited item: the awards item (a 55 KB command) or a plain one (1.5 KB). */
  goBehindAwards: Percentiles;
  goBehindPlain: Percentiles;
  /** GO p99 behind an edit / GO p99 alone. */
  ratioP99: number;
}

function spawn(file: string): ChildProcess {
  const outfile = here(`../dist/bench/${file.replace(/^\.\//, '').replace(/\.ts$/, '.mjs')}`);
  buildSync({ entryPoints: [here(file)], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
  return fork(outfile, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** A provincial ceremony's list: 300 honourees over the three award groups (Vietnamese names and units). */
export function heavyProgramme(count = 300): Programme {
  const p = defaultProgramme();
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
  const given = ['Văn An', 'Thị Bình', 'Hữu Cường', 'Thị Dung', 'Quang Huy', 'Thanh Hương', 'Minh Khoa', 'Ngọc Lan'];
  const honouree = (i: number): Honouree =>
    i % 3 === 0
      ? { name: `Công ty Cổ phần Đầu tư và Phát triển số ${i}`, unit: 'Khối thi đua doanh nghiệp III', award: 'Bằng khen của Chủ tịch UBND tỉnh', kind: 'collective' }
      : { name: `Ông/Bà ${family[i % 8]} ${given[(i * 7) % 8]}`, unit: `Phó Trưởng phòng, Ủy ban nhân dân huyện ${['Lục Ngạn', 'Yên Dũng', 'Việt Yên', 'Lạng Giang'][i % 4]}`, award: 'Bằng khen của Chủ tịch UBND tỉnh', kind: 'individual' };
  return {
    ...p,
    items: p.items.map((item) => {
      if (item.id !== AWARDS) return item;
      const per = Math.ceil(count / item.segments.length);
      return { ...item, segments: item.segments.map((s, k) => ({ ...s, honourees: Array.from({ length: Math.max(0, Math.min(per, count - k * per)) }, (_, i) => honouree(k * per + i)) })) };
    }),
  };
}

export async function runEditGo(opts: { n: number; rounds: number; quick: boolean }): Promise<EditGoResult> {
  const server = spawn('./server-child.ts');
  const { port } = await nextMessage<{ port: number }>(server, 'ready', 60_000);
  const url = `http://127.0.0.1:${port}`;
  const workers = Array.from({ length: WORKERS }, () => spawn('./client-worker.ts'));
  const mc = io(url, { transports: ['websocket'], forceNew: true, auth: { protocol: PROTOCOL_VERSION, pin: MC_PIN, label: 'bench MC' } });
  let latest: StateMessage | null = null;
  mc.on('show:state', (m) => (latest = m));
  const greeted = new Promise<void>((r) => mc.once('show:snapshot', () => r()));
  try {
    await Promise.all(workers.map((w) => nextMessage(w, 'up')));
    await greeted;
    const send = (cmd: object) => new Promise<CommandAck>((r) => mc.emit('show:command', cmd, r));
    const programme = heavyProgramme();
    const replaced = await send({ type: 'replaceProgramme', programme });
    if (!('revision' in replaced)) throw new Error(`replaceProgramme refused: ${replaced.error.message}`);

    const per = workers.map((_, i) => Math.floor(opts.n / WORKERS) + (i < opts.n % WORKERS ? 1 : 0));
    await Promise.all(workers.map((w, i) => (w.send({ cmd: 'connect', url, count: per[i], bytes: true }), nextMessage(w, 'connected', 180_000))));
    // A few protocol-less screens beside them (on the first worker): what the same edit costs an old client.
    workers[0]!.send({ cmd: 'connect', url, count: OLD_SCREENS, protocol: null, bytes: true });
    await nextMessage(workers[0]!, 'connected', 60_000);

    await send({ type: 'reset' });
    await send({ type: 'start' });
    const kinds = new Map<number, 'alone' | 'behind' | 'editAwards' | 'editPlain'>();
    const behindItem = new Map<number, string>();
    const sentAt = new Map<number, number>();
    let titles = 0;
    for (let round = 0; round < opts.rounds; round++) {
      for (const behind of [false, true]) {
        await sleep(opts.quick ? 80 : 250);
        const live = (latest as StateMessage | null)?.live;
        if (!live || live.phase === 'finished') {
          await send({ type: 'reset' });
          await send({ type: 'start' });
          await sleep(100);
          continue;
        }
        const from = { itemId: live.currentItemId, segmentIndex: live.segmentIndex };
        let edit: Promise<CommandAck> | null = null;
        const itemId = round % 2 === 0 ? AWARDS : PLAIN;
        if (behind) {
          // The director's save (a one-field edit), and the MC's GO sent right after it.
          const item = programme.items.find((i) => i.id === itemId)!;
          edit = send({ type: 'upsertItem', item: { ...item, title: `${item.title} ${++titles}` } });
        }
        const t = hr();
        const go = send({ type: 'next', from });
        const [editAck, goAck] = await Promise.all([edit, go]);
        if (editAck && 'revision' in editAck) kinds.set(editAck.revision, itemId === AWARDS ? 'editAwards' : 'editPlain');
        if ('revision' in goAck) {
          sentAt.set(goAck.revision, t);
          kinds.set(goAck.revision, behind ? 'behind' : 'alone');
          if (behind) behindItem.set(goAck.revision, itemId);
        }
      }
    }
    await sleep(1000);
    const received = (
      await Promise.all(workers.map((w) => (w.send({ cmd: 'received' }), nextMessage<{ received: { revision: number; at: number; bytes?: number }[] }>(w, 'received'))))
    ).flatMap((r) => r.received);
    const latency = (kind: 'alone' | 'behind') => received.filter((r) => kinds.get(r.revision) === kind).map((r) => r.at - sentAt.get(r.revision)!);
    // Bytes per screen: current-protocol frames are the small ones; the old screens' frames carry the whole programme.
    const programmeBytes = Buffer.byteLength(JSON.stringify(programme));
    const sizes = (kind: 'editAwards' | 'editPlain', old: boolean) => {
      const b = received.filter((r) => kinds.get(r.revision) === kind && r.bytes !== undefined).map((r) => r.bytes!).filter((x) => (old ? x > programmeBytes / 2 : x <= programmeBytes / 2));
      return b.length ? b.reduce((a, x) => a + x, 0) / b.length : 0;
    };
    const goAlone = { ...percentiles(latency('alone')), samples: latency('alone').length };
    const goBehindEdit = { ...percentiles(latency('behind')), samples: latency('behind').length };
    const behindOf = (id: string) => percentiles(received.filter((r) => kinds.get(r.revision) === 'behind' && behindItem.get(r.revision) === id).map((r) => r.at - sentAt.get(r.revision)!));
    return {
      n: opts.n,
      honourees: 300,
      programmeBytes,
      rounds: opts.rounds,
      editBytes: { awards: sizes('editAwards', false), plain: sizes('editPlain', false) },
      oldEditBytes: { awards: sizes('editAwards', true), plain: sizes('editPlain', true) },
      goAlone,
      goBehindEdit,
      goBehindAwards: behindOf(AWARDS),
      goBehindPlain: behindOf(PLAIN),
      ratioP99: goAlone.p99 > 0 ? goBehindEdit.p99 / goAlone.p99 : 0,
    };
  } finally {
    mc.disconnect();
    for (const w of workers) w.kill();
    server.send({ cmd: 'stop' });
    await Promise.race([new Promise((r) => server.once('exit', r)), sleep(5000)]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}

const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const kb = (b: number) => `${(b / 1024).toFixed(2)} KB`;

export function describeEditGo(r: EditGoResult): string[] {
  return [
    `  edit + GO at N = ${r.n} (programme ${kb(r.programmeBytes)} with ${r.honourees} honourees, ${r.rounds} rounds):`,
    `    one-field edit, bytes per screen (protocol ${PROTOCOL_VERSION}): awards item ${kb(r.editBytes.awards)}, plain item ${kb(r.editBytes.plain)} (protocol-less client: ${kb(r.oldEditBytes.awards)} / ${kb(r.oldEditBytes.plain)}; target ≤ 5 KB)`,
    `    GO fan-out alone p50 ${fmt(r.goAlone.p50)} / p99 ${fmt(r.goAlone.p99)} ms (${r.goAlone.samples} deliveries); right behind an edit p50 ${fmt(r.goBehindEdit.p50)} / p99 ${fmt(r.goBehindEdit.p99)} ms (${r.goBehindEdit.samples}); p99 ratio ${r.ratioP99.toFixed(2)}× (target ≤ 1.5×)`,
    `    behind an edit of the awards item p50 ${fmt(r.goBehindAwards.p50)} / p99 ${fmt(r.goBehindAwards.p99)} ms; of a plain item p50 ${fmt(r.goBehindPlain.p50)} / p99 ${fmt(r.goBehindPlain.p99)} ms`,
  ];
}

export function editGoMarkdown(r: EditGoResult, at: string, load: string): string {
  return [
    `## Edit + GO (issue 19)`,
    ``,
    `${at}; load average at the start ${load}. N = ${r.n} screens on protocol ${PROTOCOL_VERSION} over ${WORKERS} worker processes (+${OLD_SCREENS} protocol-less), programme of ${kb(r.programmeBytes)} whose awards item holds ${r.honourees} honourees; ${r.rounds} rounds of (GO alone, edit + GO).`,
    ``,
    `| N | edit bytes per screen: awards item / plain item | same edit, protocol-less client | GO alone p50 / p99 (ms) | GO behind an edit p50 / p99 (ms) | p99 ratio |`,
    `|---|---|---|---|---|---|`,
    `| ${r.n} | ${kb(r.editBytes.awards)} / ${kb(r.editBytes.plain)} | ${kb(r.oldEditBytes.awards)} / ${kb(r.oldEditBytes.plain)} | ${fmt(r.goAlone.p50)} / ${fmt(r.goAlone.p99)} | ${fmt(r.goBehindEdit.p50)} / ${fmt(r.goBehindEdit.p99)} | ${r.ratioP99.toFixed(2)}× |`,
    ``,
    `GO behind an edit of the awards item p50 ${fmt(r.goBehindAwards.p50)} / p99 ${fmt(r.goBehindAwards.p99)} ms; behind an edit of a plain item p50 ${fmt(r.goBehindPlain.p50)} / p99 ${fmt(r.goBehindPlain.p99)} ms.`,
    ``,
  ].join('\n');
}
