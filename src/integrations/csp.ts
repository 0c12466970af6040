/**
 * Content Security Policy strings: parse, and merge several pages' policies
 * into one that allows what each allows (the union of sources per directive).
 */
export type Policy = Map<string, string[]>;

export function parseCsp(policy: string): Policy {
  const out: Policy = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

export function formatCsp(policy: Policy): string {
  return [...policy].map(([name, sources]) => `${[name, ...sources].join(' ')};`).join(' ');
}

export function mergeCsp(policies: string[]): string {
  const merged: Policy = new Map();
  for (const policy of policies) {
    for (const [name, sources] of parseCsp(policy)) {
      const seen = merged.get(name) ?? [];
      for (const s of sources) if (!seen.includes(s)) seen.push(s);
      merged.set(name, seen);
    }
  }
  return formatCsp(merged);
}
