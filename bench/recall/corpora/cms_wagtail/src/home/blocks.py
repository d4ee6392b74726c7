from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    subheading = blocks.CharBlock(required=False, max_length=240)
    image = ImageChooserBlock()
    cta_label = blocks.CharBlock(required=False, max_length=40)
    cta_page = blocks.PageChooserBlock(required=False)

    class Meta:
        template = "blocks/hero_block.html"
        icon = "image"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)
    role = blocks.CharBlock(required=False)

    class Meta:
        template = "blocks/quote_block.html"
        icon = "openquote"


class EventTeaserBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default="What's on")
    event_index = blocks.PageChooserBlock(page_type="events.EventIndexPage")
    count = blocks.IntegerBlock(default=3, min_value=1, max_value=12)

    class Meta:
        template = "blocks/event_teaser_block.html"
        icon = "date"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        index = value["event_index"]
        if index is not None:
            context["events"] = index.specific.upcoming_events()[: value["count"]]
        return context


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False)


class SponsorBlock(blocks.StructBlock):
    sponsor = SnippetChooserBlock("core.Sponsor")
    note = blocks.CharBlock(required=False)


class BaseStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title")
    paragraph = blocks.RichTextBlock(features=["h3", "bold", "italic", "link", "ol", "ul", "document-link"])
    image = ImageChooserBlock()
    quote = QuoteBlock()
    gallery = blocks.ListBlock(GalleryImageBlock(), icon="image")
    embed = EmbedBlock(max_width=960)
    sponsor = SponsorBlock()


class HomeStreamBlock(BaseStreamBlock):
    hero = HeroBlock()
    event_teaser = EventTeaserBlock()
