document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("payment-form");
  if (!form) return;
  var stripe = Stripe(document.body.dataset.stripeKey || window.STRIPE_PUBLISHABLE_KEY);
  var elements = stripe.elements({ clientSecret: form.dataset.secret });
  elements.create("payment").mount("#payment-element");
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    stripe.confirmPayment({ elements: elements, confirmParams: { return_url: window.location.origin + "/" } });
  });
});
