/** Chromium's flags for the end-to-end tests and the browser benchmarks: the same browser set-up for both. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
