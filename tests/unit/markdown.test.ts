import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { markdownOptions } from '../../src/markdown/pipeline.ts';

async function render(markdown: string, frontmatter: Record<string, unknown> = {}) {
  const processor = await createMarkdownProcessor(markdownOptions as any);
  return (await processor.render(markdown, { frontmatter } as any)).code;
}

/** The rendered HTML without paragraph ids and self-links, for tests about other markup. */
async function renderPlain(markdown: string, frontmatter: Record<string, unknown> = {}) {
  return (await render(markdown, frontmatter)).replace(/ id="p-[^"]*"/g, '').replace(/<a class="para-link"[^>]*><\/a>/g, '');
}

/** Each paragraph's id, in reading order. */
async function paragraphIds(markdown: string, frontmatter: Record<string, unknown> = {}) {
  return [...(await render(markdown, frontmatter)).matchAll(/<p[^>]* id="([^"]+)"/g)].map((m) => m[1]);
}

describe('the Markdown pipeline', () => {
  it('renders emphasis next to full-width punctuation as emphasis', async () => {
    expect(await renderPlain('打造**“党建+”**品牌')).toBe('<p>打造<strong>“党建+”</strong>品牌</p>');
    expect(await renderPlain('**“加粗”**后')).toBe('<p><strong>“加粗”</strong>后</p>');
  });

  it('renders strikethrough next to full-width punctuation', async () => {
    expect(await renderPlain('这是~~“删除”~~的字')).toBe('<p>这是<del>“删除”</del>的字</p>');
  });

  it('keeps the source’s quotes and dashes (no smart punctuation)', async () => {
    expect(await renderPlain('他说"好"--然后...')).toBe('<p>他说"好"--然后...</p>');
  });

  it('gives section headings the declared ASCII id and other headings ASCII ids', async () => {
    const html = await render('## 编者按\n\n正文\n\n### 小标题\n\n## 多维度发力\n\n文', {
      sections: [{ id: 'chen-guoqi', heading: '多维度发力', kind: 'essay' }],
    });
    expect(html).toContain('<h2 id="h-1">编者按</h2>');
    expect(html).toContain('<h3 id="h-2">小标题</h3>');
    expect(html).toContain(
      '<section id="chen-guoqi" class="article-section" data-section-kind="essay" aria-labelledby="chen-guoqi-title"><h2 id="chen-guoqi-title">多维度发力</h2>',
    );
  });

  it('turns a correction mark into a note reference that search and fidelity skip', async () => {
    const html = await renderPlain('急救技能[[c2]]培训', { corrections: [{ id: 'c2' }] });
    expect(html).toBe(
      '<p>急救技能<sup class="correction-ref" data-pagefind-ignore=""><a href="#note-c2" id="ref-c2" role="doc-noteref" aria-label="校2（校勘记第2条）">校2</a></sup>培训</p>',
    );
  });

  it('expands a correction mark inside a raw-HTML caption', async () => {
    const html = await renderPlain('<p class="caption">医院开展主题党日活[[c20]]</p>', { corrections: [{ id: 'c20' }] });
    expect(html).toContain('<p class="caption">医院开展主题党日活<sup class="correction-ref" data-pagefind-ignore=""><a href="#note-c20"');
  });

  it('rejects marks that name no correction, listing them in reading order', async () => {
    await expect(render('文[[c1]]字\n\n<p class="caption">图[[c9]]</p>\n\n又[[c2]]', { corrections: [{ id: 'c2' }] })).rejects.toThrow(
      'correction marks [[c1]], [[c9]] name no entry in `corrections`',
    );
  });

  it('rejects a declared section whose heading is not in the body', async () => {
    await expect(render('## 别的标题\n\n文', { sections: [{ id: 'gone', heading: '不在正文' }] })).rejects.toThrow(
      'sections[0].heading "不在正文" matches no heading in the body',
    );
  });

  describe('paragraph ids', () => {
    const corrections = { corrections: [{ id: 'c1' }] };
    const body = ['党建强，则医院兴。', '<p class="caption">▲ 开展义诊办实事</p>', '近年来，医院以党建为魂。', '旗帜领航筑堡垒。'];

    it('gives every paragraph, captions included, a unique ASCII id and a self-link', async () => {
      const html = await render(body.join('\n\n'));
      const ids = await paragraphIds(body.join('\n\n'));
      expect(ids).toHaveLength(4);
      expect(new Set(ids).size).toBe(4);
      for (const id of ids) expect(id).toMatch(/^p-[0-9a-z]{6}$/);
      for (const id of ids) expect(html).toContain(`<a class="para-link" href="#${id}" aria-label="本段链接"></a></p>`);
    });

    it('keeps every other id when a paragraph is inserted, edited or removed', async () => {
      const [a, b, c, d] = await paragraphIds(body.join('\n\n'));
      const inserted = await paragraphIds(['新插入的一段。', ...body].join('\n\n'));
      expect(inserted.slice(1)).toEqual([a, b, c, d]);
      const edited = await paragraphIds([body[0], body[1], '近年来，医院以党建为本。', body[3]].join('\n\n'));
      expect(edited).toEqual([a, b, expect.not.stringMatching(c), d]);
      expect(await paragraphIds([body[0], body[2], body[3]].join('\n\n'))).toEqual([a, c, d]);
    });

    it('ignores correction marks, emphasis, line breaks and width, not the words', async () => {
      const [id] = await paragraphIds('党建强，则医院兴。');
      expect(await paragraphIds('党建强[[c1]]，则医院兴。', corrections)).toEqual([id]);
      expect(await paragraphIds('**党建强**，则\n医院兴。')).toEqual([id]);
      expect(await paragraphIds('党建强,则医院兴。')).toEqual([id]);
      expect(await paragraphIds('党建弱，则医院兴。')).not.toEqual([id]);
    });

    it('numbers identical paragraphs in reading order', async () => {
      const [id] = await paragraphIds('▲ 免费送药下乡');
      expect(await paragraphIds('▲ 免费送药下乡\n\n别的\n\n▲ 免费送药下乡\n\n▲ 免费送药下乡')).toEqual([
        id,
        expect.stringMatching(/^p-/),
        `${id}-2`,
        `${id}-3`,
      ]);
    });
  });
});
