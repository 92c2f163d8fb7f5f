// The meetings feature's one door: other features and the registries import from here.
import { ActionItem } from './action-item.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Decision } from './decision.entity.js';
import { DecisionProject } from './decision-project.entity.js';
import { Meeting } from './meeting.entity.js';
import { MeetingAttendee } from './meeting-attendee.entity.js';
export { ActionItem } from './action-item.entity.js';
export { AgendaItem } from './agenda-item.entity.js';
export { DecisionProject } from './decision-project.entity.js';
export { Decision } from './decision.entity.js';
export { MeetingAttendee } from './meeting-attendee.entity.js';
export { Meeting } from './meeting.entity.js';
export { ActionItemFilter } from './dto/meetings.args.js';
export { MeetingsService, mayHoldMeeting } from './meetings.service.js';

/** The meetings feature's tables, for the entity list of the data source (entities.ts). */
export const meetingsEntities = [Meeting, MeetingAttendee, AgendaItem, Decision, DecisionProject, ActionItem];
