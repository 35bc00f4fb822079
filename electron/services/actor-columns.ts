import { recordedActor, type RecordedActor } from '../../shared/domain/recorded-actor';
import { currentActor } from './actor';

/** The caller of the current service call, ready to store in (device id, name, role) columns. */
export function actorNow(): RecordedActor {
  return recordedActor(currentActor());
}

export function actorValues(actor: RecordedActor = actorNow()): [number | null, string | null, string] {
  return [actor.deviceId, actor.name, actor.role];
}
