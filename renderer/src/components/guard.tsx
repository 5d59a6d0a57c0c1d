/**
 * A React error boundary around one part of the screen: if that part throws while rendering, only
 * it is replaced by a short message with "try again" (and "close" where the part can be closed);
 * the map and every other panel keep working. Nothing breaks in front of a visitor.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface GuardProps {
  /** Which part this is, for the console and the tests (`data-guard`). */
  area: string;
  children: ReactNode;
  /** Closes the part (the card or panel), when it can be closed. */
  onClose?: () => void;
}

interface GuardState {
  error: Error | null;
}

export class Guard extends Component<GuardProps, GuardState> {
  override state: GuardState = { error: null };

  static getDerivedStateFromError(error: Error): GuardState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.area}] ${error.message}`, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <GuardMessage
        area={this.props.area}
        message={this.state.error.message}
        onRetry={() => this.setState({ error: null })}
        {...(this.props.onClose ? { onClose: this.props.onClose } : {})}
      />
    );
  }
}

function GuardMessage({ area, message, onRetry, onClose }: { area: string; message: string; onRetry(): void; onClose?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="guard" role="alert" data-guard={area}>
      <p>{t('guard.failed')}</p>
      <p className="small muted">{message}</p>
      <div className="row-actions">
        <button type="button" onClick={onRetry}>
          {t('guard.retry')}
        </button>
        {onClose && (
          <button type="button" onClick={onClose}>
            {t('guard.close')}
          </button>
        )}
      </div>
    </div>
  );
}
