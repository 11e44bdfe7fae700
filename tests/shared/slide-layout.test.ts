import { describe, expect, it } from 'vitest'
import { slideFrame, slideProfile } from '../../src-shared/slide-layout'

describe('slide layout', () => {
  it('keeps chart text at 2.4% and the title at 4% of the screen height, whatever the font scale', () => {
    for (const [w, h] of [[1024, 768], [1280, 800], [1920, 1080], [1400, 1050]] as const) {
      for (const scale of [90, 100, 150]) {
        const f = slideFrame({ width: w, height: h, overscanPercent: 0, fontScalePercent: scale })
        expect(f.textSize).toBeGreaterThanOrEqual(h * 0.024)
        expect(f.titleSize).toBeGreaterThanOrEqual(h * 0.04)
        expect(slideProfile(f, w, h).small).toBe(f.textSize)
      }
    }
    expect(slideFrame({ width: 1024, height: 768, overscanPercent: 0, fontScalePercent: 100 }).textSize).toBe(19)
    expect(slideFrame({ width: 1920, height: 1080, overscanPercent: 0, fontScalePercent: 120 }).textSize).toBe(32)
    // A larger scale stops where the plot would lose its room: 3.2% of the height inside the margins.
    expect(slideFrame({ width: 1920, height: 1080, overscanPercent: 0, fontScalePercent: 150 }).textSize).toBe(35)
    expect(slideFrame({ width: 1024, height: 768, overscanPercent: 10, fontScalePercent: 150 }).textSize).toBe(20)
  })

  it('keeps the overscan margin clear and clamps out-of-range settings', () => {
    const f = slideFrame({ width: 1000, height: 800, overscanPercent: 5, fontScalePercent: 100 })
    expect([f.marginX, f.marginY, f.innerWidth, f.innerHeight]).toEqual([50, 40, 900, 720])
    const g = slideFrame({ width: 1000, height: 800, overscanPercent: 40, fontScalePercent: 500 })
    expect(g.marginX).toBe(100)
    expect(g.textSize).toBe(Math.ceil(640 * 0.032))
  })
})
