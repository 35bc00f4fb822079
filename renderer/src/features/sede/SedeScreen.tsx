import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Device, Invitation, NetworkInterfaceInfo, SedeStatus } from '../../../../shared/contract/sede';
import { formatDateTime, t, type MessageKey } from '../../../../shared/i18n';
import { useAnnounce } from '../../app/announcer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FilePicker } from '../../components/FilePicker';
import { FormFooter } from '../../components/FormFooter';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenTitle } from '../../components/ScreenTitle';
import { InputField, SelectField } from '../../components/fields';
import { errorText, placeServerError } from '../../lib/errors';
import { InviteDialog, svgDataUrl } from './InviteDialog';
import { roleLabel } from './labels';
import { useCancelInvitation, useRevokeDevice, useStartSede, useStopSede } from './mutations';
import { useDevices, useInvitations, useNetworkInterfaces, useSedeStatus } from './queries';
import './sede.css';

/**
 * «Modo sede», the organizer's side: open the venue network on one interface, invite each
 * person or device with a code, see the devices and revoke one at once. Refreshed live by every
 * write of the 'sede' area (data-areas), whoever made it.
 */
export function SedeScreen() {
  const status = useSedeStatus();
  return (
    <section className="sede-screen">
      <ScreenTitle>{t('sedeUi.title')}</ScreenTitle>
      <p className="lead">{t('sedeUi.intro')}</p>
      <QueryStatus query={status}>{(data) => <VenueSection status={data} />}</QueryStatus>
      <InvitationsSection />
      <DevicesSection />
    </section>
  );
}

