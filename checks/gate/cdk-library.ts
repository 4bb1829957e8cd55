// The CDK library a construct belongs to: cdktf 0.21 or cdktn 0.24, whichever the user's app uses.
// authwarden imports neither at module load, so a cdktn app does not need cdktf (and the reverse),
// and both are peers: the copy loaded here is the app's own, found from authwarden's install
// location. When both are installed, the one whose TerraformStack the construct extends is used.
// Types are structural, against the one shared copy of constructs, so no cdktf or cdktn type is
// declared in authwarden's .d.ts files.

import type { IConstruct } from "constructs";
import { UsageError } from "../errors.js";
import { loadOptionalPackage } from "../io/commonjs.cjs";

export const CDK_LIBRARIES = ["cdktf", "cdktn"] as const;
export type CdkLibraryName = (typeof CDK_LIBRARIES)[number];

/** A TerraformStack of either library, as far as authwarden uses it. */
export interface CdkStack extends IConstruct {
  toTerraform(): unknown;
}

interface AnnotationsApi {
  addError(message: string): void;
  addWarning(message: string): void;
  addInfo(message: string): void;
}

/** The part of the cdktf / cdktn module authwarden uses. */
export interface CdkLibrary {
  readonly name: CdkLibraryName;
  readonly TerraformStack: { readonly prototype: object };
  readonly App: { readonly prototype: object };
  readonly Annotations: { of(scope: IConstruct): AnnotationsApi };
  readonly Testing: { synth(stack: CdkStack, runValidations?: boolean): string };
}

const loaded = new Map<CdkLibraryName, CdkLibrary | null>();

function library(name: CdkLibraryName): CdkLibrary | undefined {
  if (!loaded.has(name)) {
    const module = loadOptionalPackage(name) as Omit<CdkLibrary, "name"> | undefined;
    loaded.set(name, module ? { ...module, name } : null);
  }
  return loaded.get(name) ?? undefined;
}

const JSII_RTTI = Symbol.for("jsii.rtti");

/**
 * The library and class a construct is an instance of, by the jsii type information both libraries
 * put on their classes ({ fqn: "cdktf.TerraformStack" }), read up the prototype chain past user
 * subclasses. Nothing is loaded to find out, so a library the app does not use is never required.
 */
function jsiiBase(construct: unknown, className: string): CdkLibraryName | undefined {
  if (construct === null || typeof construct !== "object") return undefined;
  for (let proto: unknown = Object.getPrototypeOf(construct); proto; proto = Object.getPrototypeOf(proto)) {
    const ctor = (proto as { constructor?: Record<symbol, unknown> }).constructor;
    const rtti = ctor?.[JSII_RTTI] as { fqn?: unknown } | undefined;
    const name = CDK_LIBRARIES.find((lib) => rtti?.fqn === `${lib}.${className}`);
    if (name) return name;
  }
  return undefined;
}

function libraryFor(construct: unknown, className: "TerraformStack" | "App"): CdkLibrary | undefined {
  const name = jsiiBase(construct, className);
  if (!name) return undefined;
  const lib = library(name);
  // The app's copy must be the one authwarden resolves; another copy would be a silent skip, so it is an error.
  if (!lib || !Object.prototype.isPrototypeOf.call(lib[className].prototype, construct as object))
    throw new UsageError(
      `authwarden resolves ${lib ? "another copy of" : "no"} ${name} than the one this ${className} comes from: ` +
        `install ${name} once, beside authwarden (it is a peer dependency)`,
    );
  return lib;
}

/** The library whose TerraformStack `construct` is, or undefined when it is no stack. */
export function stackLibrary(construct: unknown): CdkLibrary | undefined {
  return libraryFor(construct, "TerraformStack");
}

/** The library whose App `construct` is, or undefined when it is no app. */
export function appLibrary(construct: unknown): CdkLibrary | undefined {
  return libraryFor(construct, "App");
}

export function isCdkStack(construct: unknown): construct is CdkStack {
  return stackLibrary(construct) !== undefined;
}
