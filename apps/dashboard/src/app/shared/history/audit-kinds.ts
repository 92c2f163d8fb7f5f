/** The kinds of row the audit log knows, as the API names them. */
export const AUDIT_ENTITIES: readonly string[] = [
  'Project',
  'Milestone',
  'Adoption',
  'Satisfaction',
  'Solution',
  'Reuse',
  'KnowledgeEntry',
  'WorkingGroup',
  'City',
  'Cooperation',
  'Membership',
  'Account',
];

/** The operations that write audit entries, as the API names them, grouped by the rows they change. */
export const AUDIT_OPERATIONS: readonly string[] = [
  'createProject',
  'updateProject',
  'postStatusUpdate',
  'addMilestone',
  'updateMilestone',
  'recordAdoption',
  'recordSatisfaction',
  'createSolution',
  'updateSolution',
  'recordReuse',
  'createKnowledgeEntry',
  'updateKnowledgeEntry',
  'createWorkingGroup',
  'updateWorkingGroup',
  'createCity',
  'createCooperation',
  'addMembership',
  'createAccount',
  'setAccountRoles',
  'setAccountDisabled',
  'changePassword',
  'createAccountFromOidc',
  'linkOidcIdentity',
  'setAccountRolesFromOidc',
  'importSatisfaction',
  'importAdoptions',
];

/** Fields whose values are enum values, and the group of `enum.*` texts that names them. */
export const ENUM_FIELDS: Readonly<Record<string, string>> = {
  phase: 'phase',
  health: 'health',
  kind: 'kind',
  stage: 'stage',
  source: 'source',
  focus: 'focus',
  warnings: 'warning',
};
