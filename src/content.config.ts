/**
 * Collections under `content/`. The schemas live in `src/lib/schema.ts` so
 * tests can check them without Astro; here they are bound to loaders and to
 * Astro's `reference()`, which fails the build on a dangling reference.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema, hospitalSchema, measureSchema, personSchema } from './lib/schema.ts';
import { entryIdFromPath } from './lib/entry-id.ts';

function collectionIn(folder: string, pattern: string) {
  const ids = new Map<string, string>();
  return glob({
    base: `./content/${folder}`,
    pattern,
    generateId: ({ entry }) => entryIdFromPath(`content/${folder}/${entry}`, ids),
  });
}

export const collections = {
  articles: defineCollection({
    loader: collectionIn('articles', '**/*.md'),
    schema: articleSchema(reference),
  }),
  hospitals: defineCollection({
    loader: collectionIn('hospitals', '**/*.{yaml,yml}'),
    schema: hospitalSchema(),
  }),
  people: defineCollection({
    loader: collectionIn('people', '**/*.{yaml,yml}'),
    schema: personSchema(reference),
  }),
  measures: defineCollection({
    loader: collectionIn('measures', '**/*.{yaml,yml}'),
    schema: measureSchema(reference),
  }),
};
