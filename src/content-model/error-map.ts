/**
 * Turns Zod's issues into sentences an editor can act on: which field, what
 * was found, what is allowed. Astro prints them under the entry's file name
 * in its "does not match collection schema" error.
 */
import { z } from 'astro/zod';

type Issue = z.core.$ZodRawIssue;

function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export function contentErrorMap(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `required field is missing (expected ${issue.expected})`;
      return `expected ${issue.expected}, found ${show(issue.input)}`;
    case 'invalid_value':
      return `${show(issue.input)} is not allowed; use one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters long`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      return `must be at most ${issue.maximum}`;
    case 'invalid_format':
      return `${show(issue.input)} is not in the expected form`;
    default:
      return undefined;
  }
}

/**
 * Wraps an entry schema so that its issues reach Astro already worded by
 * `contentErrorMap`, each with the path of the field it is about (Astro's
 * own wording prints "Required" for a missing field and an empty path for an
 * unknown one).
 */
export function withReadableErrors<T extends z.ZodType>(schema: T) {
  return z.unknown().transform(async (input, ctx): Promise<z.output<T>> => {
    const result = await schema.safeParseAsync(input, { error: contentErrorMap });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          ctx.addIssue({
            code: 'custom',
            path: [...issue.path, key],
            message: `unknown field "${key}": check the spelling, or see src/content-model/schema.ts for the fields this entry takes`,
          });
        }
      } else {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
    }
    return z.NEVER;
  });
}
