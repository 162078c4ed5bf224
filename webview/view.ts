// The per-root view: its DOM handles, the user's view state and the last frame's geometry.
import type { Selection } from 'd3';
import type { ExportFormat } from '../src/shared/webviewProtocol';
import type { InspectorContent } from './inspector';
import type { Layout, SwimlaneModel } from './layout';
import type { Overview } from './overview';
import type { Palette } from './palette';
import type { TimeZoom } from './timeZoom';
import type { Toolbar } from './toolbar';
import type { ViewState } from './viewState';

/** An HTML selection. */
export type Html<E extends HTMLElement = HTMLElement> = Selection<E, unknown, null, undefined>;
/** An SVG root selection. */
export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/** Options of render(): host strings, callbacks for what needs the host, restored state. */
export interface RenderOptions {
  /** UI string overrides from the host. */
  strings?: Readonly<Record<string, string>>;
  /** Changes when the host resets the model; the view then fits the new run. */
  epoch?: number;
  /** Row height in px; by default rows fill the height, 16–26 px (100+ lanes stay compact). */
  laneHeight?: number;
  /** Called by the Stop button; the button is hidden when absent. */
  onStop?: () => void;
  /** "Go to source" / double-click on an item that has a source location. */
  onOpenSource?: (file: string, line: number) => void;
  /** The Export buttons built a file. */
  onExport?: (format: ExportFormat, data: string) => void;
  /** The user changed the view (zoom, selection, filter, lanes shown); save it to restore later. */
  onState?: (state: ViewState) => void;
  /** State to start from when the view is created (read once). */
  initialState?: ViewState;
  /** A panel revived after a window reload without its run (still running then, or too big
   *  to keep): say so instead of waiting for events, with no state badge and no Stop. */
  notKept?: boolean;
}

/** Everything a root keeps between redraws. */
export interface View {
  header: Html;
  toolbar: Toolbar;
  legend: Html<HTMLDivElement>;
  overview: Overview;
  plot: Html<HTMLDivElement>;
  axis: Svg;
  scroll: Html<HTMLDivElement>;
  lanes: Svg;
  /** Lane labels, over the lanes' label column (an own layer: zoom frames do not repaint them). */
  labels: Svg;
  /** Canvas under the lanes for dense span layers (hidden when the SVG draws the spans). */
  dense: HTMLCanvasElement;
  band: Html<HTMLDivElement>;
  empty: Html<HTMLDivElement>;
  tip: Html<HTMLDivElement>;
  inspector: Html;
  announce: Html<HTMLDivElement>;
  zoom: TimeZoom;
  /** The model as received, and as shown after the filter. */
  model: SwimlaneModel;
  shown: SwimlaneModel;
  shownKey: { model: SwimlaneModel | null; filter: string };
  options: RenderOptions;
  state: ViewState;
  inspectorOpen: boolean;
  layout: Layout | null;
  /** Plot geometry of the last draw: label column, plot x range, run end (ns). */
  labelWidth: number;
  right: number;
  end: number;
  epoch: number | undefined;
  raf: number;
  /** What the header, toolbar and legend were last drawn from (redrawn when any of it changes). */
  chrome: unknown[];
  /** Canvas colours from the theme; null after a theme change (read again in the next draw). */
  palette: Palette | null;
  /** The user changed the view since the last draw: save the state in the next one. */
  stateDirty: boolean;
  /** Inspector content of the last draw (tests and export read it). */
  content: InspectorContent | null;
  /** A restored zoom window, applied once the model has lanes. */
  pendingWindow: [number, number] | null;
  /** True after a restore: the next reset is the same run coming back, not a new one. */
  keepNextReset: boolean;
}
