/** A boolean URL option: `?lower=0` hides, `?lower=1` shows, absent → the default. */
export function flag(name: string, fallback: boolean): boolean {
  const v = new URLSearchParams(window.location.search).get(name);
  if (v === null) return fallback;
  return !['0', 'false', 'no', 'off'].includes(v.toLowerCase());
}
