% rebase('admin/layout.tpl', title='Sign in')
<h1>Staff sign in</h1>
% if error:
<p class="error">{{error}}</p>
% end
<form action="{{prefix}}/login" method="post">
  {{!csrf_field()}}
  <label>Username <input name="username" value="{{username}}" required autofocus></label>
  <label>Password <input type="password" name="password" required></label>
  <button type="submit">Sign in</button>
</form>
