import { registerEnumType } from '@nestjs/graphql';
import { SolutionKind, SolutionStatus } from '@koop/domain';

// Registered here, beside the entities that use them, so that the feature stays one unit.
registerEnumType(SolutionKind, { name: 'SolutionKind' });
registerEnumType(SolutionStatus, { name: 'SolutionStatus' });
