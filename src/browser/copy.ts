/** Copy buttons: shown only where the Clipboard API exists; they say when the text is copied. */
export function enableCopyButtons(root: ParentNode = document): void {
  if (!navigator.clipboard) return;
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
    const target = document.getElementById(button.dataset.copyTarget ?? '');
    if (!target) continue;
    const label = button.textContent ?? '';
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(target.textContent ?? '');
        button.textContent = '已复制';
      } catch {
        button.textContent = '复制失败，请手动选择';
      }
      setTimeout(() => (button.textContent = label), 2000);
    });
  }
}
