// The installers cannot be built here (electron-builder needs the Electron binary), so the packaging
// configuration is checked the way electron-builder itself would read it: against its own schema,
// with every file it names present and every icon at the sizes each platform asks for.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(__dirname, '../../../..');
/** The parts of the configuration these tests read (the schema checks the whole). */
interface BuilderConfig {
  appId: string;
  productName: string;
  extraResources: { from: string; to: string }[];
  linux: { target: string[]; icon: string };
  mac: { target: string; icon: string; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string };
  win: { target: string; icon: string };
  electronFuses: Record<string, boolean>;
}
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const at = (path: string): string => join(root, path);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own schema', () => {
    expect(validate(config), JSON.stringify(validate.errors, null, 1)).toBe(true);
    // The schema really is strict: a misspelt key is caught.
    expect(validate({ ...config, mac: { ...config.mac, hardenedRuntim: true } })).toBe(false);
  });

  it('names the app and builds AppImage + deb, a hardened dmg and an nsis installer', () => {
    expect(config.appId).toBe('org.masthead.app');
    expect(config.productName).toBe('Masthead');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target).toBe('nsis');
  });

  it('signs macOS builds with an entitlements file that allows JIT and nothing looser', () => {
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit])
      expect(existsSync(at(file)), file).toBe(true);
    const plist = readFileSync(at(config.mac.entitlements), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('sets exactly the six Electron fuses: no Node mode, no NODE_OPTIONS or --inspect, encrypted cookies, only a verified app.asar', () => {
    expect(config.electronFuses).toStrictEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships every extra resource it names', () => {
    for (const { from } of config.extraResources) expect(existsSync(at(from)), from).toBe(true);
  });
});

describe('app icons', () => {
  it('gives Linux one PNG per size from 16 to 1024 px, each really that size', () => {
    const dir = at(config.linux.icon);
    const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
    expect(readdirSync(dir).sort()).toEqual(sizes.map((size) => `${size}x${size}.png`).sort());
    for (const size of sizes) expect(pngSize(readFileSync(join(dir, `${size}x${size}.png`)))).toEqual([size, size]);
    expect(pngSize(readFileSync(at('resources/icon.png')))).toEqual([1024, 1024]);
  });

  it('gives Windows an ICO with 16, 24, 32, 48, 64, 128 and 256 px images', () => {
    const ico = readFileSync(at(config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, index) => ico[6 + index * 16] || 256);
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('gives macOS an ICNS with every slot from 16 px to 512@2x', () => {
    const icns = readFileSync(at(config.mac.icon));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4))
      types.push(icns.subarray(offset, offset + 4).toString('latin1'));
    expect(types.filter((type) => type !== 'TOC ').sort()).toEqual([
      'ic04',
      'ic05',
      'ic07',
      'ic08',
      'ic09',
      'ic10',
      'ic11',
      'ic12',
      'ic13',
      'ic14',
    ]);
  });

  it('are drawn from resources/icon.svg as it is now (run `npm run icons` after changing it)', () => {
    const fresh = new Resvg(readFileSync(at('resources/icon.svg')), {
      fitTo: { mode: 'width', value: 64 },
      background: 'rgba(0,0,0,0)',
    })
      .render()
      .asPng();
    expect(Buffer.compare(Buffer.from(fresh), readFileSync(at('resources/icons/64x64.png')))).toBe(0);
  });
});
