import { SDKS, type SdkId } from '../../../catalog/src/sdkErrors';

/** The manifest files (at a project's root) whose dependencies say UQPAY is in play. */
export const MANIFEST_FILES = [
  'package.json', 'requirements.txt', 'pyproject.toml', 'setup.py', 'Pipfile', 'go.mod', 'pom.xml',
  'build.gradle', 'build.gradle.kts', 'composer.json', 'pubspec.yaml',
] as const;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The SDKs a manifest depends on (or is: the SDK's own go.mod, package.json...). A dependency name
 * counts only as a whole token, so `uqpay` in requirements.txt is not `uqpay-something-else`.
 */
export function sdksInManifest(fileName: string, text: string): SdkId[] {
  const found: SdkId[] = [];
  const python = /requirements\.txt$|pyproject\.toml$|setup\.py$|Pipfile$/.test(fileName);
  for (const sdk of SDKS) {
    for (const dep of sdk.dependencies) {
      // the bare Python name needs a Python manifest: elsewhere `uqpay` is just a word
      if (dep === 'uqpay' && !python) continue;
      if (dep !== 'uqpay' && python) continue;
      const re = new RegExp(`(?<![\\w.@/-])${escape(dep)}(?![\\w-])`, 'i');
      if (re.test(text)) { found.push(sdk.id); break; }
    }
  }
  return found;
}
