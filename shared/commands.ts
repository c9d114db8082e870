/**
 * Every command of the public contract, its schema, and which role may send it.
 * One table (`COMMAND_TYPES`) drives the schema, the role check and the reducer's switch.
 */
import { z } from 'zod';
import { itemSchema, programmeSchema } from './programme';

export const ROLES = ['mc', 'av', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const itemId = z.string({ error: 'itemId must be text' }).min(1, { error: 'itemId is required' }).max(64);
const positionSchema = z.object({
  itemId,
  segmentIndex: z.number().int().min(0).nullable(),
});

/** Guards any command may carry: the revision it was decided on, the position it was pressed at. */
const guards = {
  expectedRevision: z.number({ error: 'expectedRevision must be a number' }).int().min(0).optional(),
  from: positionSchema.optional(),
};

const checkId = z.string({ error: 'checkId must be text' }).trim().min(1, { error: 'checkId is required' }).max(64);
const person = z.string({ error: 'by must be text' }).trim().min(1, { error: 'say who ticks it (by)' }).max(60, { error: 'by is longer than 60 characters' });
const checkLabel = z.string({ error: 'label must be text' }).trim().min(1, { error: 'a check needs a label' }).max(160, { error: 'a label is longer than 160 characters' });
const checksSchema = z
  .array(z.object({ id: checkId, label: checkLabel, labelEn: checkLabel.optional() }), { error: 'checks must be a list' })
  .max(40, { error: 'at most 40 checks' })
  .refine((list) => new Set(list.map((c) => c.id)).size === list.length, { error: 'check ids must be unique' });

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...guards, ...shape });

export const commandSchema = z.discriminatedUnion(
  'type',
  [
    cmd('start', {}),
    cmd('next', {}),
    cmd('previous', {}),
    cmd('goto', { itemId, segmentIndex: z.number().int().min(0).max(999).optional() }),
    cmd('pause', {}),
    cmd('resume', {}),
    cmd('addTime', {
      seconds: z
        .number({ error: 'seconds must be a number' })
        .int({ error: 'seconds must be a whole number' })
        .min(-3600, { error: 'seconds must be at least -3600' })
        .max(3600, { error: 'seconds must be at most 3600' })
        .refine((s) => s !== 0, { error: 'seconds must not be 0' }),
    }),
    cmd('message', {
      text: z.string({ error: 'text must be text' }).trim().min(1, { error: 'the message is empty' }).max(200, { error: 'the message is longer than 200 characters' }),
    }),
    cmd('clearMessage', {}),
    cmd('blackout', { on: z.boolean({ error: 'on must be true or false' }) }),
    cmd('standby', { itemId }),
    cmd('ready', { itemId }),
    cmd('rolled', { itemId }),
    cmd('lowerThird', { mode: z.enum(['auto', 'show', 'hide'], { error: 'mode must be auto, show or hide' }) }),
    cmd('reset', {}),
    cmd('upsertItem', { item: itemSchema, index: z.number().int().min(0).max(10_000).optional() }),
    cmd('removeItem', { itemId }),
    cmd('moveItem', { itemId, toIndex: z.number({ error: 'toIndex must be a number' }).int().min(0, { error: 'toIndex cannot be negative' }) }),
    cmd('replaceProgramme', { programme: programmeSchema }),
    cmd('readyTick', { checkId, by: person }),
    cmd('readyUntick', { checkId, by: person }),
    cmd('readyEdit', { checks: checksSchema }),
  ],
  { error: (iss) => (iss.code === 'invalid_union' ? 'unknown command type' : undefined) },
);
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
export type CommandInput = z.input<typeof commandSchema>;

export const AV_COMMANDS: readonly CommandType[] = ['ready', 'rolled', 'lowerThird'];
/** Commands that change the programme (and so send it to every screen). */
export const PROGRAMME_COMMANDS: readonly CommandType[] = ['upsertItem', 'removeItem', 'moveItem', 'replaceProgramme'];
/** Commands that change the readiness board (and so send it to every screen). */
export const READINESS_COMMANDS: readonly CommandType[] = ['readyTick', 'readyUntick', 'readyEdit'];
/** Commands whose body may be up to 1 MB; every other command is limited to 64 KB. */
export const LARGE_COMMANDS: readonly CommandType[] = ['upsertItem', 'replaceProgramme'];

export function mayRoleSend(role: Role, type: CommandType): boolean {
  switch (role) {
    case 'mc':
      return true;
    case 'av':
      return AV_COMMANDS.includes(type);
    case 'viewer':
      return false;
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * True when a parsed JSON value carries a key that could pollute prototypes somewhere downstream.
 * Such payloads are refused outright rather than silently stripped. Iterative: deep nesting is safe.
 */
export function hasForbiddenKey(value: unknown, maxNodes = 200_000): boolean {
  const stack: unknown[] = [value];
  let seen = 0;
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (++seen > maxNodes) return true;
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return false;
}
