"""Known topics of several words in invented English texts: one topic, in the text's form, and
never its words on their own."""

from __future__ import annotations

from newsloom.pipeline.hashtags import article_hashtags
from newsloom.pipeline.hashtags_phrases import phrase_topics
from newsloom.pipeline.hashtags_tokens import tokenize


def phrases(title: str, text: str) -> dict[str, int]:
    title_toks = tokenize(title, True, 0)
    found, _ = phrase_topics(title_toks + tokenize(text, False, len(title_toks)))
    return {t.word: t.count for t in found}


def tags(title: str, text: str, **kw: int) -> list[str]:
    return [h.tag for h in article_hashtags(title, text, **kw)]


FARMS = (
    "Farmers in Kessa say climate change has shortened the growing season. Climate change also "
    "brought the drought of last summer, and interest rates on their loans keep rising. The "
    "bank said the interest rate would stay high."
)


def test_a_known_phrase_is_one_topic_and_its_words_are_none() -> None:
    found = tags("Kessa farmers count the cost", FARMS, limit=20)
    assert {"ClimateChange", "InterestRates"} <= set(found)
    assert not {"Climate", "Interest", "Rates", "Rate"} & set(found)


def test_a_phrase_counts_its_plural_and_shows_the_form_used_most() -> None:
    assert phrases("Farm loans", FARMS) == {"climate change": 2, "interest rates": 2}


def test_a_word_used_outside_the_phrase_stays_a_topic() -> None:
    text = (
        "Fishers said climate change moved the cod north. The climate of fear in the harbour "
        "grew, and the harbour's climate committee met."
    )
    found = tags("Cod moves north", text, limit=20)
    assert "ClimateChange" in found
    assert "Climate" in found


def test_capitalised_inside_a_name_the_words_are_the_name() -> None:
    text = "Delegates of the Kessa Convention on Climate Change met in Valmora on Monday."
    assert phrases("Delegates meet", text) == {}


def test_the_site_keeps_a_phrase_its_headline_names() -> None:
    found = tags("Climate change shortens Kessa's season", FARMS, limit=8, topics=2)
    assert "ClimateChange" in found
    assert "InterestRates" not in found  # a body topic: the site shows names and headline topics


def test_words_of_a_phrase_about_the_reporting_are_no_topics() -> None:
    text = (
        "Harbour officials told a news conference that the quota would hold. At a second press "
        "conference, the minister defended the quota."
    )
    found = tags("Quota holds", text, limit=20)
    assert "Quota" in found
    assert not {"Conference", "NewsConference", "PressConference"} & set(found)


def test_a_one_word_spelling_joins_the_phrase() -> None:
    text = "The heatwave reached Kessa on Monday. Doctors said the heat wave would last a week."
    assert phrases("Kessa swelters", text) == {"heat wave": 2}
    found = tags("Kessa swelters", text, limit=10)
    assert "HeatWave" in found
    assert "Heatwave" not in found


def test_a_variant_is_named_by_the_topic_in_the_number_the_text_uses() -> None:
    text = "Ferries must now tie down electric cars. Electric cars burn hot, the board said."
    assert phrases("Ferry rules", text) == {"electric vehicles": 2}
    assert "ElectricVehicles" in tags("Ferry rules", text, limit=10)
    one = "The ferry carried one electric car, the board said, and the electric car was fine."
    assert "ElectricVehicle" in tags("Ferry rules", one, limit=10)


def test_ai_is_artificial_intelligence_and_exit_polls_are_one_topic() -> None:
    text = (
        "Arden Inc said it would spend more on AI. Exit polls showed the vote was close, and "
        "the exit polls were right."
    )
    found = tags("Arden invests in AI", text, limit=10)
    assert {"ArtificialIntelligence", "ExitPolls"} <= set(found)
    assert not {"AI", "Exit", "Polls"} & set(found)
    assert "Arden" in found  # "AI" is not the initials of "Arden Inc"
