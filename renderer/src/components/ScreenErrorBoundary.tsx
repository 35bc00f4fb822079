import { Component, createRef, type ReactNode } from 'react';
import { t } from '../../../shared/i18n';

interface Props {
  children: ReactNode;
  /** The route: when it changes, a failure shown is cleared (the screens below are not remounted for it). */
  resetKey: string;
  /** Called before the screen is tried again (Reintentar, or another route). */
  onRetry(): void;
}

interface State {
  error: unknown;
}

/**
 * A screen that fails to render (its chunk did not arrive: the app served over a venue's network
 * that dropped, say) shows why and a way to try again, in place of the screen only: the header,
 * the navigation and what other windows hold stay as they are. Moving to another screen clears it.
 */
export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };
  private readonly title = createRef<HTMLHeadingElement>();

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidUpdate(previous: Props, previousState: State): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null) this.retry();
    // As a screen's title takes the focus when it opens (ScreenTitle): a screen reader reads why.
    else if (previousState.error === null && this.state.error !== null) this.title.current?.focus();
  }

  // The browser's own reason (in English, about a script's address) is for whoever supports the app.
  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  private retry(): void {
    this.props.onRetry();
    this.setState({ error: null });
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <section aria-labelledby="screen-error-title">
        <h1 id="screen-error-title" ref={this.title} tabIndex={-1}>
          {t('common.screenFailed')}
        </h1>
        <p>{t('common.screenFailedHelp')}</p>
        <button type="button" onClick={() => this.retry()}>
          {t('common.retry')}
        </button>
      </section>
    );
  }
}
