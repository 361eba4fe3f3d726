"""Topic hashtags of invented English texts: topical nouns by keyness, never a common word, a
generic news word, a role, a verb, an adjective or an adverb."""

from __future__ import annotations

from collections import Counter

from newsloom.pipeline.hashtags_data import gazetteer
from newsloom.pipeline.hashtags_tokens import tokenize
from newsloom.pipeline.hashtags_topics import TopicWord, singular, topic_words


def topics(title: str, text: str) -> dict[str, TopicWord]:
    title_toks = tokenize(title, True, 0)
    body_toks = tokenize(text, False, len(title_toks))
    lowered = Counter(t.text.casefold() for t in body_toks if t.kind == "word" and t.text.islower())
    found = topic_words(title_toks + body_toks, lowered, gazetteer())
    return {t.word: t for t in found}


def ranked(title: str, text: str) -> list[str]:
    return [w for w, _ in sorted(topics(title, text).items(), key=lambda kv: -kv[1].score)]


WILDFIRE = (
    "A wildfire forced the evacuation of three villages near Kessa on Sunday, officials said. "
    "The wildfire spread overnight, and firefighters said the evacuation could last days. "
    "People said the smoke was basically everywhere; the report said this was the worst "
    "wildfire in years. Firefighters asked people to leave, and the evacuation went on."
)


def test_recurring_topical_nouns_rank_first() -> None:
    order = ranked("Wildfire forces evacuation near Kessa", WILDFIRE)
    assert set(order[:3]) == {"wildfire", "evacuation", "firefighters"}
    assert "smoke" in order


def test_generic_news_words_reporting_verbs_and_adverbs_are_never_topics() -> None:
    found = topics("Wildfire forces evacuation near Kessa", WILDFIRE)
    for word in ("said", "people", "basically", "report", "year", "years", "officials", "days",
                 "worst", "forces", "overnight", "everywhere"):
        assert word not in found


def test_roles_institutions_and_quantities_are_not_topics() -> None:
    text = (
        "The president of the harbour commission said the department would cut the tariff by "
        "ten percent. The president said the tariff cut was the first in a decade; the "
        "department and the commission agreed, the spokesman said."
    )
    found = topics("Harbour commission cuts tariff", text)
    assert "tariff" in found
    assert not {"president", "department", "commission", "percent", "spokesman"} & set(found)


def test_forms_of_a_word_count_together() -> None:
    text = (
        "The reforms passed on Tuesday. Critics say the reform goes too far, and a second "
        "reform is planned. Supporters say reforms were overdue."
    )
    found = topics("Pension reform passes", text)
    assert "reform" in found or "reforms" in found
    word = "reform" if "reform" in found else "reforms"
    assert found[word].count == 5
    assert set(found[word].forms) == {"reform", "reforms"}
    assert singular("bombings") == "bombing" and singular("cities") == "city"
    assert singular("crisis") == "crisis" and singular("bus") == "bus"


def test_ing_forms_are_topics_only_where_the_text_uses_them_as_nouns() -> None:
    text = (
        "The bombing of the rail depot killed two guards. Protesters gathered, calling for "
        "calm, and police kept searching the area. Water rationing begins on Monday."
    )
    found = topics("Depot bombing", text)
    assert "bombing" in found and "rationing" in found
    assert not {"calling", "searching"} & set(found)


def test_verbs_adjectives_and_adverbs_are_not_topics() -> None:
    text = (
        "The council did not implement the plan. They embrace change, and it seems impossible "
        "to reverse. Meanwhile, the unusual drought deepens quietly. The drought worsens."
    )
    found = topics("Council delays drought plan", text)
    assert "drought" in found
    for word in ("implement", "embrace", "impossible", "unusual", "deepens", "quietly",
                 "meanwhile", "reverse", "worsens"):
        assert word not in found


def test_a_noun_or_verb_after_a_name_in_the_headline_is_the_verb() -> None:
    text = "Pyongyang fired a missile into the sea on Tuesday. It was the third missile test."
    found = topics("Pyongyang fires missile", text)
    assert "missile" in found
    assert "fires" not in found and "fire" not in found


def test_keyness_prefers_rarer_longer_words_at_equal_counts() -> None:
    text = (
        "The perjury trial opened in the court. The perjury charge rests on the court record "
        "of a hearing that the court sealed."
    )
    found = topics("Trial opens", text)
    assert found["perjury"].score > found["court"].score


