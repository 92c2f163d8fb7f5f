import { Role } from '@koop/domain';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  TEST_PASSWORD,
  buildFixture,
  monthsFromNow,
  ok,
  snapshot,
  startTestApp,
  type Fixture,
  type GraphQLClient,
  type GraphQLResponse,
  type TestApp,
} from '../testing/index.js';

/*
 * Every operation × every role × own and other scope, generated from the table below.
 *
 * Each role is one account, scoped to the "own" city (Kempten) or the "own" working group (WG1). Each
 * operation runs on a target in the own scope and one in the other scope (Rosenheim, WG2): a row of that
 * city or working group, or input naming it. Operations whose input names no city or working group
 * (createCity, createCooperation, changePassword, login, logout, most reads) have one scope: "any".
 *
 * Allowed: the operation answers without error; a mutation writes exactly one audit entry naming the
 * account (login and logout, which only open and end sessions, are checked on the session table).
 * Refused: exactly one error, FORBIDDEN (UNAUTHENTICATED without sign-in), and every row of every table as
 * before. Every cell gets fresh, valid input (the ADMIN cell of the same operation and scope shows that
 * it is), so a refusal is the permission and nothing else.
 */

type ActorName = Role | 'ANONYMOUS';
type ScopeKind = 'city' | 'workingGroup' | 'any';
type Scope = 'own' | 'other' | 'any';
/** Where a role may call an operation: on any target, or only in its own city or working group. */
type Grant = 'everywhere' | 'ownScope';
type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';

interface Actor {
  readonly name: ActorName;
  readonly username: string | null;
  accountId: number | null;
  password: string;
  client: GraphQLClient;
}

/** What a cell sends. */
interface Prepared {
  variables: Record<string, unknown>;
  /** Another client of the same actor (logout ends a session of its own). */
  client?: GraphQLClient;
}

type Rows = Record<string, unknown[]>;

interface Operation {
  readonly root: 'Query' | 'Mutation';
  readonly name: string;
  readonly document: string;
  readonly scope: ScopeKind;
  readonly allow: Partial<Record<ActorName, Grant>>;
  prepare(scope: Scope, actor: Actor): Promise<Prepared>;
  /** For an allowed mutation; by default: exactly one new audit entry, naming the account. */
  verify?(actor: Actor, before: Rows, after: Rows, prepared: Prepared): Promise<void>;
}

const SIGNED_IN: Partial<Record<ActorName, Grant>> = {
  [Role.ADMIN]: 'everywhere',
  [Role.CDO]: 'everywhere',
  [Role.WORKING_GROUP_LEAD]: 'everywhere',
  [Role.CITY_EDITOR]: 'everywhere',
  [Role.VIEWER]: 'everywhere',
};
const ANYONE: Partial<Record<ActorName, Grant>> = { ...SIGNED_IN, ANONYMOUS: 'everywhere' };
const ADMIN_ONLY: Partial<Record<ActorName, Grant>> = { [Role.ADMIN]: 'everywhere' };
const LEADS: Partial<Record<ActorName, Grant>> = {
  [Role.ADMIN]: 'everywhere',
  [Role.WORKING_GROUP_LEAD]: 'ownScope',
};
const CITY_EDITORS: Partial<Record<ActorName, Grant>> = {
  [Role.ADMIN]: 'everywhere',
  [Role.CDO]: 'ownScope',
  [Role.CITY_EDITOR]: 'ownScope',
};

const ACTORS: readonly ActorName[] = [
  Role.ADMIN,
  Role.CDO,
  Role.WORKING_GROUP_LEAD,
  Role.CITY_EDITOR,
  Role.VIEWER,
  'ANONYMOUS',
];

function expectedOutcome(operation: Operation, actor: ActorName, scope: Scope): Outcome {
  const grant = operation.allow[actor];
  if (grant === 'everywhere' || (grant === 'ownScope' && scope === 'own')) {
    return 'allowed';
  }
  return actor === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
}

let app: TestApp;
let world: Fixture & {
  ownCity: string;
  otherCity: string;
  ownGroup: string;
  otherGroup: string;
  ownProject: string;
  otherProject: string;
  ownMilestone: string;
  otherMilestone: string;
  ownTarget: string;
  otherTarget: string;
  ownMeeting: string;
  knowledgeEntry: string;
};
const actors = new Map<ActorName, Actor>();
let serial = 0;

/** A number no other cell has used, for unique names, AGS, months. */
const next = () => ++serial;

const cityOf = (scope: Scope) => (scope === 'other' ? world.otherCity : world.ownCity);
const groupOf = (scope: Scope) => (scope === 'other' ? world.otherGroup : world.ownGroup);
const projectOf = (scope: Scope) => (scope === 'other' ? world.otherProject : world.ownProject);

/** Reads as the setup's administrator. */
async function read<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return ok<T>(app, query, variables);
}

async function versionOf(type: 'project' | 'workingGroup', id: string): Promise<number> {
  const data = await read<Record<string, { version: number }>>(
    `query($id: ID!) { ${type}(id: $id) { version } }`,
    { id },
  );
  return data[type].version;
}