function VenueSection({ status }: { status: SedeStatus }) {
  const [confirmStop, setConfirmStop] = useState(false);
  const stop = useStopSede();
  const announce = useAnnounce();
  if (!status.on)
    return (
      <section className="panel" aria-labelledby="sede-state-heading">
        <h2 id="sede-state-heading">{t('sedeUi.state.off')}</h2>
        <p>{t('sedeUi.state.offHelp')}</p>
        <StartForm />
      </section>
    );
  return (
    <section className="panel sede-on" aria-labelledby="sede-state-heading">
      <h2 id="sede-state-heading">{t('sedeUi.state.on')}</h2>
      <p>{t('sedeUi.state.onHelp')}</p>
      {status.url && (
        <p className="sede-address" data-testid="sede-address">
          {status.url}
        </p>
      )}
      {status.qrSvg && status.url && <img className="invitation-qr" src={svgDataUrl(status.qrSvg)} alt={t('sedeUi.state.qrAlt', { url: status.url })} />}
      <dl className="facts">
        <div>
          <dt>{t('sedeUi.state.listening')}</dt>
          <dd>{`${status.address ?? ''}:${status.port ?? ''}`}</dd>
        </div>
        <div>
          <dt>{t('sedeUi.state.https')}</dt>
          <dd>{status.https ? t('sedeUi.state.httpsYes') : t('sedeUi.state.httpsNo')}</dd>
        </div>
        <div>
          <dt>{t('sedeUi.state.devices')}</dt>
          <dd>{t('sedeUi.state.deviceCount', { count: status.devices })}</dd>
        </div>
      </dl>
      {!status.https && <p className="notice small">{t('sedeUi.state.plainWarning')}</p>}
      <div className="form-actions start">
        <button type="button" className="danger" onClick={() => setConfirmStop(true)}>
          {t('sedeUi.stop')}
        </button>
      </div>
      {confirmStop && (
        <ConfirmDialog
          title={t('sedeUi.stopTitle')}
          confirmLabel={t('sedeUi.stop')}
          danger
          onClose={() => setConfirmStop(false)}
          onConfirm={async () => {
            await stop.mutateAsync({});
            announce(t('sedeUi.stopped'));
          }}
        >
          <p>{t('sedeUi.stopConfirm', { count: status.devices })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

const startForm = z.object({
  address: z.string().min(1, t('sedeUi.start.addressRequired')),
  port: z.string().refine((value) => value.trim() === '' || (/^\d+$/.test(value.trim()) && Number(value) >= 1024 && Number(value) <= 65535), t('sedeUi.start.portInvalid')),
});
type StartValues = z.infer<typeof startForm>;

/** A PEM file picked for HTTPS: its name (to show) and its text (sent to the hub). */
interface PemFile {
  name: string;
  text: string;
}

function StartForm() {
  const interfaces = useNetworkInterfaces();
  const start = useStartSede();
  const announce = useAnnounce();
  const [cert, setCert] = useState<PemFile | null>(null);
  const [key, setKey] = useState<PemFile | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<StartValues>({ resolver: zodResolver(startForm), defaultValues: { address: '', port: '' } });
  const pick = (set: (file: PemFile) => void) => (file: File) => void file.text().then((text) => set({ name: file.name, text }));
  const onSubmit = async (values: StartValues) => {
    setFormError(null);
    if ((cert === null) !== (key === null)) {
      setFormError(t('sedeUi.start.tlsBoth'));
      return;
    }
    try {
      await start.mutateAsync({
        address: values.address,
        ...(values.port.trim() ? { port: Number(values.port) } : {}),
        ...(cert && key ? { tls: { certPem: cert.text, keyPem: key.text } } : {}),
      });
      announce(t('sedeUi.started'));
    } catch (error) {
      if (!placeServerError(error, setError)) setFormError(errorText(error));
    }
  };
  return (
    <form className="form sede-start" onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate>
      <QueryStatus query={interfaces}>
        {(list) => (
          <SelectField label={t('sedeUi.start.interface')} hint={t('sedeUi.start.interfaceHint')} required error={errors.address?.message} {...register('address')}>
            <option value="">{t('sedeUi.start.chooseInterface')}</option>
            {list.map((item) => (
              <option key={`${item.name}|${item.address}`} value={item.address}>
                {interfaceLabel(item)}
              </option>
            ))}
          </SelectField>
        )}
      </QueryStatus>
      <InputField label={t('sedeUi.start.port')} hint={t('sedeUi.start.portHint')} inputMode="numeric" error={errors.port?.message} {...register('port')} />
      <fieldset className="plain-fieldset">
        <legend>{t('sedeUi.start.tls')}</legend>
        <p className="field-hint">{t('sedeUi.start.tlsHint')}</p>
        <FilePicker label={t('sedeUi.start.cert')} hint={cert ? t('sedeUi.start.picked', { name: cert.name }) : t('sedeUi.start.certHint')} accept=".pem,.crt,.cer" onFile={pick(setCert)} />
        <FilePicker label={t('sedeUi.start.key')} hint={key ? t('sedeUi.start.picked', { name: key.name }) : t('sedeUi.start.keyHint')} accept=".pem,.key" onFile={pick(setKey)} />
        {(cert || key) && (
          <button
            type="button"
            onClick={() => {
              setCert(null);
              setKey(null);
            }}
          >
            {t('sedeUi.start.clearTls')}
          </button>
        )}
      </fieldset>
      <FormFooter error={formError} confirmLabel={t('sedeUi.start.submit')} pending={isSubmitting} pendingLabel={t('common.working')} align="start" />
    </form>
  );
}

function interfaceLabel(item: NetworkInterfaceInfo): string {
  return t(item.internal ? 'sedeUi.start.interfaceInternal' : 'sedeUi.start.interfaceOption', { name: item.name, address: item.address });
}

/** An invitation still to be used: not used, not cancelled, not expired. */
export function isPending(invitation: Invitation, now: number): boolean {
  return invitation.usedAt === null && invitation.cancelledAt === null && Date.parse(invitation.expiresAt) > now;
}

function InvitationsSection() {
  const invitations = useInvitations();
  const cancel = useCancelInvitation();
  const announce = useAnnounce();
  const [inviting, setInviting] = useState(false);
  return (
    <section className="panel" aria-labelledby="sede-invitations-heading">
      <div className="panel-header">
        <h2 id="sede-invitations-heading">{t('sedeUi.invitations.title')}</h2>
        <button type="button" className="primary" onClick={() => setInviting(true)}>
          {t('sedeUi.invite.open')}
        </button>
      </div>
      <QueryStatus query={invitations}>
        {(list) => {
          const pending = list.filter((invitation) => isPending(invitation, Date.now()));
          if (pending.length === 0) return <p className="empty">{t('sedeUi.invitations.empty')}</p>;
          return (
            <SedeTable caption={t('sedeUi.invitations.caption')} columns={['sedeUi.col.expires']}>
              {pending.map((invitation) => (
                <tr key={invitation.id}>
                  <IdentityCells of={invitation} />
                  <td>{formatDateTime(invitation.expiresAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="danger-link"
                      disabled={cancel.isPending}
                      aria-label={t('sedeUi.invitations.cancelNamed', { name: invitation.name })}
                      onClick={() =>
                        cancel.mutate(
                          { id: invitation.id },
                          {
                            onSuccess: () => announce(t('sedeUi.invitations.cancelled', { name: invitation.name })),
                            onError: (error) => announce(errorText(error), 'error'),
                          },
                        )
                      }
                    >
                      {t('sedeUi.invitations.cancel')}
                    </button>
                  </td>
                </tr>
              ))}
            </SedeTable>
          );
        }}
      </QueryStatus>
      {inviting && <InviteDialog onClose={() => setInviting(false)} />}
    </section>
  );
}

function DevicesSection() {
  const devices = useDevices();
  const [revoking, setRevoking] = useState<Device | null>(null);
  const revoke = useRevokeDevice();
  const announce = useAnnounce();
  return (
    <section className="panel" aria-labelledby="sede-devices-heading">
      <h2 id="sede-devices-heading">{t('sedeUi.devices.title')}</h2>
      <QueryStatus query={devices}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('sedeUi.devices.empty')}</p>
          ) : (
            <SedeTable caption={t('sedeUi.devices.caption')} columns={['sedeUi.col.address', 'sedeUi.col.lastSeen', 'sedeUi.col.connected']}>
              {list.map((device) => (
                <tr key={device.id} className={device.revokedAt ? 'muted' : undefined}>
                  <IdentityCells of={device} />
                  <td className="nowrap">{device.address ?? '—'}</td>
                  <td className="nowrap">{device.lastSeenAt ? formatDateTime(device.lastSeenAt) : t('sedeUi.devices.neverSeen')}</td>
                  <td>{device.revokedAt ? t('sedeUi.devices.revokedAt', { when: formatDateTime(device.revokedAt) }) : device.connected ? t('sedeUi.devices.connected') : t('sedeUi.devices.notConnected')}</td>
                  <td>
                    {!device.revokedAt && (
                      <button type="button" className="danger-link" aria-label={t('sedeUi.devices.revokeNamed', { name: device.name })} onClick={() => setRevoking(device)}>
                        {t('sedeUi.devices.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </SedeTable>
          )
        }
      </QueryStatus>
      {revoking && (
        <ConfirmDialog
          title={t('sedeUi.devices.revokeTitle', { name: revoking.name })}
          confirmLabel={t('sedeUi.devices.revoke')}
          danger
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await revoke.mutateAsync({ id: revoking.id });
            announce(t('sedeUi.devices.revoked', { name: revoking.name }));
          }}
        >
          <p>{t('sedeUi.devices.revokeConfirm', { name: revoking.name, scope: revoking.scopeLabel })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** The invitations' and the devices' tables: who, which role, bound to what, then their own columns and the actions. */
function SedeTable({ caption, columns, children }: { caption: string; columns: MessageKey[]; children: ReactNode }) {
  return (
    <table className="data-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {(['sedeUi.col.name', 'sedeUi.col.role', 'sedeUi.col.scope', ...columns] as const).map((column) => (
            <th key={column} scope="col">
              {t(column)}
            </th>
          ))}
          <th scope="col">
            <span className="sr-only">{t('sedeUi.col.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

function IdentityCells({ of }: { of: Pick<Invitation, 'name' | 'scope' | 'scopeLabel'> }) {
  return (
    <>
      <td>{of.name}</td>
      <td>{roleLabel(of.scope.role)}</td>
      <td>{of.scopeLabel}</td>
    </>
  );
}
