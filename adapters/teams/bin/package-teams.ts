// `npm run package:teams`: manifest/teams/build/sla-bot.zip for sideloading or the Teams admin centre.
// `--icons` draws color.png and outline.png again first.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { environmentLocale, translator } from '../../../src/i18n/index.js';
import { colorIcon, outlineIcon } from '../manifest/icons.js';
import { buildAppPackage, PLACEHOLDER_APP_ID } from '../manifest/package.js';

function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('package.json not found above the script');
    folder = parent;
  }
  return folder;
}

/** The localisation files the manifest lists (localizationInfo.additionalLanguages). */
function translationFiles(source: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8')) as {
    localizationInfo?: { additionalLanguages?: Array<{ file: string }> };
  };
  const files = manifest.localizationInfo?.additionalLanguages?.map((language) => language.file) ?? [];
  return Object.fromEntries(files.map((file) => [file, readFileSync(join(source, file), 'utf8')]));
}

function main(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const t = translator(environmentLocale(env) ?? 'en');
  const source = join(projectRoot(), 'manifest', 'teams');
  const colorPath = join(source, 'color.png');
  const outlinePath = join(source, 'outline.png');
  if (argv.includes('--icons') || !existsSync(colorPath) || !existsSync(outlinePath)) {
    writeFileSync(colorPath, colorIcon());
    writeFileSync(outlinePath, outlineIcon());
    process.stdout.write(`${t('teams:package.icons', { color: colorPath, outline: outlinePath })}\n`);
  }
  const result = buildAppPackage({
    manifest: readFileSync(join(source, 'manifest.json'), 'utf8'),
    color: readFileSync(colorPath),
    outline: readFileSync(outlinePath),
    translations: translationFiles(source),
    appId: env.MicrosoftAppId,
  });
  if (!result.ok) {
    process.stderr.write(`${t('teams:package.badAppId', { value: result.value })}\n`);
    return 2;
  }
  const target = join(source, 'build', 'sla-bot.zip');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, result.zip);
  process.stdout.write(`${t('teams:package.written', { path: target })}\n`);
  if (result.placeholder) {
    process.stdout.write(`${t('teams:package.placeholder', { id: PLACEHOLDER_APP_ID })}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2), process.env);
