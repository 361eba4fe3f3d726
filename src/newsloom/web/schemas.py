"""The JSON API's request and response models (they make the OpenAPI document useful), and
their conversion from the services' records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from newsloom.domain.coverage import Timeline, TrendingTag
from newsloom.domain.models import Block, Hashtag, SummarySentence
from newsloom.domain.records import ArticleCard, Comment, Source
from newsloom.domain.text import as_utc
from newsloom.services.articles import ArticlePage, Listing
from newsloom.services.related import RelatedArticle, Republication
from newsloom.services.sources import ImportReport
from newsloom.services.story_pages import StoryBlock, StoryListing, StoryPage, StoryRef
from newsloom.web.views import article_path, hashtag_path

# -- errors ---------------------------------------------------------------------------------


class ErrorInfo(BaseModel):
    code: str = Field(description="A stable machine-readable code, e.g. `not_found`.")
    message: str = Field(description="What went wrong, in plain words.")
    detail: dict[str, Any] = Field(default_factory=dict, description="Extra facts, if any.")


class ErrorOut(BaseModel):
    """The shape of every error the API returns, whatever its status."""

    error: ErrorInfo


# -- listings -------------------------------------------------------------------------------


class OutletRef(BaseModel):
    name: str
    slug: str
    page: str = Field(description="Path of the outlet's page.")


class CardOut(BaseModel):
    id: int
    title: str
    slug: str
    page: str = Field(description="Path of the article's page on this site.")
    outlet: OutletRef
    published_at: datetime
    snippet: str
    lead_image: str | None
    story_id: int | None


class ListingOut(BaseModel):
    items: list[CardOut]
    page: int
    has_next: bool


class TagOut(BaseModel):
    tag: str = Field(description="CamelCase, without the leading '#'.")
    kind: str
    page: str


class TrendingTagOut(TagOut):
    count: int = Field(description="Articles with the tag in the last 24 hours.")
    usual_per_day: float = Field(
        description="Its average number of articles a day over the 14 days before.")
    score: float = Field(description="(count - usual_per_day) / sqrt(usual_per_day + 1).")
    explanation: str = Field(description="The two numbers in words (the page's tooltip).")


# -- stories --------------------------------------------------------------------------------


class StoryBlockOut(BaseModel):
    """One place on the home page (or a hashtag page): a story, or an article no story holds."""

    story_id: int | None = Field(description="None for an article that no story holds.")
    page: str | None = Field(description="Path of the story's page (full coverage).")
    headline: str = Field(description="The title of the story's first report.")
    outlet_count: int
    article_count: int
    last_at: datetime = Field(description="When the story's latest article was published.")
    score: float = Field(
        description="Outlets (at most 32), halved for every half-life since last_at.")
    lead: CardOut = Field(description="The first report.")
    others: list[CardOut] = Field(description="A few other outlets' newest articles.")


class StoryListingOut(BaseModel):
    items: list[StoryBlockOut]
    page: int
    has_next: bool


class StoryRefOut(BaseModel):
    id: int
    page: str
    headline: str
    first_at: datetime
    last_at: datetime
    outlet_count: int
    article_count: int


class OutletCoverageOut(BaseModel):
    outlet: OutletRef
    articles: list[CardOut] = Field(description="In the order published.")


class TimelineSeriesOut(BaseModel):
    outlet: OutletRef
    counts: list[int] = Field(description="Articles in each bucket, in the order of `starts`.")


class TimelineOut(BaseModel):
    unit: str = Field(description='"hour", "day" or "week": the width of one bucket.')
    starts: list[datetime] = Field(description="The start of each bucket.")
    series: list[TimelineSeriesOut] = Field(
        description="One per outlet, in the order the outlets first reported the story.")


class StoryOut(BaseModel):
    id: int
    page: str
    headline: str = Field(description="The title of the story's first report.")
    article_count: int
    outlet_count: int
    first_report: CardOut
    latest_report: CardOut
    outlets: list[OutletCoverageOut] = Field(
        description="Articles grouped by outlet, outlets in the order they first reported.")
    articles: list[CardOut] = Field(description="Every article in the order published.")
    truncated: bool = Field(description="True when only the earliest 500 articles are listed.")
    timeline: TimelineOut
    follows: StoryRefOut | None = Field(description="The earlier story this one follows up.")
    followed_by: list[StoryRefOut]


# -- articles -------------------------------------------------------------------------------


class BlockOut(BaseModel):
    index: int = Field(description="Position in the body; the page gives the block id b{index}.")
    kind: str = Field(description="p, h, li, quote, table, caption or pre.")
    text: str


class SentenceOut(BaseModel):
    text: str
    block_index: int
    start: int
    end: int
    anchor: str = Field(description="Fragment of the article page where the sentence stands.")


class SummaryOut(BaseModel):
    provider: str
    kind: str = "extractive"
    sentences: list[SentenceOut]


class CommentOut(BaseModel):
    id: int
    author_name: str
    body: str
    created_at: datetime


class CommentIn(BaseModel):
    author_name: str = Field(description="The display name shown with the comment.")
    body: str = Field(description="The comment, plain text.")


class RelatedOut(BaseModel):
    article: CardOut
    kind: str = Field(description='"same_story", "follow_up", "background" or "opinion".')
    label: str = Field(description='The kind in words: "Same story", "Follow-up", ...')
    reason: str = Field(description='Why, checkable: "Same story, 4 outlets", '
                                    '"Shares #Kursk and #NorthKorea".')


class RepublicationOut(BaseModel):
    article: CardOut
    edited: bool = Field(description="True when the copy is not word for word (an edited "
                                     "republication).")


class ArticleOut(BaseModel):
    id: int
    title: str
    slug: str
    page: str
    url: str = Field(description="The original article on the outlet's site.")
    canonical_url: str
    outlet: OutletRef
    author: str | None
    published_at: datetime
    updated_at: datetime | None
    lead_image: str | None
    language: str | None
    description: str | None
    status: str
    status_note: str | None
    originator: str | None = Field(description="The agency the text came from, if it says so.")
    credit: str | None = Field(description='The agency via the outlet: "AFP via Straits Times".')
    is_opinion: bool
    story_id: int | None
    duplicate_of: CardOut | None = Field(
        description="For a copy: the article it republishes (the first of its text).")
    duplicate_kind: str | None = Field(description='For a copy: "exact", "near_duplicate" or '
                                                   '"edited".')
    republished_from: RepublicationOut | None
    also_published_by: list[RepublicationOut] = Field(
        description="For the first of a text: the other outlets' copies, oldest first.")
    blocks: list[BlockOut]
    hashtags: list[TagOut]
    summary: SummaryOut | None
    comments: list[CommentOut]
    related: list[RelatedOut]


# -- outlets, hashtags, search, sources, health --------------------------------------------


class SourceOut(BaseModel):
    id: int
    name: str
    slug: str
    feed_url: str
    site_url: str | None
    language: str | None
    region: str | None
    last_fetched_at: datetime | None
    last_success_at: datetime | None
    next_check_at: datetime
    last_error: str | None
    error_count: int
    article_count: int
    low_quality_count: int


class OutletOut(BaseModel):
    outlet: SourceOut
    articles: ListingOut


class HashtagPageOut(BaseModel):
    tag: str = Field(description="The stored spelling of the tag.")
    stories: StoryListingOut = Field(
        description="Stories with a tagged article, ranked like the home page; each block "
                    "shows the story's tagged articles.")
    articles: ListingOut = Field(description="The tagged articles, newest first.")


class SearchOut(BaseModel):
    query: str
    results: ListingOut


class SourceIn(BaseModel):
    url: str = Field(description="A feed URL, or a site's home page that names its feed.")


class ImportFailure(BaseModel):
    url: str
    message: str


class ImportOut(BaseModel):
    added: list[SourceOut]
    already_present: list[str]
    failed: list[ImportFailure]


class HealthOut(BaseModel):
    status: str = Field(description='"ok", or "degraded" when some feeds are failing.')
    sources: int
    sources_failing: int
    articles: int
    summary_provider: str


# -- conversions ----------------------------------------------------------------------------


def _utc(moment: datetime | None) -> datetime | None:
    return as_utc(moment) if moment is not None else None


def outlet_ref(name: str, slug: str) -> OutletRef:
    return OutletRef(name=name, slug=slug, page=f"/outlets/{slug}")


def card_out(card: ArticleCard) -> CardOut:
    return CardOut(
        id=card.id,
        title=card.title,
        slug=card.slug,
        page=article_path(card.id, card.slug),
        outlet=outlet_ref(card.source_name, card.source_slug),
        published_at=as_utc(card.published_at),
        snippet=card.snippet,
        lead_image=card.lead_image,
        story_id=card.story_id,
    )


def listing_out(listing: Listing) -> ListingOut:
    return ListingOut(items=[card_out(c) for c in listing.cards], page=listing.page,
                      has_next=listing.has_next)


def tag_out(tag: Hashtag) -> TagOut:
    return TagOut(tag=tag.tag, kind=tag.kind.value, page=hashtag_path(tag.tag))


def trending_out(tag: TrendingTag) -> TrendingTagOut:
    return TrendingTagOut(tag=tag.tag, kind=tag.kind, page=hashtag_path(tag.tag), count=tag.count,
                          usual_per_day=round(tag.usual, 3), score=round(tag.score, 3),
                          explanation=tag.explanation)


def story_path(story_id: int) -> str:
    return f"/stories/{story_id}"


def story_block_out(block: StoryBlock) -> StoryBlockOut:
    return StoryBlockOut(
        story_id=block.story_id,
        page=story_path(block.story_id) if block.story_id is not None else None,
        headline=block.headline,
        outlet_count=block.outlet_count,
        article_count=block.article_count,
        last_at=as_utc(block.last_at),
        score=round(block.score, 4),
        lead=card_out(block.lead),
        others=[card_out(c) for c in block.others],
    )


def story_listing_out(listing: StoryListing) -> StoryListingOut:
    return StoryListingOut(items=[story_block_out(b) for b in listing.blocks], page=listing.page,
                           has_next=listing.has_next)


def story_ref_out(ref: StoryRef) -> StoryRefOut:
    return StoryRefOut(id=ref.id, page=story_path(ref.id), headline=ref.headline,
                       first_at=as_utc(ref.first_at), last_at=as_utc(ref.last_at),
                       outlet_count=ref.outlet_count, article_count=ref.article_count)


def timeline_out(timeline: Timeline, names: dict[str, str]) -> TimelineOut:
    return TimelineOut(
        unit=timeline.unit,
        starts=[as_utc(s) for s in timeline.starts],
        series=[TimelineSeriesOut(outlet=outlet_ref(names.get(s.key, s.name), s.key),
                                  counts=list(s.counts))
                for s in timeline.series],
    )


def story_out(page: StoryPage) -> StoryOut:
    return StoryOut(
        id=page.id,
        page=story_path(page.id),
        headline=page.headline,
        article_count=page.article_count,
        outlet_count=page.outlet_count,
        first_report=card_out(page.first),
        latest_report=card_out(page.latest),
        outlets=[OutletCoverageOut(outlet=outlet_ref(o.name, o.slug),
                                   articles=[card_out(c) for c in o.articles])
                 for o in page.outlets],
        articles=[card_out(c) for c in page.articles],
        truncated=page.truncated,
        timeline=timeline_out(page.chart, {o.slug: o.name for o in page.outlets}),
        follows=story_ref_out(page.follows) if page.follows else None,
        followed_by=[story_ref_out(r) for r in page.followed_by],
    )


def comment_out(comment: Comment) -> CommentOut:
    return CommentOut(id=comment.id, author_name=comment.author_name, body=comment.body,
                      created_at=as_utc(comment.created_at))


def blocks_out(blocks: tuple[Block, ...]) -> list[BlockOut]:
    return [BlockOut(index=i, kind=b.kind.value, text=b.text) for i, b in enumerate(blocks)]


def summary_out(provider: str, sentences: list[SummarySentence] | None) -> SummaryOut | None:
    if sentences is None:
        return None
    return SummaryOut(
        provider=provider,
        sentences=[
            SentenceOut(text=s.text, block_index=s.block_index, start=s.start, end=s.end,
                        anchor=f"#b{s.block_index}")
            for s in sentences
        ],
    )


def related_out(item: RelatedArticle) -> RelatedOut:
    return RelatedOut(article=card_out(item.card), kind=item.kind, label=item.label,
                      reason=item.reason)


def republication_out(item: Republication) -> RepublicationOut:
    return RepublicationOut(article=card_out(item.card), edited=item.edited)


def article_out(page: ArticlePage, summary: SummaryOut | None) -> ArticleOut:
    a = page.article
    return ArticleOut(
        id=a.id,
        title=a.title,
        slug=a.slug,
        page=article_path(a.id, a.slug),
        url=a.url,
        canonical_url=a.canonical_url,
        outlet=outlet_ref(a.source_name, a.source_slug),
        author=a.author,
        published_at=as_utc(a.published_at),
        updated_at=_utc(a.updated_at),
        lead_image=a.lead_image,
        language=a.language,
        description=a.description,
        status=a.status,
        status_note=a.status_note,
        originator=a.originator,
        credit=page.copies.credit,
        is_opinion=a.is_opinion,
        story_id=a.story_id,
        duplicate_of=card_out(source.card) if (source := page.copies.republished_from) else None,
        duplicate_kind=a.duplicate_kind if a.duplicate_of else None,
        republished_from=republication_out(source) if source else None,
        also_published_by=[republication_out(r) for r in page.copies.also_published_by],
        blocks=blocks_out(a.blocks),
        hashtags=[tag_out(t) for t in a.hashtags],
        summary=summary,
        comments=[comment_out(c) for c in page.comments],
        related=[related_out(r) for r in page.related],
    )


def source_out(source: Source) -> SourceOut:
    return SourceOut(
        id=source.id,
        name=source.name,
        slug=source.slug,
        feed_url=source.feed_url,
        site_url=source.site_url,
        language=source.language,
        region=source.region,
        last_fetched_at=_utc(source.last_fetched_at),
        last_success_at=_utc(source.last_success_at),
        next_check_at=as_utc(source.next_check_at),
        last_error=source.last_error,
        error_count=source.error_count,
        article_count=source.article_count,
        low_quality_count=source.low_quality_count,
    )


def import_out(report: ImportReport) -> ImportOut:
    return ImportOut(
        added=[source_out(x) for x in report.added],
        already_present=list(report.already_present),
        failed=[ImportFailure(url=url, message=message) for url, message in report.failed],
    )
