/**
 * `GET /api/v1/status`: the small JSON a hardware panel polls (O1) — the panel status from the
 * shared derive functions at the server's now, plus counters of optional parts (OSC) that
 * register themselves here at start-up.
 */
import { panelStatus, type PanelStatus } from '@shared/panel';
import type { AdmissionStats } from '../admission';
import type { Instant } from '@shared/time';
import type { OscCounters } from '../osc/index';
import type { ShowPort } from '../show-service';

/** Filled in by parts started after the app (OSC); absent means that part is off. */
export interface StatusExtras {
  osc?: () => OscCounters;
  /** Admission control: screens, budgets, the busiest addresses, refusals. */
  connections?: () => AdmissionStats;
}

export type StatusResponse = PanelStatus & { osc: OscCounters | null; connections: AdmissionStats | null };

export function statusResponse(service: ShowPort, clock: () => Instant, extras: StatusExtras): StatusResponse {
  return { ...panelStatus(service.current, clock()), osc: extras.osc?.() ?? null, connections: extras.connections?.() ?? null };
}
