import { Component, type ErrorInfo, type ReactNode } from 'react';
import { PageCrashed } from './PageCrashed';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** React still needs a class to catch render errors; this one only swaps in PageCrashed. */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? <PageCrashed error={this.state.error} /> : this.props.children;
  }
}
