<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Change e-mail &middot; {{site_name}}</title>
  <link rel="stylesheet" href="/static/css/site.css">
</head>
<body class="simple-page">
<main>
  <h1>Change your e-mail address</h1>
  % if saved:
  <p class="notice">Saved. We'll send order updates to {{customer.email}} from now on.</p>
  % end
  % if error:
  <p class="error">{{error}}</p>
  % end
  <form action="/account/email" method="post">
    <label>New e-mail address
      <input type="email" name="email" value="{{customer.email}}" required>
    </label>
    <button type="submit">Save</button>
  </form>
  <p><a href="/account">Back to your account</a></p>
</main>
</body>
</html>
