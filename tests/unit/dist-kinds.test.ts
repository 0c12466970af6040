/**
 * What the benchmarks count as the index (tools/shared/dist.ts): every file
 * the search reads as data under `pagefind/` — Pagefind's and the project's
 * own tables — and as code only Pagefind's script and
 * WebAssembly, so a table the index builder adds cannot hide among the code.
 */
import { describe, expect, it } from 'vitest';
import { pagefindKind } from '../../tools/shared/dist.ts';

describe('pagefindKind', () => {
  it('counts every data file beside Pagefind’s as index data', () => {
    const kinds = Object.fromEntries(
      [
        'pagefind/pagefind.und_246056237f6.pf_meta',
        'pagefind/index/und_a1.pf_index',
        'pagefind/fragment/und_b2.pf_fragment',
        'pagefind/pagefind-entry.json',
        'pagefind/positions/own/e5859a20e5bbba.bin.gz',
        'pagefind/chunks.json.gz',
        'pagefind/names/3.json.gz',
        'pagefind/pairs/17.bin.gz',
        'pagefind/pages/0.json.gz',
        'pagefind/pagefind.js',
        'pagefind/pagefind-worker.js',
        'pagefind/wasm.unknown.pagefind',
      ].map((path) => [path, pagefindKind(path)]),
    );
    expect(kinds).toMatchInlineSnapshot(`
      {
        "pagefind/chunks.json.gz": "table",
        "pagefind/fragment/und_b2.pf_fragment": "fragment",
        "pagefind/index/und_a1.pf_index": "index",
        "pagefind/names/3.json.gz": "table",
        "pagefind/pagefind-entry.json": "entry",
        "pagefind/pagefind-worker.js": "code",
        "pagefind/pagefind.js": "code",
        "pagefind/pagefind.und_246056237f6.pf_meta": "meta",
        "pagefind/pages/0.json.gz": "table",
        "pagefind/pairs/17.bin.gz": "table",
        "pagefind/positions/own/e5859a20e5bbba.bin.gz": "table",
        "pagefind/wasm.unknown.pagefind": "code",
      }
    `);
  });
});
