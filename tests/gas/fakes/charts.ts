/**
 * Embedded charts: Sheet.newChart() builder, the built chart, and the `Charts` global's enums.
 * The typed builders (asBarChart(), asColumnChart()...) are the same object with the type changed;
 * their convenience setters are stored as the Gviz option they stand for, so describe() shows
 * every setting in one `options` map.
 */
import { SERVICE } from './record';

interface RangeLike {
  describe(): string;
}

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

export interface ChartDescription {
  id: number | null;
  type: string;
  ranges: string[];
  position: ChartPosition;
  options: Record<string, unknown>;
}

function enumOf<K extends string>(...keys: K[]): Readonly<Record<K, K>> {
  return Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as Record<K, K>);
}

/** The `Charts` global: only enums are needed by spreadsheet code. */
export class FakeCharts {
  readonly [SERVICE] = 'Charts';
  readonly ChartType = enumOf('AREA', 'BAR', 'COLUMN', 'COMBO', 'HISTOGRAM', 'LINE', 'PIE');
  readonly Position = enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE');
  readonly CurveStyle = enumOf('NORMAL', 'SMOOTH');
  readonly PointStyle = enumOf('NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE');
  readonly ChartHiddenDimensionStrategy = enumOf(
    'IGNORE_BOTH',
    'IGNORE_ROWS',
    'IGNORE_COLUMNS',
    'SHOW_BOTH',
  );
  readonly ChartMergeStrategy = enumOf('MERGE_COLUMNS', 'MERGE_ROWS');
}

interface ChartState {
  id: number | null;
  type: string;
  ranges: RangeLike[];
  position: ChartPosition;
  options: Record<string, unknown>;
}

function cloneState(state: ChartState): ChartState {
  return {
    ...state,
    ranges: [...state.ranges],
    position: { ...state.position },
    options: { ...state.options },
  };
}

export class FakeChartOptions {
  readonly [SERVICE] = 'SpreadsheetApp';
  constructor(private readonly options: Record<string, unknown>) {}
  get(option: string): unknown {
    return this.options[option] ?? null;
  }
}

export class FakeContainerInfo {
  readonly [SERVICE] = 'SpreadsheetApp';
  constructor(private readonly position: ChartPosition) {}
  getAnchorRow(): number {
    return this.position.anchorRow;
  }
  getAnchorColumn(): number {
    return this.position.anchorColumn;
  }
  getOffsetX(): number {
    return this.position.offsetX;
  }
  getOffsetY(): number {
    return this.position.offsetY;
  }
}

export class FakeEmbeddedChart {
  readonly [SERVICE] = 'SpreadsheetApp';
  constructor(readonly state: ChartState) {}

  getChartId(): number | null {
    return this.state.id;
  }
  getId(): string {
    return this.state.id === null ? '' : `chart-${this.state.id}`;
  }
  getType(): string {
    return this.state.type;
  }
  getRanges(): RangeLike[] {
    return [...this.state.ranges];
  }
  getOptions(): FakeChartOptions {
    return new FakeChartOptions({ ...this.state.options });
  }
  getContainerInfo(): FakeContainerInfo {
    return new FakeContainerInfo({ ...this.state.position });
  }
  modify(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(cloneState(this.state));
  }

  /** Test helper: a plain snapshot, ranges as 'Sheet!A1:B2'. */
  describe(): ChartDescription {
    const { id, type, position, options } = cloneState(this.state);
    return { id, type, ranges: this.state.ranges.map((r) => r.describe()), position, options };
  }
}

export class FakeEmbeddedChartBuilder {
  readonly [SERVICE] = 'SpreadsheetApp';
  private readonly state: ChartState;

  constructor(state?: ChartState) {
    this.state = state ?? {
      id: null,
      type: 'LINE',
      ranges: [],
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
      options: {},
    };
  }

  private option(name: string, value: unknown): this {
    this.state.options[name] = value;
    return this;
  }
  private typed(type: string): this {
    this.state.type = type;
    return this;
  }

  addRange(range: RangeLike): this {
    this.state.ranges.push(range);
    return this;
  }
  removeRange(range: RangeLike): this {
    const key = range.describe();
    this.state.ranges = this.state.ranges.filter((r) => r.describe() !== key);
    return this;
  }
  clearRanges(): this {
    this.state.ranges = [];
    return this;
  }
  getRanges(): RangeLike[] {
    return [...this.state.ranges];
  }
  setChartType(type: string): this {
    return this.typed(String(type));
  }
  getChartType(): string {
    return this.state.type;
  }
  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number): this {
    this.state.position = { anchorRow, anchorColumn, offsetX, offsetY };
    return this;
  }
  setOption(name: string, value: unknown): this {
    return this.option(name, value);
  }
  setNumHeaders(headers: number): this {
    return this.option('numHeaders', headers);
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    return this.option('transposeRowsAndColumns', transpose);
  }
  setMergeStrategy(strategy: string): this {
    return this.option('mergeStrategy', strategy);
  }
  setHiddenDimensionStrategy(strategy: string): this {
    return this.option('hiddenDimensionStrategy', strategy);
  }
  asAreaChart(): this {
    return this.typed('AREA');
  }
  asBarChart(): this {
    return this.typed('BAR');
  }
  asColumnChart(): this {
    return this.typed('COLUMN');
  }
  asComboChart(): this {
    return this.typed('COMBO');
  }
  asHistogramChart(): this {
    return this.typed('HISTOGRAM');
  }
  asLineChart(): this {
    return this.typed('LINE');
  }
  asPieChart(): this {
    return this.typed('PIE');
  }
  setTitle(title: string): this {
    return this.option('title', title);
  }
  setXAxisTitle(title: string): this {
    return this.option('hAxis.title', title);
  }
  setYAxisTitle(title: string): this {
    return this.option('vAxis.title', title);
  }
  setLegendPosition(position: string): this {
    return this.option('legend.position', position);
  }
  setColors(colors: string[]): this {
    return this.option('colors', [...colors]);
  }
  setBackgroundColor(color: string): this {
    return this.option('backgroundColor', color);
  }
  setStacked(): this {
    return this.option('isStacked', true);
  }
  setDimensions(width: number, height: number): this {
    this.option('width', width);
    return this.option('height', height);
  }
  setRange(start: number, end: number): this {
    return this.option('vAxis.viewWindow', { min: start, max: end });
  }
  set3D(): this {
    return this.option('is3D', true);
  }
  reverseCategories(): this {
    return this.option('reverseCategories', true);
  }
  useLogScale(): this {
    return this.option('vAxis.logScale', true);
  }
  setCurveStyle(style: string): this {
    return this.option('curveType', style);
  }
  setPointStyle(style: string): this {
    return this.option('pointStyle', style);
  }
  getContainer(): FakeContainerInfo {
    return new FakeContainerInfo({ ...this.state.position });
  }
  build(): FakeEmbeddedChart {
    return new FakeEmbeddedChart(cloneState(this.state));
  }
}
