// Progressive enhancement of the share links: without this script «نشانی خبر» is a plain link to
// the article. With it, the link copies the address, and phones get their own share sheet.
(() => {
  const link = document.querySelector('.share-link[data-copy]');
  const status = document.querySelector('.share-status');
  if (!link || !status) return;
  const url = link.getAttribute('data-copy');
  const say = (text) => {
    status.textContent = text;
  };
  if (navigator.clipboard) {
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'share-copy';
    copy.textContent = 'رونوشت نشانی';
    copy.addEventListener('click', () => {
      navigator.clipboard.writeText(url).then(
        () => say('نشانی خبر رونوشت شد.'),
        () => say('رونوشت نشد؛ نشانی را از نوار نشانی بردارید.'),
      );
    });
    link.replaceWith(copy);
  }
  if (navigator.share) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'share-native';
    button.textContent = 'دیگر برنامه‌ها';
    button.addEventListener('click', () => {
      navigator.share({ title: document.title, url }).catch(() => {});
    });
    item.append(button);
    link.closest('ul')?.append(item);
  }
})();