def test_early_words_outrank_late_ones_at_equal_counts() -> None:
    text = "The tariffs went up. " + "Nothing else happened there. " * 30 + "The quotas did too."
    found = topics("Trade talks", text)
    assert found["tariffs"].score > found["quotas"].score


def test_an_ing_form_taking_an_object_is_a_verb() -> None:
    text = (
        "Regulators published rules involving the advertisers. Firms requiring the permits "
        "must apply. The screening of adverts starts in June."
    )
    found = topics("Advert rules", text)
    assert "screening" in found
    assert not {"involving", "requiring"} & set(found)


def test_an_ing_form_that_is_never_a_noun_needs_a_determiner() -> None:
    text = (
        "Officers responding to the alarm found the gate open. Catch numbers kept declining "
        "for years, and a warden overseeing night patrols said the rationing of fuel helped. "
        "Water rationing ends in May. Boats from the neighbouring village joined."
    )
    found = topics("Harbour patrols", text)
    assert "rationing" in found
    assert not {"responding", "declining", "overseeing", "neighbouring"} & set(found)


def test_nouns_of_set_phrases_are_never_topics() -> None:
    text = (
        "The union sued on behalf of dockworkers, on the basis of a rule written in the wake of "
        "the strike. The dockworkers said the strike was on the verge of ending."
    )
    found = topics("Dockworkers sue", text)
    assert "dockworkers" in found
    assert not {"behalf", "basis", "wake", "verge"} & set(found)


def test_adjectives_with_a_noun_sense_are_topics_only_as_nouns() -> None:
    text = (
        "Voters backed the radical party and an overwhelming majority stayed home. "
        "Deeply religious towns voted early. The radicals celebrated the landslide."
    )
    found = topics("Landslide in Orvik", text)
    assert "landslide" in found
    assert "radical" in found and found["radical"].count == 2
    assert not {"overwhelming", "religious"} & set(found)
    assert "radical" not in topics("Vote", "Voters backed the radical party in the vote.")
    text = "It was the most glorbent way to win the landslide, and the landslide held."
    assert "glorbent" not in topics("Landslide", text)


def test_a_noun_or_verb_after_a_preposition_is_a_noun() -> None:
    text = (
        "Two men were charged with murder on Friday and remain in jail in Ostrava. Police said "
        "the charges of murder followed a fight in favor of nobody; the men will fight them "
        "and plan to murder no one's reputation, their lawyer said, admitting nothing."
    )
    found = topics("Two men charged", text)
    assert "murder" in found and "jail" in found
    assert "favor" not in found  # a set phrase before "of"
    assert "admitting" not in found


def test_an_agent_noun_and_its_root_are_one_topic() -> None:
    text = (
        "Protesters gathered outside the harbour office in Kessa. The protests went on all "
        "night, and the protesters said the protest would continue. Farmers drove tractors "
        "from the farm, and the farmers joined the protesters."
    )
    found = topics("Harbour protest grows", text)
    protest = [w for w in found if w.startswith("protest")]
    assert len(protest) == 1
    assert {"protesters", "protests"} <= set(found[protest[0]].forms)
    assert "farmers" in found  # "farm" + "-er" is no suffix: a farmer is no farm


def test_units_of_measure_are_never_topics() -> None:
    text = (
        "The wildfire burned 4,000 acres near Kessa, and the acres of forest lost were "
        "mapped. Temperatures reached 44 degrees; the degrees kept rising. Crews carried "
        "tonnes of water over miles of trail, and the miles wore them down."
    )
    found = topics("Wildfire burns acres near Kessa", text)
    assert "wildfire" in found
    assert not {"acres", "acre", "degrees", "tonnes", "miles"} & set(found)


def test_doers_and_deeds_of_one_verb_are_one_topic_but_other_words_stay() -> None:
    text = (
        "Demonstrators marched in Kessa, and the demonstrations went on for days. Legislators "
        "debated the legislation, and the calories in school meals, and the calorie labels. "
        "The market grew, and the marketing changed. The market rose and the marketing "
        "failed."
    )
    found = topics("Demonstrations in Kessa", text)
    assert len([w for w in found if w.startswith("demonstrat")]) == 1
    assert len([w for w in found if w.startswith("legislat")]) == 1
    assert len([w for w in found if w.startswith("calori")]) == 1
    assert {"market", "marketing"} <= set(found)


def test_an_adjective_before_a_name_is_no_topic() -> None:
    text = (
        "A senior Harbour Guild commander left Kessa. The senior Valdor Party member stayed, "
        "and the senior Brenner official agreed."
    )
    assert "senior" not in topics("Commander leaves", text)
