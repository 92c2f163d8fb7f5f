/** Focus of a working group (Arbeitszirkel). */
export enum WorkingGroupFocus {
  TECHNICAL = 'TECHNICAL',
  FUNCTIONAL = 'FUNCTIONAL',
  STRATEGIC = 'STRATEGIC',
}

/** What a shared project produces. */
export enum ProjectKind {
  ONLINE_SERVICE = 'ONLINE_SERVICE',
  STANDARD = 'STANDARD',
  PLATFORM = 'PLATFORM',
  CONCEPT = 'CONCEPT',
  POSITION_PAPER = 'POSITION_PAPER',
  MARKETING = 'MARKETING',
}

/** Life-cycle phase of a shared project, in order. */
export enum ProjectPhase {
  IDEA = 'IDEA',
  PLANNED = 'PLANNED',
  IN_DEVELOPMENT = 'IN_DEVELOPMENT',
  PILOT = 'PILOT',
  LIVE = 'LIVE',
  RETIRED = 'RETIRED',
}

/** Traffic-light health of a project: GREEN on track, AMBER at risk, RED off track. */
export enum ProjectHealth {
  GREEN = 'GREEN',
  AMBER = 'AMBER',
  RED = 'RED',
}

/** Stage of a city's adoption (Nachnutzung) of a shared service, in order. */
export enum AdoptionStage {
  NOT_PLANNED = 'NOT_PLANNED',
  EVALUATING = 'EVALUATING',
  PLANNED = 'PLANNED',
  IN_ROLLOUT = 'IN_ROLLOUT',
  LIVE = 'LIVE',
  DISCONTINUED = 'DISCONTINUED',
}

/** How a city came to run a service. */
export enum AdoptionSource {
  OWN_BUILD = 'OWN_BUILD',
  REUSED_FROM_PARTNER = 'REUSED_FROM_PARTNER',
  EFA_SUBSCRIPTION = 'EFA_SUBSCRIPTION',
}

/** Administrative kind of a Bavarian municipality. */
export const CITY_KINDS = ['kreisfreie Stadt', 'Große Kreisstadt', 'Gemeinde'] as const;
export type CityKind = (typeof CITY_KINDS)[number];

/** The seven Bavarian administrative districts (Regierungsbezirke). */
export const DISTRICTS = [
  'Oberbayern',
  'Niederbayern',
  'Oberpfalz',
  'Oberfranken',
  'Mittelfranken',
  'Unterfranken',
  'Schwaben',
] as const;
export type District = (typeof DISTRICTS)[number];

/** Phases in which a project counts as active (neither an idea nor retired). */
export const ACTIVE_PHASES: readonly ProjectPhase[] = [
  ProjectPhase.PLANNED,
  ProjectPhase.IN_DEVELOPMENT,
  ProjectPhase.PILOT,
  ProjectPhase.LIVE,
];

/** Roles of an account; CDO, lead and editor grants are scoped to a city or working group. */
export enum Role {
  ADMIN = 'ADMIN',
  CDO = 'CDO',
  WORKING_GROUP_LEAD = 'WORKING_GROUP_LEAD',
  CITY_EDITOR = 'CITY_EDITOR',
  VIEWER = 'VIEWER',
}

/** The scope each role needs: a city, a working group, or none. */
export const ROLE_SCOPES: Record<Role, 'city' | 'workingGroup' | 'none'> = {
  [Role.ADMIN]: 'none',
  [Role.CDO]: 'city',
  [Role.WORKING_GROUP_LEAD]: 'workingGroup',
  [Role.CITY_EDITOR]: 'city',
  [Role.VIEWER]: 'none',
};

/** What a reusable solution of the cooperation is (PRODUCT.md §5.4). */
export enum SolutionKind {
  ONLINE_SERVICE = 'ONLINE_SERVICE',
  STANDARD = 'STANDARD',
  COMPONENT = 'COMPONENT',
  INTERFACE = 'INTERFACE',
  CONCEPT = 'CONCEPT',
  POSITION_PAPER = 'POSITION_PAPER',
  MARKETING_MATERIAL = 'MARKETING_MATERIAL',
}

/** Whether a solution can be taken over now. */
export enum SolutionStatus {
  IN_DEVELOPMENT = 'IN_DEVELOPMENT',
  AVAILABLE = 'AVAILABLE',
  DEPRECATED = 'DEPRECATED',
}
