import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { markdownOptions } from '../../src/markdown/pipeline.ts';

async function render(markdown: string, frontmatter: Record<string, unknown> = {}) {
  const processor = await createMarkdownProcessor(markdownOptions as any);
  return (await processor.render(markdown, { frontmatter } as any)).code;
}

describe('the Markdown pipeline', () => {
  it('renders emphasis next to full-width punctuation as emphasis', async () => {
    expect(await render('打造**“党建+”**品牌')).toBe('<p>打造<strong>“党建+”</strong>品牌</p>');
    expect(await render('**“加粗”**后')).toBe('<p><strong>“加粗”</strong>后</p>');
  });

  it('renders strikethrough next to full-width punctuation', async () => {
    expect(await render('这是~~“删除”~~的字')).toBe('<p>这是<del>“删除”</del>的字</p>');
  });

  it('keeps the source’s quotes and dashes (no smart punctuation)', async () => {
    expect(await render('他说"好"--然后...')).toBe('<p>他说"好"--然后...</p>');
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
    const html = await render('急救技能[[c2]]培训', { corrections: [{ id: 'c2' }] });
    expect(html).toBe(
      '<p>急救技能<sup class="correction-ref" data-pagefind-ignore=""><a href="#note-c2" id="ref-c2" role="doc-noteref" aria-label="校2（校勘记第2条）">校2</a></sup>培训</p>',
    );
  });

  it('expands a correction mark inside a raw-HTML caption', async () => {
    const html = await render('<p class="caption">医院开展主题党日活[[c20]]</p>', { corrections: [{ id: 'c20' }] });
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
});
