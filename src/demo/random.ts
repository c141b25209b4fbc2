import { mulberry32 } from "../core/random";

/** A seeded pseudo-random generator (mulberry32), so demo data is the same on every run. */
export class SeededRandom {
  private readonly generate: () => number;

  constructor(seed: number) {
    this.generate = mulberry32(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.generate();
  }

  /** An integer in [min, max] inclusive. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One item of a list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A version-4-shaped UUID from the generator (deterministic ids for demo rows). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = "4";
    hex[16] = ((Math.floor(this.next() * 4) + 8) as number).toString(16);
    const text = hex.join("");
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  }
}
