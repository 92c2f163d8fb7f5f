// The meetings feature's one door: other features and the registries import from here.
export { ActionItem } from './action-item.entity.js';
export { AgendaItem } from './agenda-item.entity.js';
export { Decision } from './decision.entity.js';
export { DecisionProject } from './decision-project.entity.js';
export { MeetingAttendee } from './meeting-attendee.entity.js';
export { Meeting } from './meeting.entity.js';
export { MeetingsModule } from './meetings.module.js';
export { MeetingsService, mayHoldMeeting } from './meetings.service.js';
