import type { EncuentroDetail } from '../../../../../shared/domain/encuentro-types';
import { t } from '../../../../../shared/i18n';
import { QueryStatus } from '../../../components/QueryStatus';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { SelectField } from '../../../components/fields';
import { ProjectorButton } from '../projector/ProjectorButton';
import { useEncuentro } from '../queries';
import { goTo } from '../routes';
import { EncuentroBreadcrumb } from '../EncuentroBreadcrumb';
import { EncuentroTabs } from '../EncuentroTabs';
import { captureStore } from './capture-stores';
import { CaptureMatrix } from './CaptureMatrix';
import { visibleSalas } from '../../sede/device-routes';
import { useDeviceScope } from '../../sede/device-scope';

/** The moderator's screen: a sala, a practice, and the report's four blocks to fill from the keyboard. */
export function CaptureScreen({ encuentroId, salaId, practiceId }: { encuentroId: number; salaId: number | null; practiceId: number | null }) {
  const encuentro = useEncuentro(encuentroId);
  return (
    <QueryStatus query={encuentro}>{(detail) => <CapturePicker detail={detail} salaId={salaId} practiceId={practiceId} />}</QueryStatus>
  );
}

function CapturePicker({ detail, salaId, practiceId }: { detail: EncuentroDetail; salaId: number | null; practiceId: number | null }) {
  const scope = useDeviceScope();
  const salas = visibleSalas(scope, detail.salas);
  const sala = salas.find((s) => s.id === salaId) ?? null;
  const practices = sala ? detail.practices.filter((p) => sala.practiceIds.includes(p.id)) : [];
  const practice = practices.find((p) => p.id === practiceId) ?? null;
  const to = (nextSala: number | null, nextPractice: number | null) => goTo({ page: 'capture', encuentroId: detail.id, salaId: nextSala, practiceId: nextPractice });

  return (
    <section className="encuentro-screen">
      <EncuentroBreadcrumb encuentroId={detail.id} name={detail.name} />
      <ScreenTitle actions={practice && scope === null ? <ProjectorButton target={{ view: 'practice', practiceId: practice.id, salaId: sala?.id ?? null }} /> : undefined}>
        {t('encuentroUi.capture.title')}
      </ScreenTitle>
      <EncuentroTabs encuentroId={detail.id} current="capture" />
      <div className="capture-pickers">
        <SelectField label={t('encuentroUi.capture.sala')} value={sala?.id ?? ''} onChange={(e) => to(e.target.value ? Number(e.target.value) : null, null)}>
          <option value="">{t('encuentroUi.capture.chooseSala')}</option>
          {salas.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('encuentroUi.capture.practice')}
          value={practice?.id ?? ''}
          disabled={!sala}
          onChange={(e) => to(sala?.id ?? null, e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">{t('encuentroUi.capture.choosePractice')}</option>
          {practices.map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.igedName} — ${p.title}`}
            </option>
          ))}
        </SelectField>
      </div>
      {detail.salas.length === 0 && <p className="empty">{t('encuentroUi.capture.noSalas')}</p>}
      {sala && practice ? (
        <CaptureMatrix key={`${sala.id}:${practice.id}`} store={captureStore(practice.id, sala.id)} title={`${practice.igedName} — ${practice.title}`} />
      ) : (
        sala && <p className="empty">{t('encuentroUi.capture.pickPractice')}</p>
      )}
    </section>
  );
}
