% rebase('admin/layout.tpl', title='Order ' + order.reference)
<h1>Order {{order.reference}} {{!badge(order.status)}}</h1>
% if message:
<p class="notice">{{message}}</p>
% end

<p>{{order.email}} &middot; placed {{order.created_at.strftime('%d %b %Y %H:%M')}}
% if order.paid_at:
 &middot; paid {{order.paid_at.strftime('%d %b %Y %H:%M')}}
% end
</p>

<h2>Ship to</h2>
<pre class="address">{{order.shipping_name}}
{{order.shipping_address}}</pre>

<h2>Items</h2>
<table>
  <thead><tr><th>SKU</th><th>Print</th><th>Qty</th><th>Wording</th><th>Proof</th></tr></thead>
  <tbody>
  % for item in items:
    <tr>
      <td>{{item.variant.sku}}</td>
      <td>{{item.variant.product.title}} ({{item.variant.label}})</td>
      <td>{{item.quantity}}</td>
      <td><pre class="wording">{{item.personalisation or ''}}</pre></td>
      <td>
        % if item.proof_path:
        {{item.proof_path}}
        % end
        <form action="{{prefix}}/orders/{{order.id}}/items/{{item.id}}/proof" method="post" enctype="multipart/form-data">
          {{!csrf_field()}}
          <input type="file" name="proof" accept=".pdf,.png,.jpg,.jpeg" required>
          <button type="submit">Upload proof</button>
        </form>
      </td>
    </tr>
  % end
  </tbody>
</table>

<h2>Status</h2>
<form action="{{prefix}}/orders/{{order.id}}/status" method="post">
  {{!csrf_field()}}
  <select name="status">
  % for name in statuses:
    <option value="{{name}}" {{'selected' if name == order.status else ''}}>{{name.title()}}</option>
  % end
  </select>
  <button type="submit">Update status</button>
</form>
