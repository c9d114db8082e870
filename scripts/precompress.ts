/**
 * A Vite plugin that writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the
 * build once it is written (W1): the server then sends the smaller copy a browser asks for
 * (server/http/static.ts) instead of compressing on every request. Walking the output directory
 * after the build catches every file any plugin emitted (the legacy bundles as well).
 * Node's zlib does it: brotli at its best quality, gzip at level 9; a copy is kept only when it is
 * smaller than the file.
 */
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text files worth compressing (fonts and images are compressed already). */
export const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|webmanifest|map)$/i;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (COMPRESSIBLE.test(entry.name)) yield path;
  }
}

/** Write `.br` and `.gz` beside each compressible file under `dir`; returns how many files. */
export async function precompressDir(dir: string): Promise<number> {
  const files = [...walk(dir)];
  await Promise.all(
    files.map(async (file) => {
      const body = readFileSync(file);
      const [br, gzipped] = await Promise.all([
        brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
        gz(body, { level: 9 }),
      ]);
      if (br.length < body.length) writeFileSync(`${file}.br`, br);
      if (gzipped.length < body.length) writeFileSync(`${file}.gz`, gzipped);
      // The copies carry the file's time, so a Last-Modified/ETag made from it means the same file.
      const { atime, mtime } = statSync(file);
      for (const copy of [`${file}.br`, `${file}.gz`]) if (existsSync(copy)) utimesSync(copy, atime, mtime);
    }),
  );
  return files.length;
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'baton-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
