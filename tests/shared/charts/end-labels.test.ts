import { describe, expect, it } from 'vitest'
import { spreadLabels } from '../../../src-shared/charts/end-labels'

describe('spreading end labels', () => {
  it('spreads labels per column, as a stack centred on its points, inside the plot', () => {
    // Two labels at the same height in different columns stay level with their points.
    expect(spreadLabels([100, 100], 16, 300, ['2021', '2022'])).toEqual([0, 0])
    // Three at one point: the middle one stays, the others move one gap up and down.
    expect(spreadLabels([100, 100, 100], 16, 300)).toEqual([-16, 0, 16])
    // A stack at the bottom is kept inside, the lowest label's centre half a gap above the plot's foot (the x axis), not on it.
    expect(spreadLabels([295, 298, 300], 16, 300).map((o, i) => o + [295, 298, 300][i]!)).toEqual([260, 276, 292])
    // Far-apart labels never move; a missing point is left alone.
    expect(spreadLabels([10, null, 200], 16, 300)).toEqual([0, 0, 0])
  })

})
