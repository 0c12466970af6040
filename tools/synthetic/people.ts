/** The people a synthetic archive names in a role, each with the words of the source that state the role. */
import type { Namer } from './names.ts';

export interface Role {
  kind: string;
  title: string;
  branch?: string;
  hospital: string;
  source: string;
  /** The words of the source that name the person in this role, e.g. `党委书记王伟`. */
  quote: string;
}

export interface Person {
  id: string;
  name: string;
  roles: Role[];
}

export class People {
  readonly byId = new Map<string, Person>();
  private readonly namer: Namer;

  constructor(namer: Namer) {
    this.namer = namer;
  }

  /** A new person with a new name, in one role. */
  add(role: Role): Person {
    const [name, py] = this.namer.person();
    const p: Person = { id: this.namer.uniqueId(py), name, roles: [role] };
    this.byId.set(p.id, p);
    return p;
  }
}
