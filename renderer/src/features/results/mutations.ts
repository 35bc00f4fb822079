import { useContractMutation } from '../../lib/contract-mutation';

export const useRecordTieDecision = () => useContractMutation('results.recordTieDecision', [['results'], ['jury']]);
export const useRevokeTieDecision = () => useContractMutation('results.revokeTieDecision', [['results'], ['jury']]);
