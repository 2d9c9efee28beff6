/**
 * Around a part loaded on demand (the editor, a tab, a dialog): if its chunk cannot be fetched, or
 * the part fails to draw, it says so in its place instead of blanking the whole window.
 */
import { Component, type ReactNode } from 'react';
import { toAppError, type AppError } from '../../shared/errors';
import { ErrorNotice } from './ErrorNotice';

/** The boundary's inputs: `what` names the part ("editor", "SEO tab"). */
interface LoadBoundaryProps {
  what: string;
  children: ReactNode;
}

/** Shows an error notice in place of a part that could not load. */
export class LoadBoundary extends Component<LoadBoundaryProps, { error: AppError | null }> {
  override state: { error: AppError | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: AppError } {
    return { error: toAppError(error) };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`Masthead: the ${this.props.what} could not be loaded.`, error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <ErrorNotice
        title={`The ${this.props.what} could not be loaded. Close and reopen the window to try again.`}
        error={error}
      />
    );
  }
}
