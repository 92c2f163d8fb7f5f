import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** The demo's fixed seed: change it and every generated figure changes. */
export const DEMO_SEED = 20_231_120;

/** FNV-1a, so that a label such as "adoption/99115005104000/09161000" names its own stream. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value | 0;
}

/**
 * A deterministic source of random values. Each part of the demo draws from its own stream (named by
 * labels), so that adding a project or a city does not reshuffle the figures of all the others.
 */
export class Random {
  private readonly generator: RandomGenerator;

  constructor(...labels: (string | number)[]) {
    this.generator = xoroshiro128plus(hash([DEMO_SEED, ...labels].join('/')));
    // The first outputs of a freshly seeded xoroshiro are poorly mixed.
    for (let i = 0; i < 8; i += 1) {
      this.generator.next();
    }
  }

  /** A float in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator);
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** A normally distributed value (Box–Muller). */
  normal(mean = 0, deviation = 1): number {
    const u = 1 - this.float();
    const v = this.float();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** An exponentially distributed value with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.float());
  }

  /** A copy of `items` in random order. */
  shuffle<T>(items: readonly T[]): T[] {
    const result = [...items];
    for (let i = result.length - 1; i > 0; i -= 1) {
      const j = this.int(0, i);
      [result[i], result[j]] = [result[j], result[i]];
    }
    return result;
  }
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
