// The Teams app package: manifest.json with the bot's app id, and the two icons, zipped flat.
import { zipSync } from 'fflate';

/** The id in the committed manifest: replaced by MicrosoftAppId when packaging. */
export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PackageSources {
  /** manifest.json as committed. */
  readonly manifest: string;
  readonly color: Uint8Array;
  readonly outline: Uint8Array;
  /** The manifest's localisation files (`nl-nl.json`, …), by file name. */
  readonly translations?: Readonly<Record<string, string>>;
  /** MicrosoftAppId; without it the placeholder stays (fine for validation, not for Teams). */
  readonly appId: string | undefined;
}

export type PackageResult =
  | { ok: true; zip: Uint8Array; manifest: Record<string, unknown>; placeholder: boolean }
  | { ok: false; value: string };

export function buildAppPackage(sources: PackageSources): PackageResult {
  const appId = sources.appId?.trim() || PLACEHOLDER_APP_ID;
  if (!GUID.test(appId)) return { ok: false, value: appId };
  const manifest = withAppId(JSON.parse(sources.manifest) as Record<string, unknown>, appId);
  const zip = zipSync({
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    'color.png': sources.color,
    'outline.png': sources.outline,
    ...Object.fromEntries(
      Object.entries(sources.translations ?? {}).map(([file, text]) => [
        file,
        new TextEncoder().encode(text),
      ]),
    ),
  });
  return { ok: true, zip, manifest, placeholder: appId === PLACEHOLDER_APP_ID };
}

/** The app id, the bot and the message extension all carry the Azure Bot registration's app id. */
function withAppId(manifest: Record<string, unknown>, appId: string): Record<string, unknown> {
  const withBot = (items: unknown) =>
    Array.isArray(items) ? items.map((item: Record<string, unknown>) => ({ ...item, botId: appId })) : items;
  return {
    ...manifest,
    id: appId,
    bots: withBot(manifest.bots),
    composeExtensions: withBot(manifest.composeExtensions),
  };
}
