/** The log the server writes to. Lines carry what happened and who did it, never a PIN. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const stamp = () => new Date().toISOString();

export const consoleLogger: Logger = {
  info: (m) => console.log(`${stamp()} ${m}`),
  warn: (m) => console.warn(`${stamp()} warning: ${m}`),
  error: (m) => console.error(`${stamp()} error: ${m}`),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
