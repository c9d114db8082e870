/**
 * The writer's side of the link to its relays: an adapter around the single writer (STYLE 13).
 * It listens to the same change stream the writer's own sockets hear, and calls the same
 * `submit` for commands that arrived at a relay. Nothing in ShowService knows relays exist.
 */
import { randomUUID } from 'node:crypto';
import { apiError } from '../errors';
import type { Logger } from '../log';
import { listRuns, reportFor } from '../reporting';
import type { ShowService } from '../show-service';
import type { ShowStore } from '../store/store';
import type { Instant } from '@shared/time';
import type { Bus } from './bus';
import { type RequestWire, requestWire, WIRE } from './wire';

export interface WriterLinkDeps {
  bus: Bus;
  service: ShowService;
  store: ShowStore;
  clock: () => Instant;
  log: Logger;
  /** How often relays hear "still here, at revision n" (default 1 s). */
  beatMs?: number;
}

export function linkWriter(deps: WriterLinkDeps): { epoch: string; close(): void } {
  const { bus, service, store, clock, log } = deps;
  const epoch = randomUUID();

  const stopChanges = service.onChange((message) => {
    // now/next are left out: every relay derives them from its copy (fewer bytes over Redis);
    // [D2] so is the programme when a patch says what changed.
    const { now: _now, next: _next, programmeVersion: _version, ...rest } = message;
    if (rest.patch) delete rest.programme;
    bus.send(WIRE.state, { epoch, ...rest });
  });
  const beat = () => bus.send(WIRE.beat, { epoch, revision: service.current.revision });
  const timer = setInterval(beat, deps.beatMs ?? 1000);
  timer.unref();
  beat();

  const reply = (request: RequestWire, body: unknown) => bus.send(WIRE.reply, { id: request.id, to: request.from, epoch, body });

  bus.on(WIRE.request, (raw) => {
    const parsed = requestWire.safeParse(raw);
    if (!parsed.success) return log.warn(`a relay sent a request that is not one: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const request = parsed.data;
    switch (request.kind) {
      case 'command':
        // The relay checked the PIN with the same auth; the writer still checks the role may send it.
        service.submit(request.command, request.actor, { bytes: request.bytes, guardPlainGo: request.guardPlainGo }).then(
          (ack) => reply(request, ack),
          (error: unknown) => {
            log.error(`a command forwarded by a relay failed: ${String(error)}`);
            reply(request, apiError('not_possible', 'the server could not handle this command'));
          },
        );
        return;
      case 'snapshot': {
        const { revision, runNumber, programme, live, record, readiness } = service.current;
        return reply(request, { revision, runNumber, programme, live, record, ...(readiness ? { readiness } : {}) });
      }
      case 'report':
        return reply(request, reportFor(store, service.current, request.runId, clock()));
      case 'runs':
        return reply(request, { runs: listRuns(store, service.current) });
      default:
        return request satisfies never;
    }
  });

  log.info(`writer: relays follow epoch ${epoch.slice(0, 8)} from revision ${service.current.revision}`);
  return {
    epoch,
    close() {
      clearInterval(timer);
      stopChanges();
    },
  };
}
