/**
 * p.18: the monthly UPP plan is approved by the head of the MPS, or by the person replacing him. Who that is on a day
 * is recorded (ours): the head with the day he took the post, and each replacement for a period under the chief's
 * order. A replacement covering the day comes first.
 */
export interface MpsDesignation {
  userId: number;
  kind: 'head' | 'acting';
  from: string;
  /** the last day; null for a head still in the post */
  to: string | null;
}

export function approverOn(
  designations: readonly MpsDesignation[],
  date: string,
): { userId: number; kind: 'head' | 'acting' } | null {
  const covers = (d: MpsDesignation) => d.from <= date && (d.to === null || date <= d.to);
  const found =
    designations.find((d) => d.kind === 'acting' && covers(d)) ??
    designations.find((d) => d.kind === 'head' && covers(d));
  return found ? { userId: found.userId, kind: found.kind } : null;
}
