import { useContractMutation } from '../../lib/contract-mutation';

/** Jury changes can move anything the jury screens show: loads, conflicts, worklists, results. */
const JURY = [['jury'], ['scoring'], ['scoringGrid'], ['results']] as const;

export const useUpdateJurySettings = () => useContractMutation('jury.settings.update', JURY);
export const useCreateJuror = () => useContractMutation('jurors.create', JURY);
export const useUpdateJuror = () => useContractMutation('jurors.update', JURY);
export const useDeleteJuror = () => useContractMutation('jurors.delete', JURY);
export const useWithdrawJuror = () => useContractMutation('jurors.withdraw', JURY);
export const useReinstateJuror = () => useContractMutation('jurors.reinstate', JURY);
export const useSavePanel = () => useContractMutation('panels.save', JURY);
export const useDeletePanel = () => useContractMutation('panels.delete', JURY);
export const useDeclareConflict = () => useContractMutation('conflicts.declare', JURY);
export const useDismissConflict = () => useContractMutation('conflicts.dismiss', JURY);
export const useReinstateConflict = () => useContractMutation('conflicts.reinstate', JURY);
export const useAddAssignment = () => useContractMutation('assignments.add', JURY);
export const useRemoveAssignment = () => useContractMutation('assignments.remove', JURY);
export const useAutoAssign = () => useContractMutation('assignments.auto', JURY);
export const useSetSheetComment = () => useContractMutation('sheets.setComment', [['scoring']]);
export const useAbstain = () => useContractMutation('sheets.abstain', JURY);
export const useClearAbstention = () => useContractMutation('sheets.clearAbstention', JURY);
export const useSubmitSheet = () => useContractMutation('sheets.submit', JURY);
export const useReopenSheet = () => useContractMutation('sheets.reopen', JURY);
export const useCloseStage = () => useContractMutation('juryStages.close', JURY);
export const useReopenStage = () => useContractMutation('juryStages.reopen', JURY);
export const useApplyWorkbook = () => useContractMutation('juryWorkbooks.apply', JURY);
