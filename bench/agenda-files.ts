/**
 * What a phone fetches for a first load of /agenda, computed from the build (dist/client): the page,
 * the entry's script and styles, the agenda screen's chunk with every chunk it imports, their
 * styles, and the font files the browser downloads for Vietnamese text (W5; the browser test
 * tests/e2e/wire-budget.spec.ts checks this list against what Chromium really fetched).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Chunk {
  file: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

/** The Vite manifest (build.manifest), keyed by source path. */
function manifest(clientDir: string): Record<string, Chunk> {
  return JSON.parse(readFileSync(join(clientDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
}

/** Paths (from the site root) a fresh phone fetches for `/agenda`, '/agenda' itself first. */
export function agendaFiles(clientDir: string, screen = 'screens/agenda/agenda-screen.tsx'): string[] {
  const m = manifest(clientDir);
  const files = new Set<string>(['/agenda']);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = m[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
    files.add(`/${chunk.file}`);
    for (const css of chunk.css ?? []) files.add(`/${css}`);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  const entry = Object.keys(m).find((k) => m[k]!.isEntry && k.endsWith('index.html'));
  if (!entry) throw new Error('no index.html entry in the Vite manifest');
  visit(entry);
  const screenKey = Object.keys(m).find((k) => k.endsWith(screen));
  if (!screenKey) throw new Error(`${screen} is not in the Vite manifest`);
  const before = new Set(files);
  visit(screenKey);
  const css = (list: Iterable<string>) => [...list].filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(clientDir, f), 'utf8'));
  // The weights the screen draws: those its own stylesheet sets (the agenda sets one, W3).
  const weights = new Set(css([...files].filter((f) => !before.has(f))).flatMap((text) => [...text.matchAll(/font-weight:\s*(\d+)/g)].map((w) => w[1]!)));
  if (weights.size === 0) weights.add('400');
  for (const font of fontsFor(css(files), weights)) files.add(font);
  return [...files];
}

/** A Vietnamese line with the letters only Vietnamese has (ư, ơ, đ, ạ, ồ …) and plain Latin. */
const VIETNAMESE_TEXT = 'Đồng chí Ủy ban nhân dân tỉnh thi đua yêu nước — Lễ tổng kết 2024';

/**
 * The woff2 files of the @font-face rules in one of `weights` whose unicode-range covers a
 * character of Vietnamese text (a browser downloads a face only when the page draws a character
 * of its range in its weight).
 */
export function fontsFor(cssTexts: string[], weights: Set<string>, text = VIETNAMESE_TEXT): string[] {
  const out: string[] = [];
  const codes = [...new Set([...text].map((c) => c.codePointAt(0)!))];
  for (const css of cssTexts) {
    for (const face of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const woff2 = /url\(([^)]+\.woff2)\)/.exec(face)?.[1]?.replace(/["']/g, '');
      if (!woff2) continue;
      const range = /unicode-range:\s*([^;}]+)/.exec(face)?.[1];
      if (range && !codes.some((c) => inRange(range, c))) continue;
      const weight = /font-weight:\s*(\d+)/.exec(face)?.[1] ?? '400';
      if (!weights.has(weight)) continue;
      out.push(woff2);
    }
  }
  return out;
}

function inRange(range: string, code: number): boolean {
  return range.split(',').some((part) => {
    const p = part.trim().replace(/^U\+/i, '');
    if (p.includes('?')) return code >= parseInt(p.replace(/\?/g, '0'), 16) && code <= parseInt(p.replace(/\?/g, 'F'), 16);
    const [a, b] = p.split('-');
    const lo = parseInt(a!, 16);
    const hi = b ? parseInt(b, 16) : lo;
    return code >= lo && code <= hi;
  });
}
