/**
 * The Electron main process's entry. Lexical (left external by the bundle) loads its development
 * build, with extra invariant checks, unless NODE_ENV is production when it is first imported; the
 * bundler hoists external imports above any code, so NODE_ENV is set here and the app (main.ts,
 * which reaches Lexical through the back end) is imported after it.
 */
process.env.NODE_ENV ??= 'production';
void import('./main');
