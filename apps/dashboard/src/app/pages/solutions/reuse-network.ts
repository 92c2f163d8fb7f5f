import type { ReuseNetworkPageQuery } from '../../graphql/generated/graphql';

type Network = ReuseNetworkPageQuery['reuseNetwork'];

export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  readonly givers: readonly PlacedCity[];
  readonly takers: readonly PlacedCity[];
  readonly lines: readonly PlacedEdge[];
}

export interface PlacedCity {
  readonly id: string;
  readonly name: string;
  readonly member: boolean;
  readonly count: number;
  readonly y: number;
}

export interface PlacedEdge {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly y1: number;
  readonly y2: number;
  readonly width: number;
}

/** Horizontal positions: city names left of the givers' column and right of the takers' column. */
export const COLUMNS = { giverX: 220, takerX: 520, width: 760 } as const;
const ROW = 30;
const TOP = 44;

/**
 * A directed bipartite drawing of the network: developing cities on the left, reusing cities on the right
 * (a city that does both appears on both sides), one line per pair, as thick as the solutions it carries.
 */
export function layoutNetwork(network: Network): NetworkLayout {
  const place = (key: 'gave' | 'took') =>
    network.nodes
      .filter((node) => node[key] > 0)
      .map((node, index) => ({
        id: node.city.id,
        name: node.city.name,
        member: node.member,
        count: node[key],
        y: TOP + index * ROW,
      }));
  const givers = place('gave');
  const takers = place('took');
  const giverY = new Map(givers.map((city) => [city.id, city.y]));
  const takerY = new Map(takers.map((city) => [city.id, city.y]));
  const names = new Map(network.nodes.map((node) => [node.city.id, node.city.name]));
  const lines = network.edges.map((edge) => ({
    key: `${edge.fromCityId}>${edge.toCityId}`,
    from: names.get(edge.fromCityId) ?? edge.fromCityId,
    to: names.get(edge.toCityId) ?? edge.toCityId,
    count: edge.count,
    y1: giverY.get(edge.fromCityId) ?? TOP,
    y2: takerY.get(edge.toCityId) ?? TOP,
    width: Math.min(1.5 + edge.count * 1.5, 9),
  }));
  const rows = Math.max(givers.length, takers.length, 1);
  return { width: COLUMNS.width, height: TOP + rows * ROW, givers, takers, lines };
}
