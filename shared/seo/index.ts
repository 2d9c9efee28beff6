/** SEO rules: roles from front matter, the site, snippet truncation, checks. Pure; runs anywhere. */
export * from './types';
export * from './body';
export * from './roles';
export * from './site';
export * from './truncate';
export * from './display';
export * from './limits';
export { runSeoChecks, roleChecks, bodyChecksOf, charCount } from './checks';
export * from './conventions';
export * from './repo-paths';
