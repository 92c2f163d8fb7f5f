import { accountsEntities } from './accounts/index.js';
import { adoptionsEntities } from './adoptions/index.js';
import { auditEntities } from './audit/index.js';
import { authEntities } from './auth/index.js';
import { citiesEntities } from './cities/index.js';
import { cooperationsEntities } from './cooperations/index.js';
import { figuresEntities } from './figures/index.js';
import { knowledgeEntities } from './knowledge/index.js';
import { meetingsEntities } from './meetings/index.js';
import { projectsEntities } from './projects/index.js';
import { referenceEntities } from './reference/index.js';
import { satisfactionEntities } from './satisfaction/index.js';
import { solutionsEntities } from './solutions/index.js';
import { workingGroupsEntities } from './working-groups/index.js';

/**
 * Every table of the application, assembled from the lists the features export. It lives in the
 * composition root, not in database/, because it depends on every feature and every feature depends on
 * the database layer. The order is kept as it was; migrations, not this list, make the schema.
 */
export const ENTITIES = [
  ...referenceEntities,
  ...citiesEntities,
  ...cooperationsEntities,
  ...workingGroupsEntities,
  ...projectsEntities,
  ...adoptionsEntities,
  ...satisfactionEntities,
  ...accountsEntities,
  ...authEntities,
  ...auditEntities,
  ...figuresEntities,
  ...meetingsEntities,
  ...solutionsEntities,
  ...knowledgeEntities,
];
