import { registerEnumType } from '@nestjs/graphql';
import {
  AdoptionSource,
  AdoptionWarningCode,
  AdoptionStage,
  ProjectHealth,
  ProjectKind,
  ProjectPhase,
  Role,
  WorkingGroupFocus,
} from '@koop/domain';

registerEnumType(WorkingGroupFocus, { name: 'WorkingGroupFocus' });
registerEnumType(ProjectKind, { name: 'ProjectKind' });
registerEnumType(ProjectPhase, { name: 'ProjectPhase' });
registerEnumType(ProjectHealth, { name: 'ProjectHealth' });
registerEnumType(AdoptionStage, { name: 'AdoptionStage' });
registerEnumType(AdoptionSource, { name: 'AdoptionSource' });
registerEnumType(Role, { name: 'Role' });
registerEnumType(AdoptionWarningCode, { name: 'AdoptionWarningCode' });
