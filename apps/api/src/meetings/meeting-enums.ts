import { ActionItemStatus, MeetingKind, MeetingState } from '@koop/domain';
import { registerEnumType } from '@nestjs/graphql';

registerEnumType(MeetingKind, { name: 'MeetingKind' });
registerEnumType(MeetingState, {
  name: 'MeetingState',
  description: 'Only forward: DRAFT → OPEN → IN_PROGRESS → CLOSED; CLOSED is read-only.',
});
registerEnumType(ActionItemStatus, { name: 'ActionItemStatus' });
