/**
 * The part of opentype.js 2.0.0 Masthead uses (measuring text in the bundled font). The package ships no TypeScript types, and
 * @types/opentype.js describes the 1.x API.
 */
declare module 'opentype.js' {
  /** A parsed font. */
  export interface Font {
    /** Advance width of `text` at `fontSize` px, with kerning unless `options.kerning` is false. */
    getAdvanceWidth(
      text: string,
      fontSize: number,
      options?: { kerning?: boolean; features?: Record<string, boolean> },
    ): number;
    unitsPerEm: number;
  }
  /** Parses a font file's bytes. */
  export function parse(buffer: ArrayBuffer): Font;
}
