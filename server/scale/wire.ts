/**
 * What nodes say to each other (writer ⇄ relays), over Socket.IO's `serverSideEmit` on whatever
 * adapter joins them (Redis Streams, or Node's cluster). Another node is input like any client:
 * every message is parsed here before a relay's replica or the writer's submit path sees it.
 */
import { z } from 'zod';
import { ERROR_CODES } from '@shared/protocol';
import { PHASES, type LiveState, type ShowState } from '@shared/live';
import { itemSchema, programmeSchema } from '@shared/programme';
import type { RunRecord } from '@shared/record';

/** Inter-node event names: writer → relays, relay → writer, writer → one relay. */
export const WIRE = { state: 'baton:state', beat: 'baton:beat', request: 'baton:request', reply: 'baton:reply' } as const;

const instant = z.number().finite();
const nullableInstant = instant.nullable();
const id = z.string().min(1).max(200);

const liveSchema = z.object({
  runId: id,
  phase: z.enum(PHASES),
  currentItemId: id.nullable(),
  segmentIndex: z.number().int().min(0).nullable(),
  runStartedAt: nullableInstant,
  itemStartedAt: nullableInstant,
  startedAt: nullableInstant,
  pausedAt: nullableInstant,
  pausedMs: z.number().finite(),
  addedMs: z.number().finite(),
  finishedAt: nullableInstant,
  message: z.object({ text: z.string().max(1000), at: instant }).nullable(),
  blackout: z.boolean(),
  av: z
    .object({ itemId: id, status: z.enum(['standby', 'ready', 'rolled']), standbyAt: instant, readyAt: nullableInstant, rolledAt: nullableInstant })
    .nullable(),
  lowerThird: z.enum(['auto', 'show', 'hide']),
});

const visitSchema = z.object({
  itemId: id,
  segmentIndex: z.number().int().min(0).nullable(),
  startedAt: instant,
  endedAt: nullableInstant,
  pausedMs: z.number().finite(),
  addedMs: z.number().finite(),
});
const recordSchema = z.object({ runId: id, visits: z.array(visitSchema).max(100_000) });

/** The readiness board (issue 13, RB2): small, bounded like the commands that build it. */
const readinessSchema = z.object({
  checks: z.array(z.object({
    id: z.string().min(1).max(64),
    label: z.string().max(200),
    labelEn: z.string().max(200).optional(),
    done: z.boolean(),
    by: z.string().max(100).nullable(),
    at: nullableInstant,
  })).max(40),
});

const revision = z.number().int().min(0);
/** A writer's boot: a relay that sees a new one resyncs (the writer restarted, maybe from an older disk). */
const epoch = z.string().min(8).max(64);

const version = z.string().regex(/^[0-9a-f]{16}$/);
/** [D2] An item edit, removal or move, as the writer's message carries it (the item whole, honourees inline). */
export const patchWire = z.intersection(
  z.discriminatedUnion('op', [
    z.object({ op: z.literal('upsert'), item: itemSchema, index: z.number().int().min(0).max(10_000) }),
    z.object({ op: z.literal('remove'), itemId: id }),
    z.object({ op: z.literal('move'), itemId: id, toIndex: z.number().int().min(0).max(10_000) }),
  ]),
  z.object({ base: version, version }),
);

/**
 * One accepted change, without now/next: a relay derives those from its replica. An item edit,
 * removal or move carries `patch` without `programme` (a relay applies it to its copy).
 */
export const stateWire = z.object({
  epoch,
  revision,
  serverTime: instant,
  live: liveSchema,
  recordTail: z.object({ runId: id, from: z.number().int().min(0), visits: z.array(visitSchema).max(100_000) }).optional(),
  programme: programmeSchema.optional(),
  patch: patchWire.optional(),
  readiness: readinessSchema.optional(),
});
export type StateWire = z.infer<typeof stateWire>;

export const beatWire = z.object({ epoch, revision });
export type BeatWire = z.infer<typeof beatWire>;

const actorSchema = z.object({ role: z.enum(['mc', 'av', 'viewer']), label: z.string().max(200), address: z.string().max(200) });

export const requestWire = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), id, from: id, command: z.unknown(), actor: actorSchema, bytes: z.number().int().min(0), guardPlainGo: z.boolean() }),
  z.object({ kind: z.literal('snapshot'), id, from: id }),
  z.object({ kind: z.literal('report'), id, from: id, runId: z.string().max(200).optional() }),
  z.object({ kind: z.literal('runs'), id, from: id }),
]);
export type RequestWire = z.infer<typeof requestWire>;

export const replyWire = z.object({ id, to: id, epoch, body: z.unknown() });
export type ReplyWire = z.infer<typeof replyWire>;

const apiErrorSchema = z.object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.array(z.string()).optional() }) });
export const commandReply = z.union([z.object({ revision, live: liveSchema }), apiErrorSchema]);

export const snapshotReply = z.object({ revision, runNumber: z.number().int().min(0), programme: programmeSchema, live: liveSchema, record: recordSchema, readiness: readinessSchema.optional() });

/** Report and run listings are passed on to the HTTP client as the writer built them: an object, or a coded error. */
export const readReply = z.union([apiErrorSchema, z.looseObject({ runs: z.array(z.looseObject({ runId: id })) })]);

/** zod's output is structurally the core's types; the brands (Instant, Duration) are the writer's word. */
export const asLive = (live: z.infer<typeof liveSchema>): LiveState => live as unknown as LiveState;
export const asRecord = (record: z.infer<typeof recordSchema>): RunRecord => record as unknown as RunRecord;
export const asState = (s: z.infer<typeof snapshotReply>): ShowState => s as unknown as ShowState;
