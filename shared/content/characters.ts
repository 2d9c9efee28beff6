/**
 * Character checks shared by the YAML and TOML writers, which must know when a value needs
 * escapes (and so a quoting style that has them).
 */

/**
 * True when `text` holds a control character (C0, DEL, C1) other than those in `allowed`. With
 * `unicodeBreaks`, U+2028, U+2029 and U+FEFF count too: YAML treats them specially.
 */
export function hasControlChars(text: string, allowed = '', unicodeBreaks = true): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    const control =
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      (unicodeBreaks && (code === 0x2028 || code === 0x2029 || code === 0xfeff));
    if (control && !allowed.includes(char)) return true;
  }
  return false;
}
