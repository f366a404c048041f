// Typed options of the dashboard's own chart.js plugins, per chart under options.plugins.
import type { ChartType } from "chart.js";
import type { Interval } from "../../../../src/domain/stats";

export interface CiWhiskersOptions {
  /** Per dataset index, one interval (or null) per data point. */
  readonly intervals: Readonly<Record<number, readonly (Interval | null)[]>>;
  readonly color?: string;
}

export interface ValueLabelsOptions {
  /** Per dataset index, one label (or null for none) per data point. */
  readonly labels: Readonly<Record<number, readonly (string | null)[]>>;
  /** Keep labels clear of the whiskers: the interval tops per dataset, when drawn. */
  readonly clearOf?: Readonly<Record<number, readonly (Interval | null)[]>>;
  /** Per dataset index, the points whose label goes under the point (vertical charts): the lower of two close lines. */
  readonly below?: Readonly<Record<number, readonly boolean[]>>;
  readonly font?: string;
}

export interface ReferenceLineOptions {
  readonly value: number | null;
  readonly label: string;
  readonly color?: string;
}

declare module "chart.js" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    ciWhiskers?: CiWhiskersOptions | false;
    valueLabels?: ValueLabelsOptions | false;
    referenceLine?: ReferenceLineOptions | false;
  }
}
