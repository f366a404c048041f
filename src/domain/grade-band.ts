// Grade bands of the 4–10 school scale, for reading comments by how the day was graded.

export const GRADE_BANDS = ["4-6", "7-8", "9-10"] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

/** The band of a grade; null for no grade or a value off the scale. Half grades (8.5) go down. */
export function gradeBand(grade: number | null): GradeBand | null {
  if (grade === null || !Number.isFinite(grade) || grade < 4 || grade > 10) return null;
  if (grade < 7) return "4-6";
  if (grade < 9) return "7-8";
  return "9-10";
}
