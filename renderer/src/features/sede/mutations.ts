import { useContractMutation } from '../../lib/contract-mutation';

export const useStartSede = () => useContractMutation('sede.start');
export const useStopSede = () => useContractMutation('sede.stop');
export const useCreateInvitation = () => useContractMutation('sede.invitations.create');
export const useCancelInvitation = () => useContractMutation('sede.invitations.cancel');
export const useRevokeDevice = () => useContractMutation('sede.devices.revoke');
