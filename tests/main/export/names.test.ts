import { describe, expect, it } from 'vitest'
import { chartFileName, dashboardFileName, deckFileName, packDeckName, packFileName, packPdfName, slug, withExtension } from '../../../src-main/export/names'
import { escapeXml, textWidth, wrapText } from '../../../src-main/export/text'

describe('file names', () => {
  it('are numbered, lower-case ASCII with hyphens', () => {
    expect(packFileName(7, 'industry', 'industry-gdp', 'zh-CN', 'png')).toBe('07-industry-gdp-zh-cn.png')
    expect(packFileName(12, 'cities', 'cities-map', 'en', 'svg')).toBe('12-cities-map-en.svg')
    expect(packFileName(1, 'rectification', 'rect-firms', 'en', 'png')).toBe('01-rectification-rect-firms-en.png')
    expect(packPdfName('zh-CN')).toBe('00-briefing-zh-cn.pdf')
    expect(chartFileName('industry', 'industry-gdp', 'en', 'jpg')).toBe('industry-gdp-en.jpg')
    expect(dashboardFileName('cities', 'a4', 'zh-CN', 'pdf')).toBe('dashboard-cities-a4-zh-cn.pdf')
    expect(packDeckName('zh-CN')).toBe('00-briefing-zh-cn.pptx')
    expect(deckFileName('zh-CN', '16:9')).toBe('briefing-deck-zh-cn-16x9.pptx')
    expect(deckFileName('en', '4:3')).toBe('briefing-deck-en-4x3.pptx')
  })

  it('strip anything unsafe', () => {
    expect(slug('GDP (2015–2022) / 亿元')).toBe('gdp-2015-2022')
    expect(slug('Café ../..\\x')).toBe('cafe-x')
    expect(slug('松江')).toBe('x')
  })
})

describe('withExtension', () => {
  it('adds the extension when the name typed in the save dialog has none (GTK adds nothing)', () => {
    expect(withExtension('/home/u/briefing', 'png')).toBe('/home/u/briefing.png')
    expect(withExtension('/home/u/briefing', 'pdf')).toBe('/home/u/briefing.pdf')
    expect(withExtension('/home/u/my.charts/briefing', 'svg')).toBe('/home/u/my.charts/briefing.svg')
  })

  it('keeps a name that already ends in it, in any case, with .jpeg counting for jpg', () => {
    expect(withExtension('/home/u/briefing.png', 'png')).toBe('/home/u/briefing.png')
    expect(withExtension('C:\\Users\\u\\Briefing.PDF', 'pdf')).toBe('C:\\Users\\u\\Briefing.PDF')
    expect(withExtension('/home/u/photo.jpeg', 'jpg')).toBe('/home/u/photo.jpeg')
    expect(withExtension('/home/u/photo.JPG', 'jpg')).toBe('/home/u/photo.JPG')
  })

  it('adds it after another extension, since the content is what the format says', () => {
    expect(withExtension('/home/u/briefing.v2', 'png')).toBe('/home/u/briefing.v2.png')
    expect(withExtension('/home/u/chart.svg', 'png')).toBe('/home/u/chart.svg.png')
    expect(withExtension('/home/u/.png', 'png')).toBe('/home/u/.png.png')
  })
})

describe('caption text', () => {
  it('escapes XML', () => {
    expect(escapeXml(`a < b & "c" 'd' >\u0001`)).toBe('a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt;')
  })

  it('counts CJK as 1em and Latin narrower', () => {
    expect(textWidth('松江', 10)).toBe(20)
    expect(textWidth('ab', 10)).toBeLessThan(12)
  })

  it('wraps between words and between CJK characters, within the width', () => {
    const en = wrapText('Songjiang Yearbook 2018, page 197; Shanghai Daily district feature', 200, 12)
    expect(en.length).toBeGreaterThan(1)
    for (const l of en) expect(textWidth(l, 12)).toBeLessThanOrEqual(200)
    expect(en.join(' ')).toBe('Songjiang Yearbook 2018, page 197; Shanghai Daily district feature')
    const zh = wrapText('来源：松江区统计年鉴二〇一八年第一百九十七页', 100, 12)
    for (const l of zh) expect(textWidth(l, 12)).toBeLessThanOrEqual(100)
    expect(zh.join('')).toBe('来源：松江区统计年鉴二〇一八年第一百九十七页')
  })

  it('cuts with an ellipsis after maxLines', () => {
    const lines = wrapText('word '.repeat(100), 100, 12, { maxLines: 2 })
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/…$/)
  })
})
