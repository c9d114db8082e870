/**
 * Option fields in the shape Companion's input fields take (`@companion-module/base` 1.x), kept
 * structural here so the actions, feedbacks and their tests need nothing but Baton's own code.
 */
export interface Choice {
  id: string;
  label: string;
}

export type OptionField =
  | { type: 'dropdown'; id: string; label: string; choices: Choice[]; default: string; allowCustom?: boolean }
  | { type: 'number'; id: string; label: string; default: number; min: number; max: number }
  | { type: 'textinput'; id: string; label: string; default?: string; tooltip?: string };

export type Options = Record<string, unknown>;

export const text = (options: Options, id: string): string => {
  const v = options[id];
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
};

export const int = (options: Options, id: string, fallback: number): number => {
  const v = Number(options[id]);
  return Number.isFinite(v) ? Math.round(v) : fallback;
};