async function milestoneVersion(projectId: string, id: string): Promise<number> {
  const { project } = await read<{ project: { milestones: { id: string; version: number }[] } }>(
    'query($id: ID!) { project(id: $id) { milestones { id version } } }',
    { id: projectId },
  );
  const milestone = project.milestones.find((m) => m.id === id);
  if (!milestone) throw new Error(`No milestone ${id} in project ${projectId}`);
  return milestone.version;
}

async function accountOf(id: string): Promise<{ version: number; disabled: boolean }> {
  const { accounts } = await read<{ accounts: { id: string; version: number; disabled: boolean }[] }>(
    '{ accounts { id version disabled } }',
  );
  const account = accounts.find((a) => a.id === id);
  if (!account) throw new Error(`No account ${id}`);
  return account;
}

async function adoptionVersion(projectId: string, cityId: string): Promise<number> {
  const { project } = await read<{ project: { adoptions: { city: { id: string }; version: number }[] } }>(
    'query($id: ID!) { project(id: $id) { adoptions { city { id } version } } }',
    { id: projectId },
  );
  const adoption = project.adoptions.find((a) => a.city.id === cityId);
  if (!adoption) throw new Error(`No adoption of ${projectId} by ${cityId}`);
  return adoption.version;
}

const input = (value: Record<string, unknown>): Prepared => ({ variables: { input: value } });

/** A new solution of the catalogue, developed by `cityId`, as the setup's administrator; its id. */
async function solutionBy(cityId: string): Promise<string> {
  const { createSolution } = await read<{ createSolution: { id: string } }>(
    'mutation($input: CreateSolutionInput!) { createSolution(input: $input) { id } }',
    {
      input: {
        title: `Lösung ${next()}`,
        kind: 'COMPONENT',
        summary: 'Baustein',
        licence: 'EUPL-1.2',
        developedByCityIds: [cityId],
      },
    },
  );
  return createSolution.id;
}

/*
 * Annual meetings are held by the CDOs of the cooperation's member cities: in the "own" scope the meeting
 * belongs to the fixture's cooperation, of which the own city (Kempten) is a member; in the "other" scope
 * to the other cooperation, of which it is not. (Working-group meetings and their leads:
 * meetings/meetings.integration-spec.ts.)
 */
const cooperationOf = (scope: Scope) => (scope === 'other' ? world.otherCooperationId : world.cooperationId);
const HOLDERS_OF_ANNUAL_MEETINGS: Partial<Record<ActorName, Grant>> = {
  [Role.ADMIN]: 'everywhere',
  [Role.CDO]: 'ownScope',
};

/** A new annual meeting of the scope's cooperation, moved on to `state`, made by the setup's administrator. */
async function annualMeeting(scope: Scope, state: 'DRAFT' | 'IN_PROGRESS' = 'DRAFT'): Promise<string> {
  const { createMeeting } = await read<{ createMeeting: { id: string } }>(
    'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
    {
      input: {
        kind: 'ANNUAL_MEETING',
        title: `Jahrestreffen ${next()}`,
        startsAt: '2026-06-01T08:00:00Z',
        cooperationId: cooperationOf(scope),
      },
    },
  );
  if (state !== 'DRAFT') {
    await read('mutation($input: SetMeetingStateInput!) { setMeetingState(input: $input) { id } }', {
      input: { meetingId: createMeeting.id, state, version: 1 },
    });
  }
  return createMeeting.id;
}

/** A membership of the city of a scope in a cooperation of its own, joined long ago. */
async function newMembership(scope: Scope): Promise<{ id: string; version: number }> {
  const n = next();
  const { createCooperation } = await read<{ createCooperation: { id: string } }>(
    'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
    { input: { name: `Mitgliedskooperation ${n}`, shortName: `MG${n}` } },
  );
  const { addMembership } = await read<{ addMembership: { id: string; version: number } }>(
    'mutation($input: AddMembershipInput!) { addMembership(input: $input) { id version } }',
    { input: { cooperationId: createCooperation.id, cityId: cityOf(scope), joinedOn: '2020-01-01' } },
  );
  return addMembership;
}

const sessionsOf = (rows: Rows, accountId: number | null) =>
  (rows['session'] as { accountId: number }[]).filter((s) => s.accountId === accountId).length;

