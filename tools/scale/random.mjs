// A seeded source of random values for the scale data: the same seed and labels give the same values on
// every machine, so that two runs of a tier produce the same rows.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** The scale data's fixed seed: change it and every generated row changes. */
export const SCALE_SEED = 20_261_130;

/** FNV-1a of the labels, so that each part of the data draws from its own stream. */
function hash(text) {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value | 0;
}

export class Random {
  constructor(...labels) {
    this.generator = xoroshiro128plus(hash([SCALE_SEED, ...labels].join('/')));
    // The first outputs of a freshly seeded xoroshiro are poorly mixed.
    for (let i = 0; i < 8; i += 1) this.generator.next();
  }

  /** A float in [0, 1). */
  float() {
    return uniformFloat64(this.generator);
  }

  /** An integer from `min` to `max`, both included. */
  int(min, max) {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p) {
    return this.float() < p;
  }

  pick(items) {
    return items[Math.floor(this.float() * items.length)];
  }

  /** One of the keys of `weights` ({ key: weight }), chosen with its weight's share of the total. */
  weighted(weights) {
    const entries = Object.entries(weights);
    let rest = this.float() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [key, weight] of entries) {
      rest -= weight;
      if (rest < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** A normally distributed value (Box–Muller). */
  normal(mean = 0, deviation = 1) {
    const u = 1 - this.float();
    const v = this.float();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** `count` distinct integers from `min` to `max`, ascending (count ≤ max − min + 1). */
  sortedDistinct(count, min, max) {
    if (count > max - min + 1) throw new Error(`No ${count} distinct integers from ${min} to ${max}`);
    const chosen = new Set();
    while (chosen.size < count) chosen.add(this.int(min, max));
    return [...chosen].sort((a, b) => a - b);
  }

  shuffle(items) {
    const result = [...items];
    for (let i = result.length - 1; i > 0; i -= 1) {
      const j = this.int(0, i);
      [result[i], result[j]] = [result[j], result[i]];
    }
    return result;
  }
}

export const clamp = (value, min, max) => Math.min(max, Math.max(min, value));
