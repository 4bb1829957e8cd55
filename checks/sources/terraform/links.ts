// The links between model objects of one scope (a stack or a plan): a reference term resolved to
// the object it names through indexes kept as objects are added, so resolving a link costs the
// same in a stack of ten resources as in one of a hundred thousand. A reference (aws_x.y.id)
// resolves by address; a literal (an id, an ARN, a name) by what the object is known as. When
// several objects match a literal, the one added first wins.

import {
  cognitoIssuerPoolId,
  isLiteral,
  type ApiAuthorizer,
  type ApiStage,
  type IamRole,
  type ModelObject,
  type Term,
  type UserPool,
  type UserPoolClient,
} from "../../model/index.js";

/** First-added position of each key. */
class FirstIndex {
  private readonly positions = new Map<string, number>();

  set(key: string, position: number): void {
    if (!this.positions.has(key)) this.positions.set(key, position);
  }

  get(key: string): number | undefined {
    return this.positions.get(key);
  }
}

/** The lowest of several candidate positions, for "the first object that matches any of these ways". */
function earliest(candidates: Iterable<number | undefined>): number | undefined {
  let found: number | undefined;
  for (const position of candidates)
    if (position !== undefined && (found === undefined || position < found)) found = position;
  return found;
}

/** Every suffix of `text` that follows an occurrence of `separator`. */
function* suffixesAfter(text: string, separator: string): Generator<string> {
  for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1))
    yield text.slice(at + separator.length);
}

/**
 * Positions of keys that end with a given text: keys kept reversed and sorted, so the keys ending
 * with a text are one contiguous run found by binary search. Built on first use after an add.
 */
class SuffixIndex {
  private readonly keys: string[] = [];
  private sorted: { readonly reversed: string; readonly position: number }[] | undefined;

  add(key: string): void {
    this.keys.push(key);
    this.sorted = undefined;
  }

  firstEndingWith(text: string): number | undefined {
    this.sorted ??= this.keys
      .map((key, position) => ({ reversed: reverse(key), position }))
      .sort((a, b) => (a.reversed < b.reversed ? -1 : a.reversed > b.reversed ? 1 : a.position - b.position));
    const prefix = reverse(text);
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle]!.reversed < prefix) low = middle + 1;
      else high = middle;
    }
    let found: number | undefined;
    for (let i = low; i < this.sorted.length && this.sorted[i]!.reversed.startsWith(prefix); i++)
      found = earliest([found, this.sorted[i]!.position]);
    return found;
  }
}

function reverse(text: string): string {
  let out = "";
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}

/** The link resolvers every Terraform reader gets, over the objects of one scope. */
export class ScopeLinks {
  private readonly byAddress = new Map<string, ModelObject>();
  private readonly pools: UserPool[] = [];
  private readonly poolById = new FirstIndex();
  /** By the id that follows a "/" in an ARN or provider name; "\0" for pools whose id is unknown. */
  private readonly poolByIdSuffix = new FirstIndex();
  private readonly roles: IamRole[] = [];
  private readonly roleByArn = new FirstIndex();
  private readonly roleByName = new FirstIndex();
  private readonly clients: UserPoolClient[] = [];
  private readonly clientByArn = new FirstIndex();
  private readonly clientByKey = new SuffixIndex();
  private readonly clientLiterals = new Map<string, number | undefined>();

  /** Records an object read from the resource at `address`, so references to that address resolve to it. */
  add(address: string, object: ModelObject): void {
    this.byAddress.set(address, object);
    if (object.kind === "UserPool") {
      const position = this.pools.push(object) - 1;
      if (object.id.known) this.poolById.set(object.id.value, position);
      this.poolByIdSuffix.set(object.id.known ? object.id.value : "\0", position);
    } else if (object.kind === "IamRole") {
      const position = this.roles.push(object) - 1;
      if (object.arn.known) this.roleByArn.set(object.arn.value, position);
      if (object.name.known) this.roleByName.set(object.name.value, position);
    } else if (object.kind === "UserPoolClient") {
      const position = this.clients.push(object) - 1;
      if (object.provenance.arn !== undefined) this.clientByArn.set(object.provenance.arn, position);
      this.clientByKey.add(object.key);
      this.clientLiterals.clear();
    }
  }

