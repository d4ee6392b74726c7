<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{{title}} &middot; Inkhouse admin</title>
  <link rel="stylesheet" href="/static/css/admin.css">
</head>
<body>
<header class="admin-header">
  <strong>Inkhouse admin</strong>
  % if staff:
  <nav>
    <a href="{{prefix}}/orders">Orders</a>
    <a href="{{prefix}}/reviews">Reviews</a>
    % if staff.is_owner:
    <a href="{{prefix}}/export.csv?status=paid&amp;status=printing">Packing list</a>
    % end
  </nav>
  <form action="{{prefix}}/logout" method="post" class="inline">
    {{!csrf_field()}}
    <button type="submit">Sign out {{staff.username}}</button>
  </form>
  % end
</header>
<main>
{{!base}}
</main>
</body>
</html>