const MUTATIONS: Operation[] = [
  {
    root: 'Mutation',
    name: 'createCity',
    document: 'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }',
    scope: 'any',
    allow: ADMIN_ONLY,
    async prepare() {
      const n = next();
      return input({
        name: `Matrixstadt ${n}`,
        ags: `0990${String(n).padStart(4, '0')}`,
        population: 40000 + n,
        district: 'Schwaben',
        kind: 'Große Kreisstadt',
      });
    },
  },
  {
    root: 'Mutation',
    name: 'createCooperation',
    document: 'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
    scope: 'any',
    allow: ADMIN_ONLY,
    async prepare() {
      const n = next();
      return input({ name: `Matrixkooperation ${n}`, shortName: `MK${n}` });
    },
  },
  {
    root: 'Mutation',
    name: 'addMembership',
    document: 'mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }',
    scope: 'city',
    allow: ADMIN_ONLY,
    async prepare(scope) {
      const n = next();
      const { createCooperation } = await read<{ createCooperation: { id: string } }>(
        'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
        { input: { name: `Beitrittskooperation ${n}`, shortName: `BK${n}` } },
      );
      return input({ cooperationId: createCooperation.id, cityId: cityOf(scope), joinedOn: '2024-01-01' });
    },
  },
  {
    root: 'Mutation',
    name: 'updateCooperation',
    document: 'mutation($input: UpdateCooperationInput!) { updateCooperation(input: $input) { id } }',
    scope: 'any',
    allow: ADMIN_ONLY,
    async prepare() {
      const { cooperation } = await read<{ cooperation: { version: number } }>(
        'query($id: ID!) { cooperation(id: $id) { version } }',
        { id: world.otherCooperationId },
      );
      return input({
        id: world.otherCooperationId,
        version: cooperation.version,
        description: `Stand ${next()}`,
      });
    },
  },
  {
    root: 'Mutation',
    name: 'updateCity',
    document: 'mutation($input: UpdateCityInput!) { updateCity(input: $input) { id } }',
    scope: 'city',
    allow: ADMIN_ONLY,
    async prepare(scope) {
      const id = cityOf(scope);
      const { city } = await read<{ city: { version: number } }>(
        'query($id: ID!) { city(id: $id) { version } }',
        {
          id,
        },
      );
      return input({ id, version: city.version, population: 60000 + next() });
    },
  },
  {
    root: 'Mutation',
    name: 'updateMembership',
    document: 'mutation($input: UpdateMembershipInput!) { updateMembership(input: $input) { id } }',
    scope: 'city',
    allow: ADMIN_ONLY,
    async prepare(scope) {
      const membership = await newMembership(scope);
      return input({ id: membership.id, version: membership.version, role: `Rolle ${next()}` });
    },
  },
  {
    root: 'Mutation',
    name: 'endMembership',
    document: 'mutation($input: EndMembershipInput!) { endMembership(input: $input) { id } }',
    scope: 'city',
    allow: ADMIN_ONLY,
    async prepare(scope) {
      const membership = await newMembership(scope);
      return input({ id: membership.id, version: membership.version, endedOn: '2025-01-01' });
    },
  },
  {
    root: 'Mutation',
    name: 'createWorkingGroup',
    document: 'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
    scope: 'city',
    allow: ADMIN_ONLY,
    async prepare(scope) {
      return input({
        cooperationId: world.cooperationId,
        name: `Arbeitszirkel ${next()}`,
        focus: 'FUNCTIONAL',
        leadCityId: cityOf(scope),
      });
    },
  },
  {
    root: 'Mutation',
    name: 'updateWorkingGroup',
    document: 'mutation($input: UpdateWorkingGroupInput!) { updateWorkingGroup(input: $input) { id } }',
    scope: 'workingGroup',
    allow: LEADS,
    async prepare(scope) {
      const id = groupOf(scope);
      return input({ id, version: await versionOf('workingGroup', id), description: `Stand ${next()}` });
    },
  },
  {
    root: 'Mutation',
    name: 'createProject',
    document: 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    scope: 'workingGroup',
    allow: LEADS,
    async prepare(scope) {
      return input({ workingGroupId: groupOf(scope), title: `Konzept ${next()}`, kind: 'CONCEPT' });
    },
  },
  {
    root: 'Mutation',
    name: 'updateProject',
    document: 'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }',
    scope: 'workingGroup',
    allow: LEADS,
    async prepare(scope) {
      const id = projectOf(scope);
      return input({ id, version: await versionOf('project', id), risks: `Risiko ${next()}` });
    },
  },
  {
    root: 'Mutation',
    name: 'postStatusUpdate',
    document: 'mutation($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id } }',
    scope: 'workingGroup',
    allow: LEADS,
    async prepare(scope) {
      const n = next();
      return input({
        projectId: projectOf(scope),
        phase: 'IN_DEVELOPMENT',
        health: n % 2 ? 'AMBER' : 'GREEN',
        progress: n % 100,
        summary: `Bericht ${n}`,
      });
    },
  },
  {
    root: 'Mutation',
    name: 'addMilestone',
    document: 'mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }',
    scope: 'workingGroup',
    allow: LEADS,
    async prepare(scope) {
      return input({ projectId: projectOf(scope), title: `Meilenstein ${next()}`, dueOn: '2030-06-30' });
    },
  },
  {
    root: 'Mutation',
    name: 'updateMilestone',
    document: 'mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { id } }',
    scope: 'workingGroup',
    allow: LEADS,
    async prepare(scope) {
      const id = scope === 'other' ? world.otherMilestone : world.ownMilestone;
      const version = await milestoneVersion(projectOf(scope), id);
      return input({ id, version, title: `Abnahme ${next()}` });
    },
  },
  {
    root: 'Mutation',
    name: 'recordAdoption',
    document: 'mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }',
    scope: 'city',
    allow: CITY_EDITORS,
    async prepare(scope) {
      const n = next();
      const projectId = world.ownProject;
      const cityId = cityOf(scope);
      return input({
        projectId,
        cityId,
        stage: n % 2 ? 'EVALUATING' : 'PLANNED',
        maturityModel: '2.0',
        maturityLevel: n % 8,
        notes: `Notiz ${n}`,
        version: await adoptionVersion(projectId, cityId),
      });
    },
  },
  {
    root: 'Mutation',
    name: 'recordSatisfaction',
    document: 'mutation($input: RecordSatisfactionInput!) { recordSatisfaction(input: $input) { id } }',
    scope: 'city',
    allow: CITY_EDITORS,
    async prepare(scope) {
      // A month of its own for every cell: a new row, so no version is needed.
      return input({
        projectId: world.ownProject,
        cityId: cityOf(scope),
        month: monthsFromNow(-next()),
        ratingsCount: 12,
        averageRating: 4.25,
        visits: 300,
      });
    },
  },
  {
    root: 'Mutation',
    name: 'createAccount',
    document: 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }',
    scope: 'city',
    allow: ADMIN_ONLY,
    async prepare(scope) {
      const n = next();
      return input({
        username: `neu-${n}`,
        displayName: `Neue Redaktion ${n}`,
        roles: [{ role: Role.CITY_EDITOR, cityId: cityOf(scope) }],
      });
    },
  },
  {
    root: 'Mutation',
    name: 'setAccountRoles',
    document: 'mutation($input: SetAccountRolesInput!) { setAccountRoles(input: $input) { id } }',
    scope: 'city',
    allow: ADMIN_ONLY,
    async prepare(scope) {
      const accountId = scope === 'other' ? world.otherTarget : world.ownTarget;
      const roles: { role: Role; cityId?: string }[] = [{ role: Role.CITY_EDITOR, cityId: cityOf(scope) }];
      if (next() % 2) roles.push({ role: Role.VIEWER });
      return input({ accountId, version: (await accountOf(accountId)).version, roles });
    },
  },
  {
    root: 'Mutation',
    name: 'setAccountDisabled',
    document: 'mutation($input: SetAccountDisabledInput!) { setAccountDisabled(input: $input) { id } }',
    scope: 'city',
    allow: ADMIN_ONLY,
    async prepare(scope) {
      const accountId = scope === 'other' ? world.otherTarget : world.ownTarget;
      const { version, disabled } = await accountOf(accountId);
      return input({ accountId, version, disabled: !disabled });
    },
  },
  {
    root: 'Mutation',
    name: 'resetAccountPassword',
    document:
      'mutation($input: ResetAccountPasswordInput!) { resetAccountPassword(input: $input) { account { id } } }',
    scope: 'city',
    allow: ADMIN_ONLY,
    async prepare(scope) {
      const accountId = scope === 'other' ? world.otherTarget : world.ownTarget;
      const { version } = await accountOf(accountId);
      return input({ accountId, version });
    },
  },
  {
    root: 'Mutation',
    name: 'changePassword',
    document:
      'mutation($current: String!, $new: String!) { changePassword(currentPassword: $current, newPassword: $new) { account { id } } }',
    scope: 'any',
    allow: SIGNED_IN,
    async prepare(_scope, actor) {
      return { variables: { current: actor.password, new: `Neues-Kennwort-${next()}-Matrix` } };
    },
    async verify(actor, before, after, prepared) {
      expectOneAuditEntry(actor, 'changePassword', before, after);
      // Later cells sign in again: with the password now valid, which also shows the change took.
      actor.password = prepared.variables['new'] as string;
      await app.signIn(actor.username ?? '', actor.password);
    },
  },
  {
    root: 'Mutation',
    name: 'login',
    document: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
    scope: 'any',
    allow: ANYONE,
    async prepare(_scope, actor) {
      // Without a session, the caller signs in as the viewer.
      const self = actor.username ? actor : requireActor(Role.VIEWER);
      return { variables: { u: self.username, p: self.password } };
    },
    async verify(actor, before, after) {
      // Signing in opens a session and changes no data: it writes no audit entry.
      const self = actor.username ? actor : requireActor(Role.VIEWER);
      expect(sessionsOf(after, self.accountId)).toBe(sessionsOf(before, self.accountId) + 1);
      expect(newAuditEntries(before, after)).toEqual([]);
    },
  },
  {
    root: 'Mutation',
    name: 'logout',
    document: 'mutation { logout }',
    scope: 'any',
    allow: ANYONE,
    async prepare(_scope, actor) {
      // A session of its own, so that the actor's other sessions (the one the matrix uses) stay.
      return {
        variables: {},
        client: actor.username ? await app.signIn(actor.username, actor.password) : actor.client,
      };
    },
    async verify(actor, before, after, prepared) {
      if (!actor.username) {
        // Nothing to end: the answer is true and nothing changes.
        expect(after).toEqual(before);
        return;
      }
      expect(sessionsOf(after, actor.accountId)).toBe(sessionsOf(before, actor.accountId) - 1);
      expect(newAuditEntries(before, after)).toEqual([]);
      expect((await prepared.client?.gql('{ me { account { id } } }'))?.data).toEqual({ me: null });
      expect((await actor.client.gql<{ me: unknown }>('{ me { account { id } } }')).data?.me).not.toBeNull();
    },
  },
  {
    root: 'Mutation',
    name: 'createMeeting',
    document: 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
    scope: 'city',
    allow: HOLDERS_OF_ANNUAL_MEETINGS,
    async prepare(scope) {
      return input({
        kind: 'ANNUAL_MEETING',
        title: `Jahrestreffen ${next()}`,
        startsAt: '2026-06-01T08:00:00Z',
        cooperationId: cooperationOf(scope),
      });
    },
  },
  {
    root: 'Mutation',
    name: 'setMeetingState',
    document: 'mutation($input: SetMeetingStateInput!) { setMeetingState(input: $input) { id } }',
    scope: 'city',
    allow: HOLDERS_OF_ANNUAL_MEETINGS,
    async prepare(scope) {
      return input({ meetingId: await annualMeeting(scope), state: 'OPEN', version: 1 });
    },
  },
  {
    root: 'Mutation',
    name: 'addAgendaItem',
    document: 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }',
    scope: 'city',
    allow: HOLDERS_OF_ANNUAL_MEETINGS,
    async prepare(scope) {
      return input({ meetingId: await annualMeeting(scope), title: `Punkt ${next()}`, durationMinutes: 20 });
    },
  },
  {
    root: 'Mutation',
    name: 'recordDecision',
    document: 'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }',
    scope: 'city',
    allow: HOLDERS_OF_ANNUAL_MEETINGS,
    async prepare(scope) {
      return input({ meetingId: await annualMeeting(scope, 'IN_PROGRESS'), text: `Beschluss ${next()}` });
    },
  },
  {
    root: 'Mutation',
    name: 'recordActionItem',
    document: 'mutation($input: RecordActionItemInput!) { recordActionItem(input: $input) { id } }',
    scope: 'city',
    allow: HOLDERS_OF_ANNUAL_MEETINGS,
    async prepare(scope) {
      return input({
        meetingId: await annualMeeting(scope, 'IN_PROGRESS'),
        title: `Aufgabe ${next()}`,
        dueOn: '2030-03-31',
        ownerCityId: world.ownCity,
      });
    },
  },
  {
    root: 'Mutation',
    name: 'updateActionItem',
    document: 'mutation($input: UpdateActionItemInput!) { updateActionItem(input: $input) { id } }',
    scope: 'city',
    allow: HOLDERS_OF_ANNUAL_MEETINGS,
    async prepare(scope) {
      const { recordActionItem } = await read<{ recordActionItem: { id: string } }>(
        'mutation($input: RecordActionItemInput!) { recordActionItem(input: $input) { id } }',
        {
          input: {
            meetingId: await annualMeeting(scope, 'IN_PROGRESS'),
            title: `Aufgabe ${next()}`,
            dueOn: '2030-03-31',
            ownerCityId: world.ownCity,
          },
        },
      );
      return input({ actionItemId: recordActionItem.id, status: 'DONE', version: 1 });
    },
  },
  {
    root: 'Mutation',
    name: 'createSolution',
    document: 'mutation($input: CreateSolutionInput!) { createSolution(input: $input) { id } }',
    scope: 'city',
    allow: CITY_EDITORS,
    async prepare(scope) {
      return input({
        title: `Lösung ${next()}`,
        kind: 'CONCEPT',
        summary: 'Leitfaden',
        licence: 'CC-BY-4.0',
        developedByCityIds: [cityOf(scope)],
      });
    },
  },
  {
    root: 'Mutation',
    name: 'updateSolution',
    document: 'mutation($input: UpdateSolutionInput!) { updateSolution(input: $input) { id } }',
    scope: 'city',
    allow: CITY_EDITORS,
    async prepare(scope) {
      return input({ solutionId: await solutionBy(cityOf(scope)), version: 1, status: 'DEPRECATED' });
    },
  },
  {
    root: 'Mutation',
    name: 'recordReuse',
    document: 'mutation($input: RecordReuseInput!) { recordReuse(input: $input) { id } }',
    scope: 'city',
    allow: CITY_EDITORS,
    async prepare(scope) {
      // A solution of a third city, new for every cell: the reuse is a new row, no version needed.
      const solutionId = await solutionBy(world.cityIds.erlangen);
      return input({ solutionId, cityId: cityOf(scope), experience: (next() % 5) + 1 });
    },
  },
  {
    root: 'Mutation',
    name: 'createKnowledgeEntry',
    document: 'mutation($input: CreateKnowledgeEntryInput!) { createKnowledgeEntry(input: $input) { id } }',
    scope: 'workingGroup',
    allow: LEADS,
    async prepare(scope) {
      return input({
        workingGroupId: groupOf(scope),
        title: `Erfahrung ${next()}`,
        body: 'Text',
        tags: ['faq'],
      });
    },
  },
  {
    root: 'Mutation',
    name: 'updateKnowledgeEntry',
    document: 'mutation($input: UpdateKnowledgeEntryInput!) { updateKnowledgeEntry(input: $input) { id } }',
    scope: 'workingGroup',
    allow: LEADS,
    async prepare(scope) {
      const { createKnowledgeEntry } = await read<{ createKnowledgeEntry: { id: string } }>(
        'mutation($input: CreateKnowledgeEntryInput!) { createKnowledgeEntry(input: $input) { id } }',
        { input: { workingGroupId: groupOf(scope), title: `Standard ${next()}`, body: 'Entwurf' } },
      );
      return input({ knowledgeEntryId: createKnowledgeEntry.id, version: 1, body: `Fassung ${next()}` });
    },
  },
];

