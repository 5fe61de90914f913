// The web desk follows its conversation: new transcript lines and owner changes arrive as server-sent events.
(function () {
  const url = document.body.dataset.feed;
  const transcript = document.getElementById('transcript');
  if (!url || !transcript || !window.EventSource) {
    return;
  }
  const feed = new EventSource(url);
  feed.onopen = function () {
    document.body.dataset.live = 'on';
  };
  feed.addEventListener('line', function (e) {
    const line = JSON.parse(e.data);
    const li = document.createElement('li');
    li.className = line.role;
    const meta = document.createElement('span');
    meta.className = 'small muted';
    meta.textContent = line.role + ' · ' + line.at;
    const text = document.createElement('span');
    text.textContent = line.text;
    li.append(meta, document.createElement('br'), text);
    transcript.append(li);
    li.scrollIntoView({block: 'nearest'});
  });
  feed.addEventListener('owner', function (e) {
    const owner = document.getElementById('desk-owner');
    if (owner) {
      owner.textContent = e.data;
    }
  });
})();
