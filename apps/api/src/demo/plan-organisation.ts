import { WorkingGroupFocus } from '@koop/domain';
import type { ReferenceCity } from './reference-data.js';

export type CooperationKey = 'MAN' | 'EG';

export interface CooperationPlan {
  key: CooperationKey;
  name: string;
  shortName: string;
  description: string;
  /** Which cities of the reference data belong to it. */
  isMember(city: ReferenceCity): boolean;
  /** The date the founding members joined. */
  foundedOn: string;
  /** Members that joined later, by city name. */
  joinedLater: Record<string, string>;
  /** Roles of some members, by city name. */
  roles: Record<string, string>;
}

const MAN_CITIES = ['München', 'Augsburg', 'Nürnberg'];

/** Members of the real community of mid-sized cities, and of the demo's (a test keeps the two counts true). */
export const REAL_COMMUNITY_MEMBERS = 31;
export const DEMO_NOTE_MEMBERS = 21;

/** Illustrative, not the official member lists (see shared/data/README.md). */
export const COOPERATIONS: readonly CooperationPlan[] = [
  {
    key: 'MAN',
    name: 'M-A-N-Kooperation',
    shortName: 'M-A-N',
    description:
      'Die drei größten bayerischen Städte München, Augsburg und Nürnberg entwickeln Onlinedienste und Basiskomponenten gemeinsam.',
    isMember: (city) => MAN_CITIES.includes(city.name),
    foundedOn: '2019-05-01',
    joinedLater: {},
    roles: {
      München: 'Geschäftsstelle der Kooperation',
      Nürnberg: 'Federführung Team Daten',
      Augsburg: 'Federführung Team Prozesse',
    },
  },
  {
    key: 'EG',
    name: 'Entwicklergemeinschaft der bayerischen Mittelstädte',
    shortName: 'EG Mittelstädte',
    description:
      'Bayerische Städte mit 30.000 bis 150.000 Einwohnerinnen und Einwohnern bauen Onlinedienste einmal und nutzen sie gemeinsam nach. ' +
      `Demo: Die Mitgliederliste ist aus den Referenzdaten gezogen – die kreisfreien Städte dieser Größe, ${DEMO_NOTE_MEMBERS} der ${REAL_COMMUNITY_MEMBERS} Städte der echten Gemeinschaft; sie ist keine amtliche Liste.`,
    isMember: (city) => city.population >= 30_000 && city.population <= 150_000,
    foundedOn: '2020-10-01',
    joinedLater: {
      Schwabach: '2021-07-01',
      Kaufbeuren: '2022-04-01',
      Memmingen: '2022-04-01',
      Hof: '2023-01-01',
    },
    roles: {
      Ingolstadt: 'Sprecherstadt',
      Erlangen: 'Federführung Team Onlinedienste',
      Bamberg: 'Federführung Team Open Data',
      Fürth: 'Federführung Team Register',
      Rosenheim: 'Federführung Team Marketing',
    },
  },
];

export interface WorkingGroupPlan {
  key: string;
  cooperation: CooperationKey;
  name: string;
  focus: WorkingGroupFocus;
  description: string;
  leadCity: string;
  leadPerson: string;
  /** Every member of the cooperation takes part, or only some (the lead and the projects' owners among them). */
  everyMember: boolean;
}

export const WORKING_GROUPS: readonly WorkingGroupPlan[] = [
  {
    key: 'online-services',
    cooperation: 'EG',
    name: 'Onlinedienste nach dem OZG',
    focus: WorkingGroupFocus.FUNCTIONAL,
    description:
      'Baut kommunale Onlinedienste nach dem Onlinezugangsgesetz einmal und stellt sie den Mitgliedsstädten zur Nachnutzung bereit.',
    leadCity: 'Erlangen',
    leadPerson: 'Katrin Vogt',
    everyMember: true,
  },
  {
    key: 'identity-payment',
    cooperation: 'MAN',
    name: 'Digitale Identität und Bezahlen',
    focus: WorkingGroupFocus.TECHNICAL,
    description:
      'Anbindung von BayernID und BundID, ePayment und die Onlinedienste, die beides zuerst brauchen.',
    leadCity: 'München',
    leadPerson: 'Dr. Michael Brandl',
    everyMember: true,
  },
  {
    key: 'open-data',
    cooperation: 'EG',
    name: 'Open Data',
    focus: WorkingGroupFocus.TECHNICAL,
    description:
      'Gemeinsames Open-Data-Portal, Metadatenstandards und Leitlinien für die Veröffentlichung kommunaler Daten.',
    leadCity: 'Bamberg',
    leadPerson: 'Julia Amann',
    everyMember: false,
  },
  {
    key: 'registers',
    cooperation: 'EG',
    name: 'Registermodernisierung',
    focus: WorkingGroupFocus.TECHNICAL,
    description: 'Identifikationsnummer, Once-Only und die Anbindung der kommunalen Register an das NOOTS.',
    leadCity: 'Fürth',
    leadPerson: 'Thomas Weigl',
    everyMember: false,
  },
  {
    key: 'data-management',
    cooperation: 'MAN',
    name: 'Kommunales Datenmanagement',
    focus: WorkingGroupFocus.TECHNICAL,
    description: 'Urbane Datenplattform, Datenkataloge und Data Governance der drei Großstädte.',
    leadCity: 'Nürnberg',
    leadPerson: 'Anja Reuter',
    everyMember: true,
  },
  {
    key: 'process-integration',
    cooperation: 'MAN',
    name: 'Ende-zu-Ende-Prozessintegration',
    focus: WorkingGroupFocus.FUNCTIONAL,
    description:
      'Medienbruchfreie Abläufe vom Onlineantrag bis zur E-Akte, über FIT-Connect an die Fachverfahren angebunden.',
    leadCity: 'Augsburg',
    leadPerson: 'Stefan Lechner',
    everyMember: true,
  },
  {
    key: 'strategy',
    cooperation: 'EG',
    name: 'Strategie und Positionen',
    focus: WorkingGroupFocus.STRATEGIC,
    description: 'Gemeinsame Digitalstrategie und Positionen der Mittelstädte gegenüber Land und Bund.',
    leadCity: 'Ingolstadt',
    leadPerson: 'Dr. Andrea Kraus',
    everyMember: true,
  },
  {
    key: 'marketing',
    cooperation: 'EG',
    name: 'Marketing und Akzeptanz',
    focus: WorkingGroupFocus.STRATEGIC,
    description:
      'Macht die Onlinedienste bekannt und misst, wie zufrieden Bürgerinnen, Bürger und Unternehmen sind.',
    leadCity: 'Rosenheim',
    leadPerson: 'Lena Hartmann',
    everyMember: false,
  },
];