const QUERIES: Operation[] = [
  query('meetings', '{ meetings(first: 3) { totalCount edges { node { id } } } }', 'any', SIGNED_IN),
  query('meeting', 'query($id: ID!) { meeting(id: $id) { id } }', 'any', SIGNED_IN, () => ({
    id: world.ownMeeting,
  })),
  query('actionItems', '{ actionItems(first: 3) { totalCount edges { node { id } } } }', 'any', SIGNED_IN),
  query('accounts', '{ accounts { id } }', 'any', ADMIN_ONLY),
  query('auditLog', '{ auditLog(first: 3) { totalCount edges { node { id } } } }', 'any', {
    [Role.ADMIN]: 'everywhere',
    [Role.CDO]: 'everywhere',
  }),
  query('me', '{ me { account { id } } }', 'any', ANYONE),
  query('appInfo', '{ appInfo { demoData } }', 'any', ANYONE),
  query('ozgTopics', '{ ozgTopics { key } }', 'any', SIGNED_IN),
  query('cities', '{ cities { id } }', 'any', SIGNED_IN),
  query('city', 'query($id: ID!) { city(id: $id) { id } }', 'city', SIGNED_IN, (s) => ({ id: cityOf(s) })),
  query('cooperations', '{ cooperations { id } }', 'any', SIGNED_IN),
  query('cooperation', 'query($id: ID!) { cooperation(id: $id) { id } }', 'any', SIGNED_IN, () => ({
    id: world.cooperationId,
  })),
  query(
    'workingGroups',
    'query($id: ID!) { workingGroups(cooperationId: $id) { id } }',
    'any',
    SIGNED_IN,
    () => ({ id: world.cooperationId }),
  ),
  query(
    'workingGroup',
    'query($id: ID!) { workingGroup(id: $id) { id } }',
    'workingGroup',
    SIGNED_IN,
    (s) => ({ id: groupOf(s) }),
  ),
  query(
    'projects',
    'query($id: ID!) { projects(filter: { workingGroupId: $id }) { totalCount } }',
    'workingGroup',
    SIGNED_IN,
    (s) => ({ id: groupOf(s) }),
  ),
  query('project', 'query($id: ID!) { project(id: $id) { id } }', 'workingGroup', SIGNED_IN, (s) => ({
    id: projectOf(s),
  })),
  query(
    'adoption',
    'query($p: ID!, $c: ID!) { adoption(projectId: $p, cityId: $c) { stage } }',
    'city',
    SIGNED_IN,
    (s) => ({ p: world.ownProject, c: cityOf(s) }),
  ),
  query(
    'adoptionMatrix',
    'query($id: ID!) { adoptionMatrix(cooperationId: $id) { cells { id } rows { codes } } }',
    'any',
    SIGNED_IN,
    () => ({ id: world.cooperationId }),
  ),
  query(
    'overview',
    'query($id: ID!, $year: Int!) { overview(cooperationId: $id, year: $year) { activeProjects } }',
    'any',
    SIGNED_IN,
    () => ({ id: world.cooperationId, year: new Date().getUTCFullYear() }),
  ),
  query(
    'adoptionTimeline',
    'query($id: ID!, $from: String!, $to: String!) { adoptionTimeline(cooperationId: $id, from: $from, to: $to) { count } }',
    'any',
    SIGNED_IN,
    () => ({ id: world.cooperationId, from: monthsFromNow(-12), to: monthsFromNow(0) }),
  ),
  query(
    'latestStatusUpdates',
    'query($id: ID!) { latestStatusUpdates(cooperationId: $id) { id } }',
    'any',
    SIGNED_IN,
    () => ({ id: world.cooperationId }),
  ),
  query(
    'satisfactionSeries',
    'query($p: ID!, $c: ID!, $from: String!, $to: String!) { satisfactionSeries(projectId: $p, cityId: $c, from: $from, to: $to) { month } }',
    'city',
    SIGNED_IN,
    (s) => ({ p: world.ownProject, c: cityOf(s), from: monthsFromNow(-12), to: monthsFromNow(0) }),
  ),
  query(
    'satisfactionMonths',
    'query($c: ID!, $from: String!, $to: String!) { satisfactionMonths(cityId: $c, from: $from, to: $to) { month version } }',
    'city',
    SIGNED_IN,
    (s) => ({ c: cityOf(s), from: monthsFromNow(-2), to: monthsFromNow(0) }),
  ),
  query(
    'satisfactionByCity',
    'query($c: [ID!], $from: String!, $to: String!) { satisfactionByCity(cityIds: $c, from: $from, to: $to) { ratingsCount } }',
    'city',
    SIGNED_IN,
    (s) => ({ c: [cityOf(s)], from: monthsFromNow(-12), to: monthsFromNow(0) }),
  ),
  query(
    'cityRanking',
    'query($id: ID, $from: String!, $to: String!) { cityRanking(cooperationId: $id, from: $from, to: $to) { rank } }',
    'any',
    SIGNED_IN,
    () => ({ id: world.cooperationId, from: monthsFromNow(-12), to: monthsFromNow(0) }),
  ),
  query('solutions', '{ solutions(first: 5) { totalCount } }', 'any', SIGNED_IN),
  query('solution', 'query($id: ID!) { solution(id: $id) { id } }', 'any', SIGNED_IN, async () => ({
    id: await solutionBy(world.cityIds.erlangen),
  })),
  query(
    'reuseNetwork',
    'query($id: ID!) { reuseNetwork(cooperationId: $id) { edges { count } } }',
    'any',
    SIGNED_IN,
    () => ({ id: world.cooperationId }),
  ),
  query(
    'reuseCount',
    'query($id: ID!, $year: Int!) { reuseCount(cooperationId: $id, year: $year) { count } }',
    'any',
    SIGNED_IN,
    () => ({ id: world.cooperationId, year: new Date().getUTCFullYear() }),
  ),
  query(
    'digest',
    'query($id: ID!) { digest(cooperationId: $id) { from to projectChanges { toPhase } } }',
    'any',
    SIGNED_IN,
    () => ({ id: world.cooperationId }),
  ),
  query(
    'satisfactionRanking',
    'query($id: ID!, $year: Int!) { satisfactionRanking(cooperationId: $id, year: $year) { minRatings } }',
    'any',
    SIGNED_IN,
    () => ({ id: world.cooperationId, year: new Date().getUTCFullYear() }),
  ),
  query(
    'adoptionForecast',
    'query($id: ID!) { adoptionForecast(cooperationId: $id) { sufficientData } }',
    'any',
    SIGNED_IN,
    () => ({ id: world.cooperationId }),
  ),
  query('knowledgeEntries', '{ knowledgeEntries { totalCount } }', 'any', SIGNED_IN),
  query('knowledgeEntry', 'query($id: ID!) { knowledgeEntry(id: $id) { id } }', 'any', SIGNED_IN, () => ({
    id: world.knowledgeEntry,
  })),
  query('search', '{ search(query: "Bürgerkonto") { id } }', 'any', SIGNED_IN),
];

