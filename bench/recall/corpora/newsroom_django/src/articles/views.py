import logging

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import CreateView, ListView

from subscribers.decorators import SubscriberRequiredMixin, subscriber_required

from . import services
from .forms import CommentForm, PreviewRecipientsForm
from .models import Article, Comment, GiftLink, Section, Tag
from .preview import issue_preview_token, read_preview_token

logger = logging.getLogger(__name__)


def home(request):
    stories = services.front_page()
    lead, rest = (stories[0], stories[1:]) if stories else (None, [])
    return render(
        request,
        "articles/home.html",
        {"lead": lead, "stories": rest, "trending": services.trending()},
    )


def section_detail(request, section_slug):
    section = get_object_or_404(Section, slug=section_slug)
    paginator = Paginator(services.section_stories(section), 20)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "articles/section.html",
        {"section": section, "page": page, "trending": services.trending(section)},
    )


def _can_read(request, article):
    if not article.requires_subscription:
        return True
    subscriber = getattr(request, "subscriber", None)
    if subscriber is not None and subscriber.has_active_plan:
        return True
    if request.session.get("gift_article") == article.pk:
        return True
    return request.meter.allows(article.pk)


def article_detail(request, section_slug, slug):
    article = get_object_or_404(
        Article.objects.published().select_related("section"),
        section__slug=section_slug,
        slug=slug,
    )
    can_read = _can_read(request, article)
    if can_read:
        subscriber = getattr(request, "subscriber", None)
        if article.requires_subscription and not (subscriber and subscriber.has_active_plan):
            request.meter.record(article.pk)
        services.record_view(article)
    else:
        request.paywall_blocked = article

    context = {
        "article": article,
        "can_read": can_read,
        "comments": services.approved_comments(article) if can_read else [],
        "comment_form": CommentForm(),
        "related": services.related_stories(article),
    }
    return render(request, "articles/article_detail.html", context)


def gift_link(request, token):
    gift = get_object_or_404(GiftLink.objects.select_related("article__section"), token=token)
    if not gift.is_valid():
        messages.info(request, "That gift link has expired. Subscribe to keep reading.")
        return redirect("subscribers:signup")
    GiftLink.objects.filter(pk=gift.pk).update(uses=F("uses") + 1)
    request.session["gift_article"] = gift.article_id
    return redirect(gift.article)


@require_POST
@subscriber_required
def create_gift_link(request, pk):
    article = get_object_or_404(Article.objects.published(), pk=pk)
    gift = GiftLink.objects.create(article=article, created_by=request.subscriber)
    url = request.build_absolute_uri(gift.get_absolute_url())
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return JsonResponse({"url": url, "expires": gift.expires_at.isoformat()})
    messages.success(request, f"Gift link ready: {url}")
    return redirect(article)


def search(request):
    q = request.GET.get("q", "").strip()[:120]
    results = services.search_articles(q) if q else []
    return render(request, "articles/search.html", {"q": q, "results": results})


@require_GET
def search_suggest(request):
    """htmx endpoint behind the masthead search box."""
    q = request.GET.get("q", "").strip()
    if len(q) < 3:
        return HttpResponse("")
    matches = list(
        Article.objects.published().filter(headline__icontains=q).select_related("section")[:8]
    )
    if not matches:
        return HttpResponse(f'<li class="suggest-empty">No stories match "{q}"</li>')
    return render(request, "articles/_suggestions.html", {"matches": matches})


class TagView(ListView):
    template_name = "articles/article_list.html"
    context_object_name = "stories"
    paginate_by = 20

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return self.tag.articles.published().select_related("section").order_by("-published_at")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = self.tag.name
        return context


@method_decorator(csrf_exempt, name="dispatch")
class CommentCreateView(SubscriberRequiredMixin, CreateView):
    """Posted from the story page and from the AMP version, which can't carry our CSRF token."""

    model = Comment
    form_class = CommentForm
    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        self.article = get_object_or_404(
            Article.objects.published(), pk=kwargs["pk"], allow_comments=True
        )
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        subscriber = self.request.subscriber
        form.instance.article = self.article
        form.instance.author = subscriber
        # first-time commenters go to the moderation queue
        form.instance.is_approved = subscriber.comments.filter(is_approved=True).exists()
        if form.instance.is_approved:
            messages.success(self.request, "Thanks - your comment is live.")
        else:
            messages.info(self.request, "Thanks - a moderator will check your comment shortly.")
        return super().form_valid(form)

    def form_invalid(self, form):
        messages.error(self.request, "Comments can't be empty.")
        return redirect(self.article)

    def get_success_url(self):
        return self.article.get_absolute_url() + "#comments"


@staff_member_required
def send_preview_links(request, pk):
    article = get_object_or_404(Article, pk=pk)
    form = PreviewRecipientsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token_count = 0
        for email in form.cleaned_data["recipients"]:
            token = issue_preview_token(article, email)
            link = request.build_absolute_uri(reverse("articles:preview", args=[token]))
            body = render_to_string(
                "articles/preview_email.txt",
                {"article": article, "link": link, "note": form.cleaned_data["note"]},
            )
            send_mail(f"Embargoed: {article.headline}", body, None, [email])
            token_count += 1
        logger.info("issued %d embargo preview tokens for %s", token_count, article.slug)
        messages.success(request, f"Sent {token_count} preview links.")
        return redirect("admin:articles_article_change", article.pk)
    return render(request, "articles/preview_links.html", {"article": article, "form": form})


def embargo_preview(request, token):
    claims = read_preview_token(token)
    if claims is None:
        raise Http404("Preview link not recognised")
    article = get_object_or_404(
        Article.objects.exclude(status=Article.Status.KILLED).select_related("section"),
        pk=claims["sub"],
    )
    response = render(
        request, "articles/preview.html", {"article": article, "recipient": claims.get("rcpt")}
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def not_found(request, exception):
    return render(request, "404.html", {"path": request.path}, status=404)
