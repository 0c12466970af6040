import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/search/index/page-record.ts';
import { buildRecord, encodeAnchors, printedText } from '../../src/search/index/record.ts';
import { pageUrl } from '../../src/search/index/build.ts';
import { decodeAnchors, anchorFor, linkFor } from '../../src/search/query/engine.ts';
import { decodeContent, encodePrinted } from '../../src/search/content-codec.ts';
import { identityFold, tokenize } from '../../src/search/tokenizer.ts';

const html = `<!doctype html><html lang="zh-Hans-CN"><head><title>标题｜站名</title>
<meta data-pagefind-filter="province[content]" content="湖北省">
<meta data-pagefind-filter="hospital[content]" content="随州市中心医院">
<meta data-pagefind-sort="date[content]" content="2021-03"></head>
<body><nav>导航不算</nav>
<article data-pagefind-body>
  <h1 id="t">党建引领践初心</h1>
  <dl data-pagefind-ignore><dt>日期</dt><dd>2021年</dd></dl>
  <p>医院对45项新技术<sup data-pagefind-ignore>校1</sup>完成了初审。&amp;&lt;x&gt;</p>
  <section id="foundation"><h2 id="foundation-title">夯根基</h2><p>第一段<script>var s = "脚本";</script><style>p{}</style></p>
  <h3 id="h-1">小标题</h3><p>第二段</p></section>
  <template>模板</template><noscript><p>无脚本</p></noscript>
  <div data-pagefind-body>内层</div>
</article>
<footer>页脚不算</footer></body></html>`;

describe('reading a built page', () => {
  const page = extractPage(html)!;
  it('takes the text of data-pagefind-body as a browser with JavaScript off does', () => {
    const flat = page.text.replace(/\s+/g, '');
    expect(flat).toBe('党建引领践初心医院对45项新技术完成了初审。&<x>夯根基第一段小标题第二段无脚本内层');
  });
  it('records sections and headings with ids', () => {
    expect(page.anchors.map((a) => [a.kind, a.id, a.section ?? ''])).toEqual([
      ['heading', 't', ''],
      ['section', 'foundation', ''],
      ['heading', 'foundation-title', 'foundation'],
      ['heading', 'h-1', 'foundation'],
    ]);
    const s = page.anchors.find((a) => a.id === 'foundation')!;
    expect(page.text.slice(s.start, s.end).replace(/\s+/g, '')).toBe('夯根基第一段小标题第二段');
  });
  it('reads filters, sort keys and the title', () => {
    expect(page.filters).toEqual({ province: ['湖北省'], hospital: ['随州市中心医院'] });
    expect(page.sort).toEqual({ date: '2021-03' });
    expect(page.title).toBe('党建引领践初心');
  });
  it('skips pages without data-pagefind-body', () => {
    expect(extractPage('<html><body><p>文字</p></body></html>')).toBeNull();
  });
});

describe('links to paragraphs', () => {
  const link = (id: string) => `<a class="para-link" href="#${id}" aria-label="本段链接"></a>`;
  const built = `<!doctype html><html><head><title>题</title></head><body><article data-pagefind-body><h1 id="t">题</h1>
<p id="p-aaaaaa">开头一段${link('p-aaaaaa')}</p>
<section id="s"><h2 id="s-title">节名</h2><p id="p-bbbbbb">甲段<sup data-pagefind-ignore>校1</sup>后文${link('p-bbbbbb')}</p>
<p id="p-cccccc">乙段${link('p-cccccc')}</p></section></article></body></html>`;
  const page = extractPage(built)!;
  const tokens = tokenize(page.text);
  const record = buildRecord(page, '/articles/y/', identityFold);
  const file = printedText(page, tokens);
  const shown = decodeContent(record.content, file);
  const at = (s: string) => shown.findIndex((_, i) => [...s].every((c, j) => shown[i + j]?.key === c));

  it('keeps paragraph ids out of the word-indexed meta, in the printed file after its text', () => {
    expect(record.meta.anchors).not.toContain('p-');
    expect(file).toContain('p-bbbbbb');
    expect(shown.map((t) => t.text).join('')).toBe(
      decodeContent(record.content, encodePrinted(tokens))
        .map((t) => t.text)
        .join(''),
    );
  });
  it('links a hit to the paragraph holding it; its place (section or heading) stays what it was', () => {
    const anchors = decodeAnchors(record.meta.anchors, file);
    expect(linkFor(anchors, at('开头'))).toBe('p-aaaaaa');
    expect(linkFor(anchors, at('甲段'))).toBe('p-bbbbbb');
    expect(linkFor(anchors, at('后文'))).toBe('p-bbbbbb');
    expect(linkFor(anchors, at('乙段'))).toBe('p-cccccc');
    expect(anchorFor(anchors, at('乙段'))?.id).toBe('s');
    expect(linkFor(anchors, at('节名'))).toBe('s');
    expect(linkFor(anchors, 0)).toBe('t');
  });
  it('links to the section or heading when the printed file has no paragraphs', () => {
    expect(linkFor(decodeAnchors(record.meta.anchors, encodePrinted(tokens)), at('乙段'))).toBe('s');
  });
});

describe('the index record', () => {
  const page = extractPage(html)!;
  const record = buildRecord(page, '/articles/x/', identityFold);
  it('holds the page text as tokens, anchors as token ranges', () => {
    const tokens = decodeContent(record.content, encodePrinted(tokenize(page.text)));
    expect(tokens.map((t) => t.text).join('')).toBe(
      tokenize(page.text)
        .map((t) => t.text)
        .join(''),
    );
    const anchors = decodeAnchors(record.meta.anchors);
    const second = tokens.findIndex((t, i) => t.key === '第' && tokens[i + 1].key === '二');
    expect(anchorFor(anchors, second)?.id).toBe('h-1');
    const first = tokens.findIndex((t, i) => t.key === '第' && tokens[i + 1].key === '一');
    expect(anchorFor(anchors, first)?.id).toBe('foundation');
    expect(anchorFor(anchors, 0)?.id).toBe('t');
    expect(record.meta.title).toBe('党建引领践初心');
    expect(record.sort.date).toBe('2021-03');
  });
  it('keeps the printed text, a space where the page breaks a line, a gap where it shows unindexed text, and no extra index words', () => {
    const shown = decodeContent(record.content, encodePrinted(tokenize(page.text)))
      .map((t) => t.text)
      .join('');
    expect(shown).toBe('党建引领践初心\u2029医院对45项新技术\u2029完成了初审。&<x> 夯根基 第一段 小标题 第二段 无脚本 内层');
    expect(record.content.split(' ').every((w) => [...w].length === 1 || /^x[0-9a-f]+$/.test(w))).toBe(true);
  });
  it('maps built files to site paths', () => {
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('articles/x/index.html')).toBe('/articles/x/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });
  it('encodes ids that contain separators', () => {
    const tokens = tokenize('一二三');
    const value = encodeAnchors([{ id: 'a:b,c', kind: 'heading', start: 0, end: 2 }], tokens);
    expect(decodeAnchors(value)[0]).toMatchObject({ id: 'a:b,c', first: 0, last: 2 });
  });
});