function query(
  name: string,
  document: string,
  scope: ScopeKind,
  allow: Partial<Record<ActorName, Grant>>,
  variables: (scope: Scope) => Record<string, unknown> | Promise<Record<string, unknown>> = () => ({}),
): Operation {
  return {
    root: 'Query',
    name,
    document,
    scope,
    allow,
    async prepare(s) {
      return { variables: await variables(s) };
    },
  };
}

interface Cell {
  readonly operation: Operation;
  readonly actor: ActorName;
  readonly scope: Scope;
  readonly expected: Outcome;
}

function cellsOf(operations: Operation[]): Cell[] {
  return operations.flatMap((operation) =>
    ACTORS.flatMap((actor) =>
      (operation.scope === 'any' ? (['any'] as const) : (['own', 'other'] as const)).map((scope) => ({
        operation,
        actor,
        scope,
        expected: expectedOutcome(operation, actor, scope),
      })),
    ),
  );
}

const MUTATION_CELLS = cellsOf(MUTATIONS);
const QUERY_CELLS = cellsOf(QUERIES);
const title = (cell: Cell) =>
  `${cell.operation.name} by ${cell.actor}${cell.scope === 'any' ? '' : ` in ${cell.scope} scope`} → ${cell.expected}`;

function requireActor(name: ActorName): Actor {
  const actor = actors.get(name);
  if (!actor) throw new Error(`No actor ${name}`);
  return actor;
}

