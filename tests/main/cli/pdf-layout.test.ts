import { describe, expect, it } from 'vitest'
import { layoutFaults, readBboxLayout } from '../../../src-main/cli/pdf-layout'

/** What `pdftotext -bbox-layout` writes, trimmed to the parts read: a 4:3 slide (720 × 540 pt) and a second page. */
const XHTML = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><title></title></head>
<body>
<doc>
  <page width="720.000000" height="540.000000">
    <flow><block xMin="36.0" yMin="30.0" xMax="420.5" yMax="62.0">
      <line xMin="36.0" yMin="30.0" xMax="420.5" yMax="62.0"><word xMin="36.0" yMin="30.0" xMax="200.0" yMax="62.0">GDP</word><word xMin="210.0" yMin="30.0" xMax="420.5" yMax="62.0">1,750 亿元</word></line>
    </block></flow>
    <flow><block xMin="36.0" yMin="55.0" xMax="300.0" yMax="70.0">
      <line xMin="36.0" yMin="55.0" xMax="300.0" yMax="70.0"><word xMin="36.0" yMin="55.0" xMax="300.0" yMax="70.0">Source — shine.cn</word></line>
    </block></flow>
    <flow><block xMin="36.0" yMin="70.5" xMax="300.0" yMax="84.0">
      <line xMin="36.0" yMin="70.5" xMax="300.0" yMax="84.0"><word xMin="36.0" yMin="70.5" xMax="300.0" yMax="84.0">touching,</word><word xMin="36.0" yMin="70.5" xMax="300.0" yMax="84.0">not over</word></line>
    </block></flow>
    <flow><block xMin="36.0" yMin="81.0" xMax="300.0" yMax="95.0">
      <line xMin="36.0" yMin="81.0" xMax="300.0" yMax="95.0"><word xMin="36.0" yMin="81.0" xMax="300.0" yMax="95.0">set tightly below</word></line>
    </block></flow>
  </page>
  <page width="720.000000" height="540.000000">
    <flow><block xMin="600.0" yMin="500.0" xMax="790.0" yMax="520.0">
      <line xMin="600.0" yMin="500.0" xMax="790.0" yMax="520.0"><word xMin="600.0" yMin="500.0" xMax="790.0" yMax="520.0">内部资料</word></line>
    </block></flow>
  </page>
</doc>
</body>
</html>`

describe('text layout of a converted deck', () => {
  it('reads pages, their sizes and each block with its words', () => {
    const pages = readBboxLayout(XHTML)
    expect(pages.map((p) => [p.page, p.width, p.height, p.blocks.length])).toEqual([
      [1, 720, 540, 4],
      [2, 720, 540, 1],
    ])
    expect(pages[0]!.blocks[0]).toEqual({ xMin: 36, yMin: 30, xMax: 420.5, yMax: 62, text: 'GDP 1,750 亿元' })
  })

  it('finds a source line drawn over a headline, and text running off the slide, but not lines that only touch or are set tightly', () => {
    expect(layoutFaults(readBboxLayout(XHTML))).toEqual([
      { page: 1, kind: 'overlap', texts: ['GDP 1,750 亿元', 'Source — shine.cn'] },
      { page: 2, kind: 'off-page', texts: ['内部资料'] },
    ])
  })

  it('a malformed layout file is an error, not an empty page', () => {
    expect(() => readBboxLayout('<doc><page width="1" height="1"><block>')).toThrow()
  })
})
