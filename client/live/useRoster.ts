import type { Delegation, Group } from '../../shared/protocol/agenda';
import { fetchGroups, fetchRoster } from '../app/api';
import { useFetched } from './useFetched';

/** The meeting's delegations, fetched once per screen; null until they arrive. */
export const useRoster = (meetingId: string): Delegation[] | null =>
  useFetched(meetingId, fetchRoster);

/** The meeting's groups (contract version 2), fetched once per screen; null until they arrive. */
export const useGroups = (meetingId: string): Group[] | null => useFetched(meetingId, fetchGroups);
