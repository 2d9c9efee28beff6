// Types of bin/start.mjs for the TypeScript tests that import it.

/** The Electron executable, or null when the package is there but its binary never arrived. */
export function electronBinary(root?: string): string | null;
/** The lowest Node that Electron's install tooling accepts, from its package.json `engines`. */
export function desktopNodeRequirement(root?: string): string;
/** True when Node `version` ("v20.20.2" or "20.20.2") is at least `required` ("22.12.0"). */
export function nodeAtLeast(version: string, required: string): boolean;
/** What `npm start` says before it starts, or null when there is nothing to say. */
export function startNotice(options: {
  hasElectron: boolean;
  nodeVersion: string;
  requiredNode: string;
}): string | null;
