/**
 * Reads a .pptx back the way PowerPoint would: the zip (fflate), each slide's
 * XML (fast-xml-parser), its named shapes and their text, its pictures with
 * their alt text, size on the slide and image bytes, and its speaker notes.
 */
import { XMLParser } from 'fast-xml-parser'
import { unzipSync } from 'fflate'

/** English Metric Units per inch (OOXML's unit of length). */
export const EMU_PER_INCH = 914400

export interface DeckShape {
  name: string
  text: string
  /** Fill colour (six hex digits) or null. */
  fill: string | null
  /** Every typeface named by the shape's runs. */
  fonts: string[]
  /** The text box asks to shrink its text on overflow (`<a:normAutofit/>`). */
  shrink: boolean
}

export interface DeckPicture {
  name: string
  alt: string
  /** Size on the slide, in EMU. */
  cx: number
  cy: number
  media: string
  bytes: Uint8Array
}

export interface DeckSlideRead {
  shapes: DeckShape[]
  pictures: DeckPicture[]
  notes: string
  /** The shape named `name`, or undefined. */
  shape(name: string): DeckShape | undefined
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', parseTagValue: false, trimValues: false, isArray: (name) => ['p:sp', 'p:pic', 'a:p', 'a:r', 'Relationship'].includes(name) })

function all<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

type Node = Record<string, unknown>

/** The text of a txBody: runs joined, paragraphs on their own lines. */
function bodyText(body: Node | undefined): string {
  return all(body?.['a:p'] as Node[])
    .map((p) => all(p['a:r'] as Node[]).map((r) => { const t = r['a:t']; return typeof t === 'object' && t !== null ? String((t as Node)['#text'] ?? '') : String(t ?? '') }).join(''))
    .join('\n')
}

function fontsOf(body: Node | undefined): string[] {
  const out = new Set<string>()
  for (const p of all(body?.['a:p'] as Node[])) for (const r of all(p['a:r'] as Node[])) {
    const pr = r['a:rPr'] as Node | undefined
    for (const k of ['a:latin', 'a:ea', 'a:cs']) { const f = (pr?.[k] as Node | undefined)?.['@typeface']; if (typeof f === 'string') out.add(f) }
  }
  return [...out]
}

/** Opens a deck and reads every slide, in order. */
export async function readDeck(bytes: Uint8Array): Promise<{ slides: DeckSlideRead[]; files: string[]; presentation: Node }> {
  const zip = unzipSync(bytes)
  const files = Object.keys(zip)
  const entry = (name: string): Uint8Array => {
    const f = zip[name]
    if (!f) throw new Error(`${name} is not in the deck`)
    return f
  }
  const text = async (name: string): Promise<string> => new TextDecoder().decode(entry(name))
  const presentation = parser.parse(await text('ppt/presentation.xml')) as Node
  const presRels = all(((parser.parse(await text('ppt/_rels/presentation.xml.rels')) as Node).Relationships as Node).Relationship as Node[])
  const ids = all((((presentation['p:presentation'] as Node)['p:sldIdLst'] as Node)['p:sldId']) as Node[])
  const slides: DeckSlideRead[] = []
  for (const id of ids) {
    const target = presRels.find((r) => r['@Id'] === id['@r:id'])!['@Target'] as string
    const path = `ppt/${target}`
    const relsPath = path.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels')
    const rels = all(((parser.parse(await text(relsPath)) as Node).Relationships as Node).Relationship as Node[])
    const tree = (((parser.parse(await text(path)) as Node)['p:sld'] as Node)['p:cSld'] as Node)['p:spTree'] as Node
    const shapes = all(tree['p:sp'] as Node[]).map((sp) => {
      const body = sp['p:txBody'] as Node | undefined
      const fill = (((sp['p:spPr'] as Node)['a:solidFill'] as Node | undefined)?.['a:srgbClr'] as Node | undefined)?.['@val']
      const shrink = body !== undefined && (body['a:bodyPr'] as Node | undefined)?.['a:normAutofit'] !== undefined
      return { name: String(((sp['p:nvSpPr'] as Node)['p:cNvPr'] as Node)['@name']), text: bodyText(body), fill: typeof fill === 'string' ? fill : null, fonts: fontsOf(body), shrink }
    })
    const pictures: DeckPicture[] = []
    for (const pic of all(tree['p:pic'] as Node[])) {
      const nv = (pic['p:nvPicPr'] as Node)['p:cNvPr'] as Node
      const embed = ((pic['p:blipFill'] as Node)['a:blip'] as Node)['@r:embed']
      const ext = ((pic['p:spPr'] as Node)['a:xfrm'] as Node)['a:ext'] as Node
      const media = `ppt/${String(rels.find((r) => r['@Id'] === embed)!['@Target']).replace(/^\.\.\//, '')}`
      pictures.push({ name: String(nv['@name']), alt: String(nv['@descr'] ?? ''), cx: Number(ext['@cx']), cy: Number(ext['@cy']), media, bytes: entry(media) })
    }
    const notesRel = rels.find((r) => String(r['@Type']).endsWith('/notesSlide'))
    let notes = ''
    if (notesRel) {
      const notesPath = `ppt/${String(notesRel['@Target']).replace(/^\.\.\//, '')}`
      const notesTree = (((parser.parse(await text(notesPath)) as Node)['p:notes'] as Node)['p:cSld'] as Node)['p:spTree'] as Node
      const body = all(notesTree['p:sp'] as Node[]).find((sp) => (((sp['p:nvSpPr'] as Node)['p:nvPr'] as Node)['p:ph'] as Node | undefined)?.['@type'] === 'body')
      notes = bodyText(body?.['p:txBody'] as Node | undefined).replace(/\r\n/g, '\n')
    }
    slides.push({ shapes, pictures, notes, shape: (name) => shapes.find((s) => s.name === name) })
  }
  return { slides, files, presentation }
}
