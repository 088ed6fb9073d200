/**
 * Catches an error thrown while a screen renders and shows `fallback` instead of a blank page.
 * It knows nothing of the app: the caller says what to offer (a way back, a reload).
 *
 * It logs nothing anywhere: React itself reports the error to the browser console, and nothing
 * leaves the machine. It never touches saved data, so whatever the user had is still there.
 */
import { Component, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  children?: ReactNode;
  /**
   * When this changes (e.g. the location), a caught error is forgotten and the children render
   * again. Children are not remounted while nothing has gone wrong.
   */
  resetKey?: unknown;
  /** What to show instead of the children; `reset` renders the children again. */
  fallback: (error: Error, reset: () => void) => ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/** Anything thrown, as an Error (a thrown string or object keeps its text). */
export function asError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  let text: string;
  try {
    text = typeof thrown === 'string' ? thrown : JSON.stringify(thrown);
  } catch {
    text = String(thrown);
  }
  return new Error(text || 'Unknown error');
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(thrown: unknown): ErrorBoundaryState {
    return { error: asError(thrown) };
  }

  override componentDidUpdate(previous: ErrorBoundaryProps) {
    if (this.state.error && !Object.is(previous.resetKey, this.props.resetKey)) this.reset();
  }

  reset = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    return error ? this.props.fallback(error, this.reset) : this.props.children;
  }
}