interface AuditRow {
  id: number;
  accountId: number | null;
  username: string;
  operation: string;
}

function newAuditEntries(before: Rows, after: Rows): AuditRow[] {
  const known = new Set((before['audit_entry'] as AuditRow[]).map((row) => row.id));
  return (after['audit_entry'] as AuditRow[]).filter((row) => !known.has(row.id));
}

function expectOneAuditEntry(actor: Actor, operation: string, before: Rows, after: Rows): void {
  const entries = newAuditEntries(before, after);
  expect(entries.map(({ accountId, username, operation }) => ({ accountId, username, operation }))).toEqual([
    { accountId: actor.accountId, username: actor.username, operation },
  ]);
}

function expectRefusal(response: GraphQLResponse, cell: Cell): void {
  expect(response.errors).toHaveLength(1);
  expect(response.errors?.[0].extensions?.code).toBe(cell.expected);
  expect(response.data?.[cell.operation.name] ?? null).toBeNull();
}

function expectAnswer(response: GraphQLResponse, cell: Cell): void {
  expect(response.errors).toBeUndefined();
  expect(response.data).toHaveProperty(cell.operation.name);
}

describe(`authorization matrix: ${MUTATION_CELLS.length} mutation cells and ${QUERY_CELLS.length} query cells`, () => {
  beforeAll(async () => {
    app = await startTestApp();
    const fixture = await buildFixture(app);
    const ownCity = fixture.cityIds.kempten;
    const otherCity = fixture.cityIds.rosenheim;
    const { createWorkingGroup } = await read<{ createWorkingGroup: { id: string } }>(
      'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
      { input: { cooperationId: fixture.cooperationId, name: 'Plattformen', focus: 'STRATEGIC' } },
    );
    const { createProject } = await read<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { workingGroupId: createWorkingGroup.id, title: 'Bürgerkonto', kind: 'PLATFORM' } },
    );
    const milestone = async (projectId: string) =>
      (
        await read<{ addMilestone: { id: string } }>(
          'mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }',
          { input: { projectId, title: 'Abnahme', dueOn: '2030-01-31' } },
        )
      ).addMilestone.id;
    for (const cityId of [ownCity, otherCity]) {
      await read('mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
        input: { projectId: fixture.projectId, cityId, stage: 'EVALUATING', maturityModel: '2.0' },
      });
    }
    const target = async (username: string, cityId: string) =>
      (
        await read<{ createAccount: { account: { id: string } } }>(
          'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }',
          { input: { username, displayName: username, roles: [{ role: Role.CITY_EDITOR, cityId }] } },
        )
      ).createAccount.account.id;
    world = {
      ...fixture,
      ownCity,
      otherCity,
      ownGroup: fixture.workingGroupId,
      otherGroup: createWorkingGroup.id,
      ownProject: fixture.projectId,
      otherProject: createProject.id,
      ownMilestone: await milestone(fixture.projectId),
      otherMilestone: await milestone(createProject.id),
      ownTarget: await target('ziel-eigen', ownCity),
      otherTarget: await target('ziel-fremd', otherCity),
      ownMeeting: '',
      knowledgeEntry: (
        await read<{ createKnowledgeEntry: { id: string } }>(
          'mutation($input: CreateKnowledgeEntryInput!) { createKnowledgeEntry(input: $input) { id } }',
          { input: { workingGroupId: fixture.workingGroupId, title: 'Leitfaden', body: 'Text' } },
        )
      ).createKnowledgeEntry.id,
    };
    world.ownMeeting = await annualMeeting('own');
    const grants: Record<Role, { role: Role; cityId?: string; workingGroupId?: string }> = {
      [Role.ADMIN]: { role: Role.ADMIN },
      [Role.CDO]: { role: Role.CDO, cityId: ownCity },
      [Role.WORKING_GROUP_LEAD]: { role: Role.WORKING_GROUP_LEAD, workingGroupId: world.ownGroup },
      [Role.CITY_EDITOR]: { role: Role.CITY_EDITOR, cityId: ownCity },
      [Role.VIEWER]: { role: Role.VIEWER },
    };
    for (const name of ACTORS) {
      if (name === 'ANONYMOUS') {
        actors.set(name, { name, username: null, accountId: null, password: '', client: app.anonymous });
        continue;
      }
      const username = `matrix-${name.toLowerCase().replace(/_/g, '-')}`;
      const client = await app.accountWith(username, [grants[name]]);
      const me = await client.gql<{ me: { account: { id: string } } }>('{ me { account { id } } }');
      const accountId = Number(me.data?.me.account.id);
      actors.set(name, { name, username, accountId, password: TEST_PASSWORD, client });
    }
  });

  afterAll(async () => {
    await app.close();
  });

  it('covers every Query and Mutation of the schema, each role, each scope', () => {
    const schema = app.app.get(GraphQLSchemaHost).schema;
    const fields = (root: ReturnType<typeof schema.getQueryType>) =>
      Object.keys(root?.getFields() ?? {}).sort();
    expect(MUTATIONS.map((o) => o.name).sort()).toEqual(fields(schema.getMutationType()));
    expect(QUERIES.map((o) => o.name).sort()).toEqual(fields(schema.getQueryType()));
    // 28 mutations in two scopes and 6 in one, 8 queries in two scopes and 27 in one; 6 callers each.
    expect(MUTATION_CELLS.length).toBe((28 * 2 + 6) * ACTORS.length);
    expect(MUTATION_CELLS.length).toBe(372);
    expect(QUERY_CELLS.length).toBe((8 * 2 + 27) * ACTORS.length);
    expect(QUERY_CELLS.length).toBe(258);
    const count = (outcome: Outcome) => MUTATION_CELLS.filter((c) => c.expected === outcome).length;
    expect([count('allowed'), count('FORBIDDEN'), count('UNAUTHENTICATED')]).toEqual([100, 212, 60]);
  });

  describe('mutations', () => {
    it.each(MUTATION_CELLS.map((cell) => [title(cell), cell] as const))('%s', async (_title, cell) => {
      const actor = requireActor(cell.actor);
      const prepared = await cell.operation.prepare(cell.scope, actor);
      const before = await snapshot(app.dataSource);
      const response = await (prepared.client ?? actor.client).gql(
        cell.operation.document,
        prepared.variables,
      );
      const after = await snapshot(app.dataSource);
      if (cell.expected !== 'allowed') {
        expectRefusal(response, cell);
        expect(after).toEqual(before);
        return;
      }
      expectAnswer(response, cell);
      expect(response.data?.[cell.operation.name]).toBeTruthy();
      if (cell.operation.verify) {
        await cell.operation.verify(actor, before, after, prepared);
      } else {
        expectOneAuditEntry(actor, cell.operation.name, before, after);
      }
    });
  });

  describe('queries', () => {
    it.each(QUERY_CELLS.map((cell) => [title(cell), cell] as const))('%s', async (_title, cell) => {
      const actor = requireActor(cell.actor);
      const prepared = await cell.operation.prepare(cell.scope, actor);
      const response = await actor.client.gql(cell.operation.document, prepared.variables);
      if (cell.expected === 'allowed') {
        expectAnswer(response, cell);
      } else {
        expectRefusal(response, cell);
      }
    });
  });
});
