import de from '../../../../public/i18n/admin/de.json';
import en from '../../../../public/i18n/admin/en.json';

/** Every field the API's audited rows carry (see the entities under apps/api/src and their audit extras). */
const AUDITED_FIELDS = [
  // every row
  'id',
  // Project, its milestones and status updates
  'workingGroupId',
  'ownerCityId',
  'title',
  'description',
  'kind',
  'phase',
  'health',
  'progress',
  'startDate',
  'targetDate',
  'leikaKey',
  'ozgTopic',
  'isEfa',
  'risks',
  'milestones',
  'statusUpdateId',
  'projectId',
  'dueOn',
  'doneOn',
  // Adoption and satisfaction figures
  'cityId',
  'stage',
  'maturityModel',
  'maturityLevel',
  'liveSince',
  'source',
  'notes',
  'warnings',
  'month',
  'ratingsCount',
  'averageRating',
  'nps',
  'transactionsStarted',
  'transactionsCompleted',
  'visits',
  // City, cooperation, membership, working group
  'name',
  'shortName',
  'ags',
  'population',
  'district',
  'cooperationId',
  'joinedOn',
  'role',
  'focus',
  'leadCityId',
  'leadPerson',
  'memberCityIds',
  // Account
  'username',
  'displayName',
  'mustChangePassword',
  'disabled',
  'createdAt',
  'roles',
  'oidcIdentity',
  // Solution, reuse and knowledge entry
  'status',
  'summary',
  'licence',
  'url',
  'integrationNotes',
  'contact',
  'developedByCityIds',
  'solutionId',
  'since',
  'experience',
  'adoptionId',
  'recordedAt',
  'body',
  'tags',
];

describe('the audit log’s field labels', () => {
  it('name every audited field in German and in English', () => {
    for (const texts of [de, en]) {
      const labels = texts.history.fields as Record<string, string>;
      expect(AUDITED_FIELDS.filter((field) => !labels[field])).toEqual([]);
    }
    expect(Object.keys(en.history.fields).sort()).toEqual(Object.keys(de.history.fields).sort());
  });
});
