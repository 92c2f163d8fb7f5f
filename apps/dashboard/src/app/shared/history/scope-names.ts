import type { ScopeNamesQuery } from '../../graphql/generated/graphql';

/** A working group with the cooperation it belongs to, for choosing one. */
export interface WorkingGroupOption {
  readonly id: string;
  readonly name: string;
  readonly cooperation: string;
}

/** The cities and working groups that role scopes and audit values name by id. */
export interface ScopeNames {
  readonly cities: readonly { readonly id: string; readonly name: string }[];
  readonly workingGroups: readonly WorkingGroupOption[];
  cityName(id: string): string | undefined;
  workingGroupName(id: string): string | undefined;
  cooperationName(id: string): string | undefined;
}

export const NO_NAMES: ScopeNames = {
  cities: [],
  workingGroups: [],
  cityName: () => undefined,
  workingGroupName: () => undefined,
  cooperationName: () => undefined,
};

/** The names of a ScopeNames answer; cities come by name from the API, working groups by cooperation. */
export function scopeNames(data: ScopeNamesQuery | undefined): ScopeNames {
  if (!data) return NO_NAMES;
  const workingGroups = data.cooperations.flatMap((cooperation) =>
    cooperation.workingGroups.map((group) => ({ ...group, cooperation: cooperation.shortName })),
  );
  const cities = new Map(data.cities.map((city) => [city.id, city.name]));
  const groups = new Map(workingGroups.map((group) => [group.id, group.name]));
  const cooperations = new Map(data.cooperations.map((cooperation) => [cooperation.id, cooperation.name]));
  return {
    cities: data.cities,
    workingGroups,
    cityName: (id) => cities.get(id),
    workingGroupName: (id) => groups.get(id),
    cooperationName: (id) => cooperations.get(id),
  };
}
