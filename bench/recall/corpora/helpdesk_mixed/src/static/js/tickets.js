// Inline status change on the ticket list.
document.addEventListener('change', async (event) => {
  const select = event.target.closest('.status-select');
  if (!select) return;
  const row = select.closest('tr');
  row.classList.add('saving');
  try {
    const resp = await fetch(select.dataset.url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({status: select.value}),
    });
    if (!resp.ok) throw new Error(resp.statusText);
    row.classList.remove('saving');
  } catch (err) {
    row.classList.add('error');
    alert('Could not change the status: ' + err.message);
  }
});
