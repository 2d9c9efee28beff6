/** The git layer's public API: everything else in Masthead imports git from here. */
export { runGit, exclusive, gitEnvironment, setRemoteAuth, talksToRemote, DEFAULT_GIT_TIMEOUT_MS } from './core';
export type { RunGitOptions, GitOutput, RemoteAuth, RemoteAuthRun } from './core';
export { GitError, classifyGitError, gitErrorMessage, redactCredentials, scrubSecrets } from './errors';
export type { GitErrorCode, GitFailureInfo } from './errors';
export { findWorkTreeRoot } from './repository';
export { getSyncStatus, parseBranchHeaders } from './status';
export type { BranchHeaders } from './status';
export { commitFile, commitFiles } from './commit';
export type { CommitFileResult } from './commit';
export { planPush, pushCurrentBranch, parseProgressLine } from './push';
export type { PushPlan, PushResult, PushProgress } from './push';
export { listWorkTreeFiles, readCommittedFile, parseNulList } from './files';
export { fileHistory, parseFileLog, MAX_FILE_COMMITS } from './log';
export type { FileCommit } from './log';
export { showFileAt } from './show';
export { fetchUpstream } from './fetch';
export type { FetchResult } from './fetch';
export {
  resolveCommit,
  mergeBase,
  commitsBetween,
  countCommits,
  divergence,
  changesOf,
  changesOfEach,
  changedPaths,
  treeEntries,
  parseCommitList,
  parseRawDiff,
  parseLsTree,
} from './revisions';
export type { CommitInfo, Divergence, FileChange, TreeEntry } from './revisions';
export { readBlob, writeBlob, treeWithChanges, commitTree, mergedTree } from './objects';
export type { TreeChange } from './objects';
export { readRef, commitTreeId, indexTreeId, cachedRootTree } from './git-folder';
export { repositoryState, gitDirOf, gitProcessRunning, inProgressFrom } from './repo-state';
export type { RepositoryState, InProgress } from './repo-state';
export { hasHook, asHookFailure, hookOutput } from './hooks';
export { workTreeChanges, parsePorcelainChanges } from './work-tree';
export type { WorkTreeChange } from './work-tree';
export { moveBranchKeepingChanges, blockedFiles, currentBranchName } from './move-branch';
export { rebaseOnto, unmergedPaths, abortRebase } from './rebase';
export { linkUpstream, chooseRemote } from './upstream';
export type { LinkedUpstream } from './upstream';
