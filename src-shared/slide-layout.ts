/**
 * Slide geometry and the slide size profile: what a slide drawn on a screen
 * of a given size uses for margins and type. Pure arithmetic, shared by the
 * slide show, the presenter view's previews and the tests.
 *
 * The floors come from the presentation brief (issue 10): the slide title at
 * least 4% of the screen height, every chart text (axis labels, data labels,
 * legend) at least 2.4% of it (18 px at 768 px, 26 px at 1080 px). The font
 * scale setting only ever raises sizes above those floors when over 100%; at
 * 90% the floors still hold.
 */
import type { SizeProfile } from './charts/types'
import { FONT_SCALE_RANGE, OVERSCAN_RANGE } from './deck'

/** The smallest chart text, as a share of the screen height. */
export const CHART_TEXT_SHARE = 0.024
/** The smallest slide title, as a share of the screen height. */
export const TITLE_SHARE = 0.04

/** The screen a slide is laid out for, and the presentation settings that shape it. */
export interface SlideFrameInput {
  /** The screen (or preview box) the slide fills, px. */
  width: number
  height: number
  /** Margin kept clear on every edge, percent of each dimension (clamped to 0–10). */
  overscanPercent: number
  /** Text scale, percent (clamped to 90–150). */
  fontScalePercent: number
}

/** Where and how big a slide's parts are. Every length in px. */
export interface SlideFrame {
  /** Clear margin left/right and top/bottom (overscan). */
  marginX: number
  marginY: number
  /** The area inside the margins. */
  innerWidth: number
  innerHeight: number
  /** Inner padding of the slide's content area. */
  padding: number
  /** Slide title, subtitle/takeaway, footer (source, as-of, N / M) and chart text sizes. */
  titleSize: number
  takeawaySize: number
  footerSize: number
  textSize: number
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

/** Lays out a slide for a screen: margins, padding and type sizes. */
export function slideFrame(input: SlideFrameInput): SlideFrame {
  const overscan = clamp(input.overscanPercent, ...OVERSCAN_RANGE) / 100
  const scale = clamp(input.fontScalePercent, ...FONT_SCALE_RANGE) / 100
  const h = input.height
  const marginX = Math.round(input.width * overscan)
  const marginY = Math.round(h * overscan)
  const innerHeight = h - 2 * marginY
  // Never below the floor, whatever the scale; the scale raises it only as far as 3.2% of the
  // height inside the overscan margin, beyond which the plot itself would have no room left.
  const textSize = Math.ceil(Math.max(h * CHART_TEXT_SHARE, Math.min(h * CHART_TEXT_SHARE * scale, innerHeight * 0.032)))
  // Title and takeaway grow with the scale, but not past a share of the inner height (overscan and
  // a large scale on a small screen would leave the chart no room); the title never below its floor.
  const titleSize = Math.ceil(Math.max(h * TITLE_SHARE, Math.min(h * 0.05 * scale, innerHeight * 0.065)))
  const takeawaySize = Math.ceil(Math.max(textSize, Math.min(h * 0.03 * scale, innerHeight * 0.04)))
  return {
    marginX,
    marginY,
    innerWidth: input.width - 2 * marginX,
    innerHeight,
    padding: Math.round(h * 0.025),
    titleSize,
    takeawaySize,
    footerSize: textSize,
    textSize,
  }
}

/** The size profile the chart option builders use for a chart area `chartWidth` px wide on this frame. */
export function slideProfile(frame: SlideFrame, chartWidth: number, screenHeight: number): SizeProfile {
  return {
    small: frame.textSize,
    base: frame.textSize + 2,
    lineWidth: Math.max(3, Math.round(screenHeight / 220)),
    symbolSize: Math.max(10, Math.round(frame.textSize * 0.6)),
    width: Math.max(200, Math.floor(chartWidth) - 10),
  }
}
