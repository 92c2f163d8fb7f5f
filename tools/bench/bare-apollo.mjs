// The yardstick for throughput: a bare Apollo server on loopback that answers the benchmark's overview
// query with constant figures, without sessions, database or Nest. Prints its URL once it listens.
//   node tools/bench/bare-apollo.mjs <port>
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const typeDefs = `#graphql
  type Count { key: String!, count: Int! }
  type Overview {
    year: Int!
    activeProjects: Int!
    projectsByHealth: [Count!]!
    projectsByPhase: [Count!]!
    servicesLive: Int!
    adoptionRate: Float!
    liveAdoptions: Int!
    memberCities: Int!
    onlineServices: Int!
    averageSatisfaction: Float
    ratingsCount: Int!
    completionRate: Float
    previous: Overview
  }
  type Query { overview(cooperationId: ID!, year: Int!): Overview! }
`;

const counts = (keys) => keys.map((key, index) => ({ key, count: index * 7 }));
const figures = (year) => ({
  year,
  activeProjects: 512,
  projectsByHealth: counts(['GREEN', 'AMBER', 'RED']),
  projectsByPhase: counts(['IDEA', 'PLANNED', 'IN_DEVELOPMENT', 'PILOT', 'LIVE', 'RETIRED']),
  servicesLive: 480,
  adoptionRate: 0.42,
  liveAdoptions: 500_000,
  memberCities: 2056,
  onlineServices: 600,
  averageSatisfaction: 3.9,
  ratingsCount: 1_000_000,
  completionRate: 0.8,
});
const resolvers = {
  Query: { overview: (_, { year }) => ({ ...figures(year), previous: figures(year - 1) }) },
};

const port = Number(process.argv[2]);
const server = new ApolloServer({ typeDefs, resolvers });
const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
process.stdout.write(`${url}\n`);
process.once('SIGTERM', () => server.stop().then(() => process.exit(0)));
