import { t } from '../../../../shared/i18n';

const STEPS = ['pick', 'mapping', 'report', 'done'] as const;
type Step = (typeof STEPS)[number];

/** Where the user is in the import; the current step is marked for screen readers too. */
export function StepIndicator({ current }: { current: Step }) {
  const currentIndex = STEPS.indexOf(current);
  return (
    <ol className="steps" aria-label={t('importScreen.steps')}>
      {STEPS.map((step, index) => (
        <li key={step} className={index === currentIndex ? 'current' : index < currentIndex ? 'done' : undefined} aria-current={index === currentIndex ? 'step' : undefined}>
          <span className="step-number" aria-hidden="true">
            {index + 1}
          </span>
          {t(`importScreen.step.${step}`)}
        </li>
      ))}
    </ol>
  );
}
