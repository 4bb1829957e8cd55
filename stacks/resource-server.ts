// The OAuth resource server of the shop API: its custom scopes ("shop/orders", ...) are what the
// app clients request and what the API Gateway authorizer requires per method.
import { Construct } from "constructs";
import { CognitoResourceServer } from "@cdktf/provider-aws/lib/cognito-resource-server/index.js";
import type { ResourceServerProfile } from "./shop-variant.js";

export interface ShopResourceServerProps {
  readonly userPoolId: string;
  readonly profile: ResourceServerProfile;
}

export class ShopResourceServer extends Construct {
  readonly resourceServer: CognitoResourceServer;
  readonly identifier: string;
  private readonly scopeShortNames: readonly string[];

  constructor(scope: Construct, id: string, props: ShopResourceServerProps) {
    super(scope, id);
    this.identifier = props.profile.identifier;
    this.scopeShortNames = props.profile.scopes.map((s) => s.name);
    this.resourceServer = new CognitoResourceServer(this, "ResourceServer", {
      userPoolId: props.userPoolId,
      identifier: props.profile.identifier,
      name: props.profile.name,
      scope: props.profile.scopes.map((s) => ({ scopeName: s.name, scopeDescription: s.description })),
    });
  }

  /** Full scope name as clients request it and authorizers require it: "<identifier>/<scope>". */
  scope(name: string): string {
    return `${this.identifier}/${name}`;
  }

  /** All full scope names of this server. */
  get scopeNames(): string[] {
    return this.scopeShortNames.map((n) => this.scope(n));
  }
}
