import type { ReactNode } from 'react';
import { t } from '../../../../../shared/i18n';
import { errorText } from '../../../lib/errors';
import type { PageTurner } from './usePaging';

/**
 * The projector's fixed frame: a header (with the page indicator, where a slide's number is), the
 * content, and a footer (what is shown, the keys); their heights never change with the page, so
 * turning pages moves nothing but the content.
 */
export function ProjectorFrame({ title, subtitle, children, footer, turner, keys }: { title: string; subtitle: string; children: ReactNode; footer?: ReactNode; turner?: PageTurner; keys?: string }) {
  return (
    <main className="projector">
      <header className="projector-header">
        <div className="projector-title-row">
          <h1>{title}</h1>
          {turner && turner.total > 1 ? (
            <p className="projector-page-indicator" data-testid="projector-page" data-paused={turner.paused ? 'true' : undefined}>
              {t('encuentroUi.projector.page', { page: turner.page + 1, total: turner.total })}
              {turner.paused ? ` · ${t('encuentroUi.projector.paused')}` : ''}
            </p>
          ) : null}
        </div>
        <p>{subtitle}</p>
      </header>
      {children}
      <footer className="projector-footer">
        <div className="projector-footer-row">{footer}</div>
        {keys ? <p className="projector-keys">{keys}</p> : null}
      </footer>
    </main>
  );
}

/**
 * The frame shown instead of the content while it is first read, or when it could never be read.
 * (A failed refresh is not such a case: the views keep what they last showed.)
 */
export function ProjectorPlaceholder({ pending, error }: { pending: boolean; error: unknown }) {
  return pending ? (
    <ProjectorFrame title={t('common.loading')} subtitle="">
      {null}
    </ProjectorFrame>
  ) : (
    <ProjectorFrame title={t('encuentroUi.projector.invalid')} subtitle={errorText(error)}>
      {null}
    </ProjectorFrame>
  );
}
