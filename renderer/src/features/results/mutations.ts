import { useContractMutation } from '../../lib/contract-mutation';

export const useRecordTieDecision = () => useContractMutation('consolidation.recordTieDecision', [['results'], ['jury']]);
export const useRevokeTieDecision = () => useContractMutation('consolidation.revokeTieDecision', [['results'], ['jury']]);
