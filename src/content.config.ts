/**
 * Collections under `content/`. The schemas live in `src/content-model/schema.ts` so
 * tests can check them without Astro; here they are bound to loaders and to
 * Astro's `reference()`, which fails the build on a dangling reference.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema, hospitalSchema, measureSchema, personSchema } from './content-model/schema.ts';
import { entryIdFromPath } from './content-model/entry-id.ts';
import { withReadableErrors } from './content-model/error-map.ts';

function collectionIn(folder: string, pattern: string) {
  const ids = new Map<string, string>();
  return glob({
    base: `./content/${folder}`,
    pattern,
    generateId: ({ entry }) => entryIdFromPath(`content/${folder}/${entry}`, ids),
    // Render Markdown when the page is built, not during content sync: the
    // sync catches a render error, logs it and stores the entry with an empty
    // body, which would publish an article without its text.
    deferRender: true,
  });
}

export const collections = {
  articles: defineCollection({
    loader: collectionIn('articles', '**/*.md'),
    schema: withReadableErrors(articleSchema(reference)),
  }),
  hospitals: defineCollection({
    loader: collectionIn('hospitals', '**/*.{yaml,yml}'),
    schema: withReadableErrors(hospitalSchema()),
  }),
  people: defineCollection({
    loader: collectionIn('people', '**/*.{yaml,yml}'),
    schema: withReadableErrors(personSchema(reference)),
  }),
  measures: defineCollection({
    loader: collectionIn('measures', '**/*.{yaml,yml}'),
    schema: withReadableErrors(measureSchema(reference)),
  }),
};
