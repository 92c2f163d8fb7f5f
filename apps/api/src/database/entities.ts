import { Account } from '../accounts/account.entity.js';
import { RoleGrant } from '../accounts/role-grant.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditEntryScope, AuditRowChange } from '../audit/audit-row-change.entity.js';
import { LoginFailure } from '../auth/login-failure.entity.js';
import { Session } from '../auth/session.entity.js';
import { AdoptionChange } from '../adoptions/adoption-change.entity.js';
import { Adoption } from '../adoptions/adoption.entity.js';
import { City } from '../cities/city.entity.js';
import { Cooperation } from '../cooperations/cooperation.entity.js';
import { Membership } from '../cooperations/membership.entity.js';
import { KnowledgeEntry } from '../knowledge/knowledge-entry.entity.js';
import { FigureLiveAdoption, FigureProjectState, FigureSatisfaction } from '../figures/index.js';
import {
  ActionItem,
  AgendaItem,
  Decision,
  DecisionProject,
  Meeting,
  MeetingAttendee,
} from '../meetings/index.js';
import { Milestone } from '../projects/milestone.entity.js';
import { Project } from '../projects/project.entity.js';
import { StatusUpdate } from '../projects/status-update.entity.js';
import { AppSetting } from '../reference/app-setting.entity.js';
import { OzgTopic } from '../reference/ozg-topic.entity.js';
import { Satisfaction } from '../satisfaction/satisfaction.entity.js';
import { Reuse, Solution, SolutionDeveloper } from '../solutions/index.js';
import { WorkingGroupMember } from '../working-groups/working-group-member.entity.js';
import { WorkingGroup } from '../working-groups/working-group.entity.js';

export const ENTITIES = [
  AppSetting,
  OzgTopic,
  City,
  Cooperation,
  Membership,
  WorkingGroup,
  WorkingGroupMember,
  Project,
  Milestone,
  StatusUpdate,
  Adoption,
  AdoptionChange,
  Satisfaction,
  Account,
  RoleGrant,
  Session,
  LoginFailure,
  AuditEntry,
  AuditRowChange,
  AuditEntryScope,
  FigureProjectState,
  FigureLiveAdoption,
  FigureSatisfaction,
  Meeting,
  MeetingAttendee,
  AgendaItem,
  Decision,
  DecisionProject,
  ActionItem,
  Solution,
  SolutionDeveloper,
  Reuse,
  KnowledgeEntry,
];
