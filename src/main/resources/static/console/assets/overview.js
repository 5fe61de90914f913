// Draws the overview's charts from the JSON the page carries (no inline script: the console's CSP forbids it).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('overview-data').textContent);
  var label = JSON.parse(document.getElementById('overview-labels').textContent);
  var blue = '#2563eb', green = '#16a34a', orange = '#ea580c', grey = '#9ca3af', red = '#dc2626';
  var common = { responsive: true, maintainAspectRatio: false, animation: false };

  new Chart(document.getElementById('chart-daily'), {
    type: data.days.length > 1 ? 'line' : 'bar',
    data: { labels: data.days, datasets: [
      { label: label.conversations, data: data.conversations, borderColor: blue, backgroundColor: blue },
      { label: label.resolved, data: data.resolved, borderColor: green, backgroundColor: green },
      { label: label.handovers, data: data.handovers, borderColor: orange, backgroundColor: orange },
      { label: label.unanswered, data: data.unanswered, borderColor: red, backgroundColor: red }
    ] },
    options: Object.assign({ scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }, common)
  });
  new Chart(document.getElementById('chart-outcomes'), {
    type: 'doughnut',
    data: { labels: [label.resolved, label.handovers, label.other],
            datasets: [{ data: data.outcomes, backgroundColor: [green, orange, grey] }] },
    options: common
  });
  new Chart(document.getElementById('chart-intents'), {
    type: 'bar',
    data: { labels: data.intents, datasets: [{ label: label.conversations, data: data.intentCounts, backgroundColor: blue }] },
    options: Object.assign({ indexAxis: 'y', plugins: { legend: { display: false } },
                             scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }, common)
  });
  new Chart(document.getElementById('chart-csat'), {
    type: 'bar',
    data: { labels: ['1', '2', '3', '4', '5'], datasets: [{ label: label.ratings, data: data.ratings,
            backgroundColor: [red, orange, grey, '#65a30d', green] }] },
    options: Object.assign({ plugins: { legend: { display: false } },
                             scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }, common)
  });
  document.body.setAttribute('data-charts', 'drawn');
})();
