% rebase('admin/layout.tpl', title='Reviews')
<h1>Reviews waiting for approval</h1>
% if not reviews:
<p>Nothing to moderate.</p>
% end
% for review in reviews:
<article class="review-mod">
  <header>
    <strong>{{review.title}}</strong> &middot; {{review.rating}}/5 &middot;
    {{review.product.title}} &middot; {{review.customer.email}}
  </header>
  <div class="body">{{review.body}}</div>
  <form action="{{prefix}}/reviews/{{review.id}}" method="post" class="inline">
    {{!csrf_field()}}
    <button name="action" value="approve">Approve</button>
    <button name="action" value="delete" class="danger">Delete</button>
  </form>
</article>
% end
