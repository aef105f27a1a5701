// The Teams app package: manifest valid against the official schema, icons as Teams requires, the zip.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { colorIcon, outlineIcon } from '../../../adapters/teams/manifest/icons.js';
import { buildAppPackage, PLACEHOLDER_APP_ID } from '../../../adapters/teams/manifest/package.js';

const folder = join(process.cwd(), 'manifest', 'teams');
const manifestText = readFileSync(join(folder, 'manifest.json'), 'utf8');
const manifest = JSON.parse(manifestText) as {
  manifestVersion: string;
  composeExtensions: Array<{ commands: Array<{ id: string; context: string[]; type: string }> }>;
  bots: Array<{ scopes: string[] }>;
};

/** The schema bundled in @microsoft/app-manifest for the manifest's own version (draft-04). */
function validator(schemaFile = 'MicrosoftTeams.schema.json') {
  const require = createRequire(import.meta.url);
  const root = require.resolve('@microsoft/app-manifest/package.json').replace(/package\.json$/, '');
  const schema = JSON.parse(
    readFileSync(
      join(root, 'build', 'json-schemas', 'teams', `v${manifest.manifestVersion}`, schemaFile),
      'utf8',
    ),
  ) as object;
  const Ajv = AjvDraft04 as unknown as typeof AjvDraft04.default;
  // The localisation schema's key patterns are written for non-Unicode regular expressions.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  (addFormats as unknown as typeof addFormats.default)(ajv);
  return ajv.compile(schema);
}

describe('manifest/teams/manifest.json', () => {
  const validate = validator();

  it('is valid against the official Teams schema', () => {
    const valid = validate(JSON.parse(manifestText));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validator does refuse what the schema forbids', () => {
    const broken = { ...JSON.parse(manifestText), id: 'not-a-guid', unknownField: true };
    expect(validate(broken)).toBe(false);
    expect((validate.errors ?? []).map((error) => error.instancePath || error.params)).toHaveLength(2);
  });

  it('has the bot in team, group chat and personal scopes, the form commands and "Track Azure ticket"', () => {
    expect(manifest.bots[0]?.scopes).toEqual(['team', 'groupChat', 'personal']);
    const commands = manifest.composeExtensions[0]?.commands ?? [];
    expect(commands.map((c) => c.id)).toEqual(['trackCase', 'checkSla', 'trackAzureTicket']);
    for (const command of commands.slice(0, 2)) {
      expect(command.type).toBe('action');
      expect(command.context).toEqual(['compose', 'message']);
    }
    // Issue 12: a ticket number in Teams' own parameter form, answered by the bot in a message box.
    expect(commands[2]).toMatchObject({
      type: 'action',
      fetchTask: false,
      parameters: [{ name: 'ticketNumber', inputType: 'text' }],
    });
  });

  it('the package carries MicrosoftAppId everywhere and stays valid', () => {
    const appId = '2f1a5c9e-1234-4000-8000-123456789abc';
    const result = buildAppPackage({
      manifest: manifestText,
      color: colorIcon(),
      outline: outlineIcon(),
      appId,
    });
    if (!result.ok) throw new Error(result.value);
    const files = unzipSync(result.zip);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, unknown>;
    expect(validate(packed)).toBe(true);
    expect(JSON.stringify(packed)).not.toContain(PLACEHOLDER_APP_ID);
    expect(packed.id).toBe(appId);
    expect(result.placeholder).toBe(false);
  });

  it('without MicrosoftAppId keeps the labelled placeholder; a malformed id is refused', () => {
    const placeholder = buildAppPackage({
      manifest: manifestText,
      color: colorIcon(),
      outline: outlineIcon(),
      appId: undefined,
    });
    expect(placeholder.ok && placeholder.placeholder).toBe(true);
    expect(
      buildAppPackage({ manifest: manifestText, color: colorIcon(), outline: outlineIcon(), appId: 'my-bot' })
        .ok,
    ).toBe(false);
  });
});

describe('icons', () => {
  it('color.png is 192x192 and opaque, as committed', () => {
    const committed = PNG.sync.read(readFileSync(join(folder, 'color.png')));
    expect([committed.width, committed.height]).toEqual([192, 192]);
    expect(committed.data.filter((_, i) => i % 4 === 3).every((alpha) => alpha === 255)).toBe(true);
    expect(readFileSync(join(folder, 'color.png')).equals(colorIcon())).toBe(true);
  });

  it('outline.png is 32x32, white on transparent, as committed', () => {
    const committed = PNG.sync.read(readFileSync(join(folder, 'outline.png')));
    expect([committed.width, committed.height]).toEqual([32, 32]);
    let opaque = 0;
    for (let i = 0; i < committed.data.length; i += 4) {
      const alpha = committed.data[i + 3] ?? 0;
      if (alpha > 0) {
        expect([committed.data[i], committed.data[i + 1], committed.data[i + 2]]).toEqual([255, 255, 255]);
        opaque += 1;
      }
    }
    expect(opaque).toBeGreaterThan(50);
    expect(opaque).toBeLessThan(32 * 32);
    expect(readFileSync(join(folder, 'outline.png')).equals(outlineIcon())).toBe(true);
  });
});

describe('the manifest in every language Teams shows it in', () => {
  const validate = validator('MicrosoftTeams.Localization.schema.json');
  const parsed = JSON.parse(manifestText) as {
    localizationInfo: {
      defaultLanguageTag: string;
      additionalLanguages: Array<{ languageTag: string; file: string }>;
    };
  };
  const languages = parsed.localizationInfo.additionalLanguages;

  it('lists the nine other interface languages, each with a file valid against the localisation schema', () => {
    expect(languages.map((l) => l.languageTag).sort()).toEqual(
      ['de-de', 'es-es', 'fr-fr', 'it-it', 'ja-jp', 'ko-kr', 'nl-nl', 'pt-br', 'zh-tw'].sort(),
    );
    const english = JSON.parse(manifestText) as Record<string, Record<string, unknown>>;
    for (const { file } of languages) {
      const translation = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, string>;
      expect({ file, valid: validate(translation), errors: validate.errors ?? null }).toEqual({
        file,
        valid: true,
        errors: null,
      });
      // Translated, not copied: the full description differs from English in every language.
      expect(translation['description.full']).not.toBe(english.description?.full);
      expect(Object.keys(translation).length).toBe(17);
    }
  });

  it('packs every localisation file into the app package', () => {
    const translations = Object.fromEntries(
      languages.map(({ file }) => [file, readFileSync(join(folder, file), 'utf8')]),
    );
    const result = buildAppPackage({
      manifest: manifestText,
      color: colorIcon(),
      outline: outlineIcon(),
      appId: undefined,
      translations,
    });
    if (!result.ok) throw new Error(result.value);
    expect(Object.keys(unzipSync(result.zip)).sort()).toEqual(
      ['color.png', 'manifest.json', 'outline.png', ...languages.map((l) => l.file)].sort(),
    );
  });
});
