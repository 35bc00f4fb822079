import { useContractMutation } from '../../lib/contract-mutation';
import { encuentroKeys } from './queries';

const ALL = [encuentroKeys.all] as const;

export const useCreateEncuentro = () => useContractMutation('encuentro.create', ALL);
export const useUpdateEncuentro = () => useContractMutation('encuentro.update', ALL);
export const useEnsureDemo = () => useContractMutation('encuentro.ensureDemo', ALL);

export const useCreateEje = () => useContractMutation('encuentro.ejes.create', ALL);
export const useUpdateEje = () => useContractMutation('encuentro.ejes.update', ALL);
export const useDeleteEje = () => useContractMutation('encuentro.ejes.delete', ALL);

export const useAddPracticeFromEntry = () => useContractMutation('encuentro.practices.addFromEntry', ALL);
export const useCreatePractice = () => useContractMutation('encuentro.practices.create', ALL);
export const useUpdatePractice = () => useContractMutation('encuentro.practices.update', ALL);
export const useDeletePractice = () => useContractMutation('encuentro.practices.delete', ALL);
export const useReorderPractices = () => useContractMutation('encuentro.practices.reorder', ALL);

export const useCreatePanel = () => useContractMutation('encuentro.panels.create', ALL);
export const useUpdatePanel = () => useContractMutation('encuentro.panels.update', ALL);
export const useDeletePanel = () => useContractMutation('encuentro.panels.delete', ALL);

export const useCreateSala = () => useContractMutation('encuentro.salas.create', ALL);
export const useUpdateSala = () => useContractMutation('encuentro.salas.update', ALL);
export const useDeleteSala = () => useContractMutation('encuentro.salas.delete', ALL);

export const usePromote = () => useContractMutation('encuentro.synthesis.promote', ALL);
export const useMerge = () => useContractMutation('encuentro.synthesis.merge', ALL);
export const useCreateSynthesisItem = () => useContractMutation('encuentro.synthesis.createItem', ALL);
export const useMoveSynthesisItem = () => useContractMutation('encuentro.synthesis.moveItem', ALL);
export const useSetSynthesisSources = () => useContractMutation('encuentro.synthesis.setSources', ALL);
export const useReorderSynthesis = () => useContractMutation('encuentro.synthesis.reorder', ALL);
export const useDeleteSynthesisItem = () => useContractMutation('encuentro.synthesis.deleteItem', ALL);
export const useRestoreSynthesisItem = () => useContractMutation('encuentro.synthesis.restoreItem', ALL);
export const useSetSynthesisStatus = () => useContractMutation('encuentro.synthesis.setStatus', ALL);

export const useCreateSummaryItem = () => useContractMutation('encuentro.summary.createItem', ALL);
export const useReorderSummary = () => useContractMutation('encuentro.summary.reorder', ALL);
export const useDeleteSummaryItem = () => useContractMutation('encuentro.summary.deleteItem', ALL);
export const useRestoreSummaryItem = () => useContractMutation('encuentro.summary.restoreItem', ALL);

export const useRegisterAttendee = () => useContractMutation('encuentro.attendance.register', ALL);
export const useCheckIn = () => useContractMutation('encuentro.attendance.checkIn', ALL);
export const useUndoCheckIn = () => useContractMutation('encuentro.attendance.undoCheckIn', ALL);
export const useImportAttendance = () => useContractMutation('encuentro.attendance.import', ALL);
