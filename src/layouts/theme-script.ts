/**
 * The theme script as the layout inlines it in every page's head: `initTheme`
 * (src/browser/theme.ts) called at once, minified at build time. Kept apart
 * from the browser module, which ships as source text and must not import a
 * build tool.
 */
import { transformSync } from 'esbuild';
import { initTheme } from '../browser/theme.ts';

let themeScript: string | undefined;

/** The script text inlined in <head>, minified (it is in every page, and counts against the search page's script budget). */
export function inlineThemeScript(): string {
  // Made once: every page's layout asks for it, and minifying it for each of 76,000 pages took 53 s.
  themeScript ??= transformSync(`(${initTheme.toString()})()`, { minify: true, target: 'es2022' }).code.trim();
  return themeScript;
}
