% rebase('admin/layout.tpl', title='Orders')
<h1>Orders <small>({{total}})</small></h1>

<ul class="summary">
% for name in statuses:
  % row = summary.get(name)
  <li><a href="?status={{name}}">{{name.title()}}</a>: {{row['n'] if row else 0}}</li>
% end
</ul>

<form method="get" class="filters">
  <input type="search" name="q" value="{{q}}" placeholder="Reference or e-mail">
  <select name="status">
    <option value="">Any status</option>
    % for name in statuses:
    <option value="{{name}}" {{'selected' if name == status else ''}}>{{name.title()}}</option>
    % end
  </select>
  <input type="hidden" name="sort" value="{{sort}}">
  <button type="submit">Filter</button>
</form>

<table class="orders">
  <thead>
    <tr>
      <th><a href="?sort=reference&amp;dir={{'asc' if direction == 'desc' else 'desc'}}">Reference</a></th>
      <th><a href="?sort=email&amp;dir={{'asc' if direction == 'desc' else 'desc'}}">Customer</a></th>
      <th>Status</th>
      <th class="num"><a href="?sort=total&amp;dir={{'asc' if direction == 'desc' else 'desc'}}">Total</a></th>
      <th><a href="?sort=created_at&amp;dir={{'asc' if direction == 'desc' else 'desc'}}">Placed</a></th>
    </tr>
  </thead>
  <tbody>
  % for row in rows:
    <tr>
      <td><a href="{{prefix}}/orders/{{row['id']}}">{{row['reference']}}</a></td>
      <td>{{row['email']}}</td>
      <td>{{!badge(row['status'])}}</td>
      <td class="num">{{money(row['total'], row['currency'])}}</td>
      <td>{{row['created_at'].strftime('%d %b %H:%M')}}</td>
    </tr>
  % end
  </tbody>
</table>

<nav class="pager">
% if page > 1:
  <a href="?page={{page - 1}}&amp;status={{status or ''}}&amp;sort={{sort}}&amp;dir={{direction}}">Previous</a>
% end
% if len(rows) >= 40:
  <a href="?page={{page + 1}}&amp;status={{status or ''}}&amp;sort={{sort}}&amp;dir={{direction}}">Next</a>
% end
</nav>
