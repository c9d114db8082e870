/**
 * zod at the replication boundary. A backup trusts nothing it receives from the network, not even
 * from "its" primary: every entry is parsed here, then replayed by the pure reducer before it is
 * written (ShowService.follow). The peers' `/api/v1/info` answers are parsed the same way.
 */
import { z } from 'zod';
import { commandSchema, ROLES } from '@shared/commands';
import { readyLive, type ShowState } from '@shared/live';
import { programmeSchema } from '@shared/programme';
import type { Instant } from '@shared/time';
import type { JournalRecord } from '../store/store';

const revision = z.number().int().min(0);
const text = (max: number) => z.string().max(max);
const position = z.object({ itemId: text(64).min(1), segmentIndex: z.number().int().min(0).nullable() }).nullable();

export const MAX_BATCH = 500;

export const entrySchema = z.object({
  revision: revision.min(1),
  at: z.number().int().min(0),
  runId: text(100).min(1),
  command: commandSchema,
  from: position,
  to: position,
  actor: z.object({ role: z.enum(ROLES), label: text(200), address: text(200) }),
});

export const batchSchema = z.object({ entries: z.array(entrySchema).max(MAX_BATCH), revision });
export const heartbeatSchema = z.object({ revision, epoch: z.number().int().min(1) });

const epochStart = z.object({ epoch: z.number().int().min(1), fromRevision: revision });
export const welcomeSchema = z.object({
  epoch: z.number().int().min(1),
  epochs: z.array(epochStart).max(10_000),
  revision,
  truncateAfter: revision.optional(),
  base: z.unknown().optional(),
});
export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const followSchema = z.object({
  revision,
  lastAt: z.number().int().nullable(),
  epoch: z.number().int().min(1),
  url: z.string().max(300).nullable(),
});

/** The `node` of a peer's `/api/v1/info`: only what fencing needs. */
export const peerInfoSchema = z.object({
  node: z.object({ role: z.enum(['primary', 'backup']), epoch: z.number().int().min(1), primaryUrl: z.string().nullable().optional() }),
});

export const toRecord = (e: z.infer<typeof entrySchema>): JournalRecord => ({ ...e, at: e.at as Instant });

/**
 * The primary's revision-0 state (its seed), so a backup with an empty journal replays on exactly
 * the programme the primary started from. Rebuilt from the trusted constructors, not copied.
 */
const baseSchema = z.object({
  revision: z.literal(0),
  runNumber: z.number().int().min(1),
  programme: programmeSchema,
  live: z.looseObject({ runId: text(100).min(1), phase: z.literal('ready') }),
});

export function parseBase(raw: unknown): ShowState | null {
  const parsed = baseSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { runNumber, programme, live } = parsed.data;
  return { revision: 0, runNumber, programme, live: readyLive(live.runId), record: { runId: live.runId, visits: [] } };
}
