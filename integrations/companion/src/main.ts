/**
 * The Companion module: InstanceBase glue around the pure parts (link, actions, feedbacks,
 * variables). It is the only file that imports @companion-module/base, so the rest runs and is
 * tested inside Baton's own test suite.
 */
import {
  type CompanionActionDefinitions,
  type CompanionFeedbackDefinitions,
  InstanceBase,
  InstanceStatus,
  runEntrypoint,
  type SomeCompanionConfigField,
} from '@companion-module/base';
import { ACTIONS, runAction } from './actions';
import { evaluateFeedback, FEEDBACKS } from './feedbacks';
import { BatonLink } from './link';
import { statusOf, VARIABLES, variableValues } from './variables';

interface Config {
  host: string;
  port: number;
  pin: string;
  label: string;
}

class BatonInstance extends InstanceBase<Config> {
  private link: BatonLink | null = null;
  private ticker: NodeJS.Timeout | undefined;

  override async init(config: Config): Promise<void> {
    this.setActionDefinitions(this.actions());
    this.setFeedbackDefinitions(this.feedbacks());
    this.setVariableDefinitions(VARIABLES.map((v) => ({ ...v })));
    await this.configUpdated(config);
  }

  override async configUpdated(config: Config): Promise<void> {
    this.link?.close();
    this.updateStatus(InstanceStatus.Connecting);
    this.link = new BatonLink({
      url: `http://${config.host}:${config.port}`,
      pin: config.pin,
      label: config.label || 'Companion',
      onChange: () => this.refresh(),
      onStatus: (status, message) =>
        this.updateStatus(
          status === 'ok' ? InstanceStatus.Ok : status === 'refused' ? InstanceStatus.AuthenticationFailure : status === 'connecting' ? InstanceStatus.Connecting : InstanceStatus.Disconnected,
          message ?? null,
        ),
    });
    // Time left moves between changes: recompute the variables each second (Baton itself sends no ticks).
    clearInterval(this.ticker);
    this.ticker = setInterval(() => this.refresh(), 1000);
  }

  override async destroy(): Promise<void> {
    clearInterval(this.ticker);
    this.link?.close();
    this.link = null;
  }

  getConfigFields(): SomeCompanionConfigField[] {
    return [
      { type: 'textinput', id: 'host', label: "Baton's address (from its start-up banner)", width: 8, default: '192.168.1.20' },
      { type: 'number', id: 'port', label: 'Port', width: 4, default: 4310, min: 1, max: 65535 },
      { type: 'textinput', id: 'pin', label: 'MC or AV PIN (empty: read only)', width: 6, default: '' },
      { type: 'textinput', id: 'label', label: 'Name in the audit log', width: 6, default: 'Stream Deck' },
    ];
  }

  private refresh(): void {
    const status = this.link && statusOf(this.link.show, this.link.serverNow());
    this.setVariableValues(variableValues(status ?? null));
    this.checkFeedbacks();
  }

  private actions(): CompanionActionDefinitions {
    return Object.fromEntries(
      ACTIONS.map((a) => [a.id, {
        name: a.name,
        options: a.options,
        callback: async (event) => {
          if (!this.link) return;
          const ack = await runAction(this.link, a.id, event.options);
          if ('error' in ack) this.log('warn', `${a.name}: ${ack.error.code}: ${ack.error.message}`);
        },
      }]),
    );
  }

  private feedbacks(): CompanionFeedbackDefinitions {
    const status = () => (this.link ? statusOf(this.link.show, this.link.serverNow()) : null);
    return Object.fromEntries(
      FEEDBACKS.map((f) => [f.id, f.type === 'boolean'
        ? { type: 'boolean', name: f.name, options: f.options, defaultStyle: f.defaultStyle ?? {}, callback: (e) => evaluateFeedback(f.id, e.options, status()) === true }
        : { type: 'advanced', name: f.name, options: f.options, callback: (e) => { const r = evaluateFeedback(f.id, e.options, status()); return typeof r === 'object' ? r : {}; } }]),
    ) as CompanionFeedbackDefinitions;
  }
}

runEntrypoint(BatonInstance, []);
