import { applyCommand, type Applied } from '@shared/reducer';
import type { CommandInput } from '@shared/commands';
import { commandSchema } from '@shared/commands';
import { defaultProgramme } from '@shared/default-programme';
import { initialShowState, type ShowState } from '@shared/live';
import { type Instant, instant, zonedInstant } from '@shared/time';

/** A manual clock: time moves only when a test says so. */
export function manualClock(start: Instant = zonedInstant('2024-01-18', '07:30', 'Asia/Ho_Chi_Minh')) {
  let t: number = start;
  return {
    now: (): Instant => instant(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** A show on the default programme with a manual clock; `send` throws on a refusal, `try` returns it. */
export function show(state: ShowState = initialShowState(defaultProgramme())) {
  const clock = manualClock();
  let current = state;
  const entries: Applied['entry'][] = [];
  const tryCommand = (input: CommandInput) => {
    const result = applyCommand(current, commandSchema.parse(input), clock.now());
    if (result.ok) {
      current = result.state;
      entries.push(result.entry);
    }
    return result;
  };
  return {
    clock,
    entries,
    get state() {
      return current;
    },
    get live() {
      return current.live;
    },
    try: tryCommand,
    send(input: CommandInput) {
      const r = tryCommand(input);
      if (!r.ok) throw new Error(`${input.type} refused: ${r.error.code} ${r.error.message}`);
      return r.state;
    },
  };
}