  /** A user pool by reference, by its id, or by an ARN or provider name ending in /id. */
  userPool(term: Term | null): UserPool | undefined {
    return this.resolve(term, "UserPool", (text) => {
      const position = earliest([this.poolById.get(text), ...this.mapSuffixes(text, "/", this.poolByIdSuffix)]);
      return position === undefined ? undefined : this.pools[position];
    });
  }

  /** An IAM role by reference, by its ARN, or by an ARN ending in :role/name. */
  role(term: Term | null): IamRole | undefined {
    return this.resolve(term, "IamRole", (text) => {
      const position = earliest([this.roleByArn.get(text), ...this.mapSuffixes(text, ":role/", this.roleByName)]);
      return position === undefined ? undefined : this.roles[position];
    });
  }

  /** A user pool client by reference, by its ARN, or by text its key ends with. */
  client(term: Term | null): UserPoolClient | undefined {
    return this.resolve(term, "UserPoolClient", (text) => {
      if (!this.clientLiterals.has(text))
        this.clientLiterals.set(text, earliest([this.clientByArn.get(text), this.clientByKey.firstEndingWith(text)]));
      const position = this.clientLiterals.get(text);
      return position === undefined ? undefined : this.clients[position];
    });
  }

  /**
   * The user pool whose token issuer a JWT issuer URL is: https://cognito-idp.<region>.amazonaws.com/<pool id>,
   * written with the pool's id literally or as a reference (…/${aws_cognito_user_pool.p.id}), or as
   * https://${aws_cognito_user_pool.p.endpoint}.
   */
  issuerPool(term: Term | null): UserPool | undefined {
    if (!term) return undefined;
    if (isLiteral(term)) {
      const id = cognitoIssuerPoolId(term.text);
      return id === undefined ? undefined : this.userPool({ text: id, refs: [] });
    }
    // A plan of hand-written HCL shows a template only by its references: https://${…endpoint} reads as the
    // one reference, so the endpoint alone links too; a template of several references is not evaluated.
    const address =
      COGNITO_ISSUER_BY_ID_REF.exec(term.text)?.[1] ??
      COGNITO_ISSUER_BY_ENDPOINT_REF.exec(term.text)?.[1] ??
      (term.exactRef?.attribute === "endpoint" ? term.exactRef.address : undefined);
    const object = address === undefined ? undefined : this.byAddress.get(address);
    return object?.kind === "UserPool" ? object : undefined;
  }

  /** An API Gateway stage, by reference only (its ARN is known only after apply). */
  apiStage(term: Term | null): ApiStage | undefined {
    return this.resolve<ApiStage>(term, "ApiStage", () => undefined);
  }

  /** An API Gateway authorizer, by reference only. */
  authorizer(term: Term | null): ApiAuthorizer | undefined {
    return this.resolve<ApiAuthorizer>(term, "ApiAuthorizer", () => undefined);
  }

  private *mapSuffixes(text: string, separator: string, index: FirstIndex): Generator<number | undefined> {
    for (const suffix of suffixesAfter(text, separator)) yield index.get(suffix);
  }

  private resolve<T extends ModelObject>(
    term: Term | null,
    kind: T["kind"],
    byLiteral: (text: string) => T | undefined,
  ): T | undefined {
    if (!term) return undefined;
    if (term.exactRef) {
      const object = this.byAddress.get(term.exactRef.address);
      return object?.kind === kind ? (object as T) : undefined;
    }
    return isLiteral(term) && term.text ? byLiteral(term.text) : undefined;
  }
}

const COGNITO_ISSUER_BY_ID_REF = /^https:\/\/cognito-idp\.[^/]+\.amazonaws\.com\/\$\{([^}]+)\.id\}$/;
const COGNITO_ISSUER_BY_ENDPOINT_REF = /^https:\/\/\$\{([^}]+)\.endpoint\}$/;
