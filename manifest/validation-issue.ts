/** One reason the package is refused: where (a manifest path such as `bots[0].commandLists[1].commands[3].title`) and why. */
export interface ValidationIssue {
  /** The file the path is in: `manifest.json`, a localization file, or an icon. */
  file: string;
  path: string;
  message: string;
}

/** Thrown by buildAppPackage when the package must not be written. */
export class PackageValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`the Teams app package is invalid:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'PackageValidationError';
  }
}

export function formatIssue(issue: ValidationIssue): string {
  return `${issue.file}: ${issue.path || '(root)'}: ${issue.message}`;
}

/** `/bots/0/commandLists/1` (JSON pointer) -> `bots[0].commandLists[1]`, the form Teams' localization keys use. */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, token) => (/^\d+$/.test(token) ? `${path}[${token}]` : path ? `${path}.${token}` : token), '');
}

/** `bots[0].commandLists[1]` + `commands` -> `bots[0].commandLists[1].commands`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}
