#!/usr/bin/env node
// `npm run icons`: draws every app icon from the one source, resources/icon.svg — the PNG set Linux
// installers take (resources/icons/NxN.png), the 1024 px resources/icon.png, macOS's icon.icns and
// Windows's icon.ico — so installers never upscale a small bitmap. The outputs are committed;
// run it again after changing the SVG.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { IconIcns, IconIco } from '@shockpkg/icon-encoder';

const resources = fileURLToPath(new URL('../resources/', import.meta.url));
const svg = readFileSync(join(resources, 'icon.svg'));

/** Every size drawn: Linux's hicolor sizes, Windows's ICO sizes and macOS's up to 512@2x. */
export const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** The sizes an ICO holds (Windows uses up to 256 px). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS slots by OSType, as `iconutil` fills them: size in pixels → types. */
export const ICNS_SLOTS = [
  [16, ['ic04']],
  [32, ['ic05', 'ic11']],
  [64, ['ic12']],
  [128, ['ic07']],
  [256, ['ic08', 'ic13']],
  [512, ['ic09', 'ic14']],
  [1024, ['ic10']],
];

/** The SVG drawn as a square PNG of `size` pixels. */
function render(size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

const png = new Map(SIZES.map((size) => [size, render(size)]));
mkdirSync(join(resources, 'icons'), { recursive: true });
for (const [size, bytes] of png) writeFileSync(join(resources, 'icons', `${size}x${size}.png`), bytes);
writeFileSync(join(resources, 'icon.png'), png.get(1024));

const ico = new IconIco();
// Largest first; the encoder stores each entry as PNG or bitmap, whichever older Windows reads.
for (const size of [...ICO_SIZES].reverse()) await ico.addFromPng(png.get(size), null);
writeFileSync(join(resources, 'icon.ico'), ico.encode());

const icns = new IconIcns();
icns.toc = true;
for (const [size, types] of ICNS_SLOTS) await icns.addFromPng(png.get(size), types);
writeFileSync(join(resources, 'icon.icns'), icns.encode());

console.log(
  `Icons written to ${resources}: ${SIZES.length} PNG sizes, icon.ico (${ICO_SIZES.join(', ')}), icon.icns (16–1024).`,
);
