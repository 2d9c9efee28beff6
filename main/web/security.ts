/**
 * The web-mode server's guards. The server listens on loopback, but any web page the writer visits
 * can still aim requests at it, so every request is checked three ways: the Host header (DNS
 * rebinding), the Origin header (cross-site requests) and, for the API, a random bearer token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The renderer's Content-Security-Policy: the very text of the meta tag in renderer/index.html (a test
 * holds them identical), sent as a header by web mode and by the desktop app:// scheme alike.
 * Images: the page itself, repository media, and https only — no plain http (tracking pixels, mixed content).
 */
export const DEFAULT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: masthead-media: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
].join('; ');

/** A fresh secret for one server run: 32 random bytes, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares a presented token with the expected one in constant time (lengths are hidden by hashing). */
export function tokenMatches(presented: string | null | undefined, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  // Hashing first gives both sides the same length, so timingSafeEqual never throws and the
  // comparison time does not reveal how long the expected token is.
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The Host header values this server answers to. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * True when the Host header names this server exactly. A DNS-rebinding attack reaches us under the
 * attacker's host name, so anything else is refused even though the TCP connection is local.
 */
export function hostAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return typeof host === 'string' && allowedHosts(port).includes(host.toLowerCase());
}

/**
 * True when the request carries no Origin (same-origin GETs and non-browser clients) or our own.
 * Browsers always send Origin on cross-origin requests, so a foreign one is refused outright.
 */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin === `http://${host}`);
}

/** Headers sent with every response, whatever it carries. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    // frame-ancestors is ignored in a <meta> policy, so the header adds it: no site may frame the app.
    'Content-Security-Policy': /frame-ancestors/i.test(csp) ? csp : `${csp}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * Extracts the Content-Security-Policy a page declares in a `<meta http-equiv>` tag, so the header
 * the server sends is the same policy the renderer already lives under in Electron.
 */
export function cspFromHtml(html: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["']?/i.test(tag)) continue;
    const content = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(tag);
    const policy = (content?.[1] ?? content?.[2] ?? '').trim().replace(/;\s*$/, '');
    if (policy)
      return policy
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'");
  }
  return null;
}
