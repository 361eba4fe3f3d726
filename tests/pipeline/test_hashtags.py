"""Hashtags of invented news texts: names, places, organisations in CamelCase, variants merged,
key topics by keyness, never a common word."""

from __future__ import annotations

from pathlib import Path

from newsloom.domain.models import Hashtag, HashtagKind
from newsloom.pipeline.hashtags import article_hashtags, extract_hashtags, fold

TITLE = "North Korean troops join Russia's fight in Kursk"
TEXT = (
    "SEOUL (AFP) — North Korea has sent thousands of soldiers to the Kursk region, South Korean "
    "intelligence said on Monday. Basically, the deployment deepens ties between Pyongyang and "
    "Moscow. Kim Jong-un met Russian President Vladimir Putin last year in Vostochny. Putin "
    "praised the DPRK for its support. Kim Jong Un has not commented on the deployment. The "
    "U.S. and NATO condemned the move, and the United States said the soldiers could face "
    "Ukrainian forces in Kursk. People in Seoul were worried, officials said."
)

CHATTY_TITLE = "Harbour dredging stalls at Quellport"
CHATTY_TEXT = (
    "People said the dredging basically stopped this year. \"People just want the dredging "
    "done,\" one resident said, and people at the harbour said the same. The report said the "
    "dredging had taken time: basically a year of delays, the report said. Officials said the "
    "silt would be moved in time for the regatta, people said. Basically, said the harbour "
    "master, the dredging report was late. Time will tell, people said."
)


def tags(title: str, text: str, **kw: object) -> list[str]:
    return [h.tag for h in extract_hashtags(title, text, **kw)]  # type: ignore[arg-type]


def by_tag(title: str, text: str, limit: int = 20) -> dict[str, Hashtag]:
    """The best ``limit`` candidates by their tags."""
    return {h.tag: h for h in extract_hashtags(title, text, limit=limit)}


def shown(title: str, text: str, **kw: object) -> list[str]:
    return [h.tag for h in article_hashtags(title, text, **kw)]  # type: ignore[arg-type]


def test_people_places_and_organisations_in_canonical_form_lead_the_shown_tags() -> None:
    found = shown(TITLE, TEXT, limit=10)
    for expected in ("NorthKorea", "Kursk", "Russia", "KimJongUn", "VladimirPutin"):
        assert expected in found
    assert {"NorthKorea", "Kursk"} <= set(found[:3])
    assert "UnitedStates" in tags(TITLE, TEXT, limit=20)


def test_variants_are_merged_into_one_tag() -> None:
    result = by_tag(TITLE, TEXT, limit=30)
    assert {"Kim Jong-un", "Kim Jong Un"} <= set(result["KimJongUn"].variants)
    assert {"North Korea", "DPRK"} <= set(result["NorthKorea"].variants)
    assert {"U.S.", "United States"} <= set(result["UnitedStates"].variants)
    assert result["KimJongUn"].kind is HashtagKind.PERSON
    assert result["NorthKorea"].kind is HashtagKind.PLACE
    assert result["NATO"].kind is HashtagKind.ORG
    # "Putin" alone joins the full name given earlier
    assert "Putin" not in result
    assert "KimJongUn" in result and "KimJong" not in result


def test_kim_jong_un_spellings_merge_without_any_other_name() -> None:
    text = (
        "Kim Jong-un inspected a tractor factory near Sinpo. State media said Kim Jong Un "
        "praised the workers."
    )
    found = by_tag("Leader visits factory", text)
    assert "KimJongUn" in found
    assert {"Kim Jong-un", "Kim Jong Un"} <= set(found["KimJongUn"].variants)
    assert not any(t.startswith("KimJong") and t != "KimJongUn" for t in found)


def test_dprk_joins_north_korea_when_the_text_spells_it_out() -> None:
    title = "New sanctions on the Democratic People's Republic of Korea"
    text = (
        "The Democratic People's Republic of Korea (DPRK) faces new sanctions over its missile "
        "tests. The DPRK rejected the sanctions on Friday."
    )
    result = by_tag(title, text)
    assert "NorthKorea" in result and "DPRK" in result["NorthKorea"].variants
    assert not {"DPRK", "SouthKorea", "Democratic", "RepublicOfKorea"} & set(result)


def test_common_words_and_sentence_initial_capitals_are_never_tags() -> None:
    found = {t.casefold() for t in tags(TITLE, TEXT, limit=50)}
    for word in ("basically", "said", "monday", "people", "the", "president", "officials"):
        assert word not in found


def test_basically_people_said_never_tag_even_when_they_dominate_the_text() -> None:
    for found in (tags(CHATTY_TITLE, CHATTY_TEXT, limit=50), shown(CHATTY_TITLE, CHATTY_TEXT)):
        folded = {t.casefold() for t in found}
        for word in ("basically", "people", "said", "year", "time", "report", "officials"):
            assert word not in folded
        assert "Dredging" in found[:3] and "Quellport" in found


def test_best_first_with_scores_in_unit_range_and_limit() -> None:
    for extract in (extract_hashtags, article_hashtags):
        result = extract(TITLE, TEXT, limit=3)
        assert len(result) == 3
        assert result[0].score == 1.0
        assert all(0.0 < h.score <= 1.0 for h in result)
        assert [h.score for h in result] == sorted((h.score for h in result), reverse=True)
        assert extract(TITLE, TEXT, limit=0) == []
        assert extract("", "") == []


def test_title_cased_headline_capitals_are_not_names() -> None:
    title = "Harbour Board Approves Costly Pier Repairs In Valderra"
    text = (
        "The harbour board of Valderra approved the repairs of the northern pier on Thursday. "
        "The repairs are costly: the board expects to spend four million euros. Board chair "
        "Marta Quell said the pier would reopen in May. Quell said fishermen would be paid."
    )
    found = tags(title, text)
    assert "HarbourBoardApprovesCostlyPierRepairs" not in found
    assert not any("Approves" in t or "Costly" in t for t in found)
    assert "Valderra" in found
    assert "MartaQuell" in found


def test_topic_words_recur_and_read_as_topics() -> None:
    title = "Drought forces water rationing in Ostrava"
    text = (
        "The drought has emptied two reservoirs near Ostrava. Water rationing starts next week, "
        "the utility said, and farmers fear the drought will ruin the harvest. Rationing will "
        "last until the reservoirs recover; the utility asked households to save water."
    )
    found = tags(title, text)
    assert "Drought" in found[:3]
    assert "Rationing" in found
    assert "Reservoirs" in found
    assert "Ostrava" in found
    assert "Forces" not in found  # a verb in the headline


def test_dateline_in_capitals_becomes_a_place() -> None:
    found = tags("Storm damages harbour", "EL PASO, Texas (AP) — A storm damaged the harbour.")
    assert "ElPaso" in found
    assert "Texas" in found


def test_other_languages_get_names_but_no_english_topic_words() -> None:
    text = "Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin. Macron a parlé."
    found = tags("Macron à Berlin", text, language="fr")
    assert "EmmanuelMacron" in found
    assert "Berlin" in found
    assert all(h.kind is not HashtagKind.TOPIC or h.tag[0].isupper()
               for h in extract_hashtags("Macron à Berlin", text, language="fr"))
    assert "Président" not in found and "Parlé" not in found


def test_compound_adjectives_and_contractions_are_not_names() -> None:
    title = "Irish PM Enda Kenny condemns attack"
    text = (
        "The Oscar-winning actress met Atlanta-based investors on Friday. Irish PM Enda Kenny "
        "called the attack pointless. I've never seen this, Kenny said. Atlanta-based lenders "
        "and Oscar-winning directors signed a letter."
    )
    found = tags(title, text, limit=20)
    assert "EndaKenny" in found and "Ireland" in found
    assert "Atlanta" in found and "Oscars" in found
    assert not any(t in found for t in ("OscarWinning", "AtlantaBased", "IrishPMEndaKenny"))
    assert not any(t.startswith("IVe") or t == "Ive" for t in found)


def test_shown_tags_mix_names_and_key_topics_from_the_body() -> None:
    title = "Harbour pilots strike in Port Elmsworth"
    body = (
        "Harbour pilots in Port Elmsworth walked out on Monday, said union leader Dara Quill. "
        "The average wait for ships rose to nine hours, the department said. "
        "Dara Quill said the strike would go on. The department and the average figures were "
        "disputed by the Port Elmsworth authority. Ships waited; the department said more. "
        "The pilots want a pay rise; the strike is the first since the pilots' union was formed."
    )
    found = shown(title, body, language="en")
    assert {"PortElmsworth", "DaraQuill"} <= set(found[:4])
    assert "Strike" in found and "Pilots" in found
    assert not {"Average", "Department", "Authority", "Leader", "Monday", "Rose"} & set(found)


def test_elided_articles_do_not_join_french_names() -> None:
    title = "Les ostréiculteurs de la baie d'Esterel-sur-Mer face à la mortalité"
    body = ("Dans la baie d'Esterel-sur-Mer, les ostréiculteurs comptent les pertes. "
            "À Esterel-sur-Mer, la coopérative attend les analyses.")
    assert shown(title, body, language="fr") == ["EsterelSurMer"]


def test_name_particles_stay_inside_the_name_and_are_never_tags() -> None:
    text = (
        "Accused smuggler Joran van der Velde lives in comfort in a Lima prison, said Rita "
        "Flores. Van der Velde denies it. Van der Velde has a private cell."
    )
    result = {h.tag: h for h in extract_hashtags("Van der Velde gets private cell", text,
                                                 limit=30)}
    assert "JoranVanDerVelde" in result
    assert result["JoranVanDerVelde"].kind is HashtagKind.PERSON
    assert not {"Van", "Der", "VanDerVelde"} & set(result)


def test_roles_and_credit_lines_do_not_join_names() -> None:
    text = (
        "Host Mara Lindqvist talks with Sen. Tom Ardent about the budget. Ardent said the "
        "budget would pass. Olle Brandt Copyright 2011 The Harbour Courier."
    )
    found = tags("Budget talks", text, limit=20)
    assert "MaraLindqvist" in found and "TomArdent" in found
    assert not any(t.startswith("Host") or "Copyright" in t for t in found)


def test_hyphenated_particles_join_the_name_and_a_surname_used_often_leads() -> None:
    text = (
        "Protesters marched in Deraa on Friday. President Bashar al-Assad promised reforms, "
        "but Assad's forces fired on the crowd. Activists said Assad had lost the street; "
        "Assad's allies denied it. The protesters want Assad to go."
    )
    found = shown("Protests spread in Syria", text, limit=10)
    assert "BasharAlAssad" in found[:3]
    assert not {"Assad", "Al", "AlAssad", "Bashar"} & set(found)
    variants = by_tag("Protests", text)
    assert "Bashar al Assad" in variants["BasharAlAssad"].variants


def test_site_tags_keep_only_topics_the_headline_names() -> None:
    title = "Harbour council approves new sea wall for Lindqvay"
    text = (
        "The harbour council in Lindqvay voted on Tuesday to build a new sea wall. "
        "Engineers said the wall would protect the fish market and the old ferry steps. "
        "Engineers expect concrete deliveries in spring; the ferry operator welcomed the vote. "
        "Grete Halvorsen, who chairs the council, said the wall was overdue."
    )
    every = [h.tag for h in article_hashtags(title, text, limit=20)]
    shown = [h.tag for h in article_hashtags(title, text, topics=2)]
    assert "Lindqvay" in shown and "GreteHalvorsen" in shown
    assert "Deliveries" in every and "Deliveries" not in shown  # a body-only topic
    plain = [t for t in shown if t in every and t not in ("Lindqvay", "GreteHalvorsen")]
    assert all(t.casefold() in title.casefold() for t in plain)
    assert len(plain) <= 2


def test_a_french_sentence_opening_before_a_particle_is_not_a_name() -> None:
    title = "Échouement du Saint Brendt : la capitaine avait signalé une avarie"
    text = ("Selon la Fédération des marins, la capitaine Hanne Solberg a alerté la compagnie. "
            "Le Saint Brendt reste au port.")
    tags = [h.tag for h in article_hashtags(title, text, language="fr")]
    assert "SaintBrendt" in tags and "HanneSolberg" in tags
    assert not any(t.startswith(("Échouement", "Selon")) for t in tags)


def test_a_possessive_ends_a_name_unless_a_name_ending_follows() -> None:
    text = (
        "Valdoria's Brenner Corp. reported a loss. Officials at Brenner's Ostrava plant were "
        "not reached. Peter Malk's Lantern Guild plans a march to Halden's Museum. The "
        "Lindqvay Area's farmers joined."
    )
    found = tags("Brenner reports loss", text, limit=20)
    assert "Brenner" in found and "PeterMalk" in found
    assert "HaldenMuseum" in found  # the possessive belongs to the name
    assert "LindqvayArea" in found
    assert not any(t.startswith(("ValdoriaBrenner", "BrennerOstrava", "PeterMalkLantern"))
                   for t in found)
    assert "BrennerCorp" not in found  # the legal form is not part of the tag


def test_a_legal_form_ends_a_company_name() -> None:
    # a transcript that lost a full stop: "... rival Ostrava Group Inc Kessel's market value"
    text = (
        "The bid puts pressure on chief rival Halden Exchange Group Inc Kessel's market value "
        "is about the same. Halden Exchange Group shares fell, while Kessel rose."
    )
    found = tags("Exchanges in merger race", text, limit=20)
    assert "HaldenExchangeGroup" in found and "Kessel" in found
    assert not any(t.endswith("Kessel") and t != "Kessel" for t in found)


def test_web_addresses_and_handles_are_not_words_of_the_text() -> None:
    text = (
        "Tickets go on sale at www.quellport-harbour.com/tickets. Follow the festival at "
        "@quellfest or mail press@quellfest.org, and see quellfestival.com for the programme. "
        "The festival opens in Quellport on Friday."
    )
    found = tags("Harbour festival returns", text, limit=20)
    assert "Quellport" in found
    assert not any(t.casefold().startswith(("quellfest", "www", "tickets", "com"))
                   for t in found)


def test_minor_words_in_lower_case_still_make_a_title_cased_headline() -> None:
    title = "Air Quality Rules Worry Farmers in the Valderra Basin"
    text = (
        "Farmers in the Valderra Basin fear that the new air quality rules will raise their "
        "costs. The rules limit dust from ploughing, and the farmers want more time."
    )
    found = tags(title, text, limit=20)
    assert "ValderraBasin" in found
    assert not any(t.startswith(("Air", "Rules", "Worry")) and t != "Rules" for t in found)


def test_an_acronym_of_a_headline_without_a_body_is_a_name() -> None:
    assert tags("QMV Profit Misses Estimates as Costs Rise", "") == ["QMV"]
    assert "CEO" not in tags("Brenner CEO Quits After Loss Widens", "")


def test_two_names_joined_by_an_ampersand_stay_two_names() -> None:
    text = (
        "The film stars Mara Lindqvist & Tom Ardent as rival bakers. Lindqvist and Ardent "
        "met on set. The costumes came from Marks & Spencer."
    )
    found = tags("Rival bakers", text, limit=20)
    assert {"MaraLindqvist", "TomArdent", "MarksSpencer"} <= set(found)
    assert not any("Lindqvist" in t and "Ardent" in t for t in found)


def test_a_role_noun_opening_a_sentence_is_not_part_of_the_name() -> None:
    text = (
        "Hydrologists found the lake shrinking. Hydrologist Mara Lindqvist said the inflow "
        "had halved, and the hydrologists expect a dry summer."
    )
    found = tags("Lake shrinks", text, limit=20)
    assert "MaraLindqvist" in found
    assert not any(t.startswith("Hydrologist") and t != "Hydrologists" for t in found)


def test_a_sentence_opening_verb_or_adjective_is_not_part_of_the_name() -> None:
    text = (
        "Disgraced Dara Quill hopes to return next season. Forget Tom Ardent, fans said; "
        "Quill is the one they want. Ardent declined to comment."
    )
    found = tags("Quill hopes to return", text, limit=20)
    assert "DaraQuill" in found and "TomArdent" in found
    assert not any(t.startswith(("Disgraced", "Forget")) for t in found)


def test_a_dateline_with_accents_and_a_line_in_capitals_give_one_tag() -> None:
    text = (
        "VÄSTRA ÅSEN, Valdoria — The ferry to Västra Åsen resumed on Monday. The boards at "
        "the pier read KESSA 06:00. The first ferry from Kessa left on time."
    )
    found = tags("Ferry resumes", text, limit=20)
    assert "VästraÅsen" in found
    assert "Kessa" in found and "KESSA" not in found
    assert not any(t.startswith("VÄSTRA") for t in found)


def test_a_title_inside_a_run_ends_the_name_before_it() -> None:
    text = (
        "Valdoria Trade Representative Karen Holt met Quellport Police Chief Ron Whitaker on "
        "Monday. Harbour Authority Director-General Anna Brink joined them, and a Democratic "
        "Congressman sent a letter. Holt said the port would reopen. The Lansing State Journal "
        "reported the meeting."
    )
    found = by_tag("Port talks", text, limit=30)
    assert {"KarenHolt", "RonWhitaker", "AnnaBrink"} <= set(found)
    assert found["KarenHolt"].kind is HashtagKind.PERSON
    assert "QuellportPolice" in found and "HarbourAuthority" in found
    assert "LansingStateJournal" in found  # "State" alone is no person's title
    assert not any(t.endswith(("Holt", "Whitaker", "Brink")) and len(t) > 11 for t in found)
    assert not any(t.startswith(("Democratic", "Trade", "Representative")) for t in found)


def test_a_capitalised_adjective_mid_sentence_opens_a_name() -> None:
    text = (
        "Teachers in New South Wales struck on Thursday. Trains of the Long Island Rail Road "
        "were late, the National Weather Service said, and the Central Bank of Valdoria held "
        "rates. New schools open next year."
    )
    found = by_tag("Strike day", text, limit=30)
    assert {"NewSouthWales", "LongIslandRailRoad", "NationalWeatherService",
            "CentralBankOfValdoria"} <= set(found)
    assert found["NewSouthWales"].kind is HashtagKind.PLACE
    assert not {"SouthWales", "IslandRailRoad", "WeatherService", "BankOfValdoria"} & set(found)
    assert not any(t.startswith("NewSchools") for t in found)


def test_for_and_and_stay_inside_an_organisations_name() -> None:
    text = (
        "The Centre for Harbour Safety and Rescue warned sailors on Friday. The Ministry of "
        "Fisheries and Coastal Affairs agreed. Bank of Valdoria and Kessa Mutual lent money."
    )
    found = by_tag("Storm warning", text, limit=30)
    assert "CentreForHarbourSafetyAndRescue" in found
    assert found["CentreForHarbourSafetyAndRescue"].kind is HashtagKind.ORG
    assert "MinistryOfFisheriesAndCoastalAffairs" in found
    assert not any(t.startswith("BankOfValdoriaAnd") for t in found)


def test_spellings_with_and_without_accents_are_one_name() -> None:
    text = (
        "President Mirek Dvořák visited the flooded valley on Monday. Dvorak promised help, "
        "and Dvořák's ministers followed. Mirek Dvorak left on Tuesday."
    )
    found = by_tag("Dvořák visits valley", text)
    dvorak = [t for t in found if fold(t).startswith(("mirekdvorak", "dvorak"))]
    assert len(dvorak) == 1 and dvorak[0].startswith("Mirek")
    assert {"Dvorak", "Mirek Dvořák"} <= set(found[dvorak[0]].variants)


def test_a_surname_spelled_two_ways_is_one_person() -> None:
    text = (
        "Valdorian President Oleksa Brodetsky said on Monday that talks would resume. "
        "Brodetskyy added that the talks would be held in Quellport. Critics of Oleksa "
        "Brodetskiy said the talks were late. Tom Harland and Mia Harlan, two negotiators, "
        "left early."
    )
    found = by_tag("Talks resume", text)
    brodetsky = [t for t in found if fold(t).startswith(("oleksabrodetsk", "brodetsk"))]
    assert brodetsky == ["OleksaBrodetsky"]
    assert {"Brodetskyy", "Oleksa Brodetskiy"} <= set(found["OleksaBrodetsky"].variants)
    # two people whose first names differ stay apart, however close their surnames
    assert {"TomHarland", "MiaHarlan"} <= set(found)


def test_a_title_cased_headline_keeps_a_name_the_body_writes_though_a_word_of_it_is_common() -> (
    None
):
    title = "Port Valmora Dockworkers Vote To Strike Over Automation Plans"
    text = (
        "Dockworkers at Port Valmora voted on Monday to strike next week after the port "
        "authority announced plans to automate three container terminals. The union said most "
        "members backed the action, and the port's customers warned of empty shelves. Other "
        "ports said they could take some of the ships, and the minister urged talks."
    )
    found = shown(title, text, limit=10)
    assert found[0] == "PortValmora"
    assert "Port" not in found


def test_the_last_word_of_a_name_used_alone_is_that_name_not_a_topic() -> None:
    text = (
        "The Halden Library reopens on Saturday after a two-year restoration. Readers queued "
        "outside the library before dawn, and the library's new reading room was full by "
        "noon. Surveyors found the library roof sound. Mayor Ilse Price said the library cost "
        "less than planned, though price rises hit the builders."
    )
    found = tags("Halden Library reopens after restoration", text, limit=12)
    assert "HaldenLibrary" in found
    assert "Library" not in found  # "the library" is the Halden Library
    assert "IlsePrice" in found


def test_a_verb_in_a_title_cased_headline_opens_no_name() -> None:
    # two minor words in seven still make a Title Cased headline
    title = "No Agreement on Plan to Avert Shutdown"
    text = (
        "Senate leaders in Valdoria failed on Thursday to agree on a spending plan, raising "
        "the odds of a government shutdown next week. Members of both parties said talks "
        "would resume on Monday, and the treasury warned that a shutdown would delay pensions."
    )
    found = tags(title, text, limit=10)
    assert not any("Avert" in t for t in found)
    assert "Shutdown" in found


def test_a_party_label_before_a_name_is_no_word_of_it() -> None:
    text = (
        "On Tuesday Democrat Ana Kessler said the bill would fail, while the Republican "
        "National Committee raised money for the campaign. Kessler spoke in Denver."
    )
    found = tags("Budget bill faces vote", text, limit=10)
    assert "AnaKessler" in found and "DemocratAnaKessler" not in found
    assert "RepublicanNationalCommittee" in found


def test_a_first_name_after_another_name_starts_a_person() -> None:
    italian = (
        "Il presidente del Consiglio Giulia Ferrante ha incontrato a Roma il segretario "
        "generale della Nato Marco Bellandi. Ferrante ha ribadito gli impegni presi."
    )
    found = tags("Ferrante incontra Bellandi a Roma", italian, limit=10, language="it")
    assert "GiuliaFerrante" in found and "MarcoBellandi" in found
    spanish = (
        "El Gobierno de Pedro Almirante aprobó la ley en el Estadio Santiago Bernabéu, y el "
        "entrenador del Real Madrid Carlo Ancelotti habló."
    )
    found = tags("Una ley nueva", spanish, limit=10, language="es")
    assert "PedroAlmirante" in found and "CarloAncelotti" in found
    assert "EstadioSantiagoBernabéu" in found  # a place named after a person stays whole
    french = "Selon l'Élysée, la visite aura lieu lundi. Ana de Armas était à Paris."
    found = tags("Visite", french, limit=10, language="fr")
    assert "Élysée" in found and not any(t.startswith("Selon") for t in found)
    assert "AnaDeArmas" in found


def test_a_middle_name_in_english_is_no_first_name_of_another_person() -> None:
    text = "John Floyd Thomas Jr was charged on Monday. The Nato Mark Rutte visit went ahead."
    found = tags("Charges", text, limit=10)
    assert "JohnFloydThomasJr" in found
    assert "MarkRutte" in found


def test_titles_currencies_and_scripts_that_are_no_names_of_their_own() -> None:
    found = tags("Senate adjourns", "The Rt. Hon. Ada Okoro and Hon. Femi Bello died. Okoro led.")
    assert "AdaOkoro" in found and "FemiBello" in found
    assert not any(t.startswith(("Hon", "Rt")) for t in found)
    found = tags("Air purifiers", "Prices start at Rs 4,999 in Delhi, and Rs 6,499 in Pune.")
    assert "Rs" not in found and "Delhi" in found
    korean = "사진을 SNS에 공개한 것은 잘못이다. 방송은 SNS에 올라온 사진을 보도했다."
    assert tags("사생활 침해", korean, language="ko") == ["SNS"]  # not #SNS에
    portuguese = "Todos dizem “3 anos, 3 anos…” Ninguém discute isso no Brasil."
    assert "Ninguém" not in tags("Escola", portuguese, language="pt")


def test_where_a_known_first_name_is_from_is_no_part_of_the_name() -> None:
    text = (
        "Doctors said Martin Talbot of Kessholm nearly died. Later, Australian Casey Dunmore "
        "lost in Hobart, and the American Airlines flight was late. Talbot is well."
    )
    found = tags("Recoveries", text, limit=12)
    assert {"MartinTalbot", "Kessholm", "CaseyDunmore", "Australia"} <= set(found)
    assert "AmericanAirlines" in found
    assert not any(t.startswith(("MartinTalbotOf", "AustralianCasey")) for t in found)


def test_lines_in_capitals_weekdays_and_royal_styles_make_no_names() -> None:
    text = (
        "KESSEL DENIES HARLOW SPECULATION\nValmora chairman Piet Kessel denied reports that "
        "coach Ada Harlow would be sacked. The show opens Wed at Lindqvay Hall Wed. Yesterday, "
        "Her Royal Highness Princess Ilse Varga opened it. Kessel backed Harlow."
    )
    found = tags("Kessel denies", text, limit=12)
    assert {"PietKessel", "AdaHarlow", "IlseVarga"} <= set(found)
    assert not any(t.isupper() and len(t) > 12 for t in found)  # no #KESSELDENIESHARLOW…
    assert not any(t.endswith("Wed") or t.startswith("Royal") for t in found)


def test_a_possessive_in_a_name_is_spelt_as_one_word() -> None:
    found = tags("x", "The match in St. George's, Grenada, was won by Ada Harlow.", limit=12)
    assert "StGeorges" in found and "StGeorgeS" not in found
    assert "STKESSELPARK" in tags("x", "They met at ST KESSEL'S PARK on Monday.")


def test_a_sentence_opened_by_a_preposition_of_another_language_opens_no_name() -> None:
    spanish = "El alcalde habló ayer. En Valmora, el alcalde Jaume Ferrer celebró la medida."
    found = tags("Una medida nueva", spanish, language="es")
    assert "Valmora" in found and "EnValmora" not in found
    german = "Der Bürgermeister sprach. Nach Angaben der Stadt Kessholm kamen viele Gäste."
    assert not any(t.startswith("Nach") for t in tags("Ein Fest", german, language="de"))


def test_german_nouns_are_topics_not_names_though_german_capitalises_them() -> None:
    german = (
        "Bürgermeisterin Ilse Varga hat am Dienstag in Kessholm über die Zukunft des Hafens "
        "gesprochen. Die SPD-Vorsitzende Anna Brandt kritisierte die Pläne und forderte mehr "
        "Geld. Die Regierung schwieg. Varga will die Pläne im Stadtrat vorlegen."
    )
    title = "Varga stellt Pläne für den Hafen vor"
    shown = {h.tag: h.kind for h in article_hashtags(title, german, language="de", topics=2)}
    assert {"IlseVarga", "Kessholm", "AnnaBrandt"} <= set(shown)
    assert shown["Pläne"] is HashtagKind.TOPIC  # a topic the headline names
    assert not {"Zukunft", "Geld", "Regierung"} & set(shown)  # nouns, not names
    assert not any("Vorsitzende" in t for t in shown)


def test_french_party_and_first_name_opening_a_sentence() -> None:
    french = "Le Rassemblement national a dénoncé une purge. Marine Valmont a estimé que non."
    found = tags("Le budget", french, language="fr")
    assert "RassemblementNational" in found and "MarineValmont" in found


def test_shouted_common_words_are_no_acronyms_and_shouted_names_are_names() -> None:
    text = (
        "DEAR CONCERNED SISTER: no. RATE this. EDITOR'S CHOICE. VOTE now. Fans of JOHN KESSEL "
        "met NASA staff. Later, Frenchman Jo-Wilfried Valmont beat Finjan CTO Yuval Ben-Dor."
    )
    found = tags("Letters", text, limit=12)
    assert {"NASA", "JohnKessel", "JoWilfriedValmont", "YuvalBenDor"} <= set(found)
    assert not {"RATE", "VOTE", "CHOICE", "DEARCONCERNED"} & set(found)
    assert not any(t.startswith(("Frenchman", "FinjanCTO")) for t in found)


def test_a_title_cased_headline_inside_the_text_and_site_links_are_no_names() -> None:
    text = (
        "Zoo Attack Victim Admits Taunting Tiger\nThe victim, Ada Kessel, spoke on Monday at "
        "the Valmora National Wildlife Association. Read our Privacy Policy. Kessel left."
    )
    found = tags("Zoo attack", text, limit=12)
    assert {"AdaKessel", "ValmoraNationalWildlifeAssociation"} <= set(found)
    assert not any(t.startswith("ZooAttack") for t in found) and "PrivacyPolicy" not in found


def test_a_first_name_in_capitals_before_a_surname_is_one_name() -> None:
    found = tags("x", "Fans saw BRITNEY Kessel at the show. Later, Kessel left.", limit=8)
    assert "BritneyKessel" in found and "BRITNEYKessel" not in found


KESSA_BODY = (
    "Valdorian President Oleksa Brodetsky travelled to the Kursk region on Tuesday, officials "
    "said. He met commanders and laid flowers at a memorial, and Kim Jong Un sent a "
    "message. Kim praised the visit."
)


def test_a_surname_alone_in_a_headline_joins_the_full_name_the_body_gives() -> None:
    for title in ("Brodetsky Visits Kursk Front", "BRODETSKY VISITS KURSK FRONT"):
        found = shown(title, KESSA_BODY, limit=10)
        assert "OleksaBrodetsky" in found[:3]
        assert not {"Brodetsky", "BRODETSKY"} & set(found)


def test_a_headline_in_capitals_reads_names_as_the_body_writes_them() -> None:
    found = shown("KIM JONG UN SENDS MESSAGE TO KURSK", KESSA_BODY, limit=10)
    assert "KimJongUn" in found[:3]
    assert "UnitedNations" not in found  # the "UN" of his name
    found = shown("UN CONDEMNS KIM MESSAGE", KESSA_BODY, limit=10)
    assert {"UnitedNations", "KimJongUn"} <= set(found)
    assert "KIM" not in found


def test_known_names_keep_their_own_canonical_form() -> None:
    text = (
        "Valdoria's National Security Council met on Monday. Talks in Cote d'Ivoire "
        "resumed, the disaster agency KAFD said, and the Red Crescent sent tents. Alphabet "
        "owns Google; Valdoria's Defence Ministry bought drones."
    )
    found = by_tag("Council meets", text, limit=30)
    assert {"NationalSecurityCouncil", "IvoryCoast", "RedCrescent", "Alphabet"} <= set(found)
    assert not {"UNSecurityCouncil", "RedCross", "DefenseDepartment"} & set(found)
    assert found["KAFD"].kind is HashtagKind.ORG


def test_a_legal_form_alone_is_no_tag_and_a_last_word_after_an_ampersand_joins() -> None:
    text = (
        "Valdoria Electronics Co. reported a record quarter. Analysts at Kessa Investment & "
        "Securities expect more. The Federal Harbour Safety Administration approved the port."
    )
    found = by_tag("Record quarter", text, limit=30)
    assert "ValdoriaElectronics" in found and "Co" not in found
    assert "KessaInvestmentSecurities" in found and "Securities" not in found
    assert found["FederalHarbourSafetyAdministration"].kind is HashtagKind.ORG


def test_photo_credits_and_plurals_do_not_join_a_persons_name() -> None:
    text = (
        "Photo: Ada Quill/Kessa Wire. Tom Ardent reported from the pier, where "
        "Republicans Mara Lindqvist and Olle Brandt met the designers. Designers Rita "
        "Flores and Ana Ruiz showed coats. Quill, Ardent and Brandt left at noon."
    )
    found = tags("Harbour show", text, limit=30)
    assert {"TomArdent", "MaraLindqvist", "RitaFlores"} <= set(found)
    assert not any(t.startswith("AdaQuill") for t in found)  # a photo credit
    assert not any(t.startswith(("AdaQuillKessa", "RepublicansMara", "DesignersRita"))
                   for t in found)


def test_organisations_named_after_a_place_or_a_common_word_stay_whole() -> None:
    text = (
        "Brenner's Corp. shares fell on the New York Stock Exchange on Monday. Officers of "
        "the Denver Police Department and Ireland's Data Protection Commission asked "
        "questions, and the Centers for Harbour Safety and Rescue replied. Brenner's sales "
        "fell at the Al Kessa International Airport shop."
    )
    found = by_tag("Shares fall", text, limit=30)
    assert {"Brenners", "NewYorkStockExchange", "DenverPoliceDepartment",
            "DataProtectionCommission", "CentersForHarbourSafetyAndRescue",
            "AlKessaInternationalAirport"} <= set(found)
    assert found["NewYorkStockExchange"].kind is HashtagKind.ORG
    assert not {"Brenner", "StockExchange", "ProtectionCommission", "KessaInternationalAirport",
                "NewYork"} & set(found)


def test_a_person_of_a_country_and_surnames_that_are_common_words() -> None:
    text = (
        "Tadej Ostrovnik of Slovenia won the stage. Coach Ryan Day said the team was ready, "
        "and Prime Minister Theresa May said the same on May 5. Del Quill, said Vinny Del "
        "Quill, was fine; Del Quill left."
    )
    found = tags("Stage win", text, limit=30)
    assert {"TadejOstrovnik", "Slovenia", "RyanDay", "TheresaMay", "VinnyDelQuill"} <= set(found)
    assert not any(t.startswith("TadejOstrovnikOf") for t in found)
    assert not {"Ryan", "Theresa", "DelQuill"} & set(found)


def test_a_state_school_and_a_possessive_place_before_an_office() -> None:
    text = (
        "Ohio State University's team won in March. New Mexico's U.S. Senate seat is open, "
        "the March Harbour News said, and Kenny Do, a fan, cheered."
    )
    found = tags("Team wins", text, limit=30)
    assert "OhioStateUniversity" in found and "Ohio" not in found
    assert {"Senate", "NewMexico"} <= set(found) and "Mexico" not in found
    assert not any(t.startswith(("March", "KennyDo")) for t in found)


def test_names_in_capitals_read_as_names() -> None:
    text = (
        "Photo: GRETA HALVORSEN. Mara Lindqvist KESSAVIK, Valdoria - Mara Lindqvist opened the "
        "bridge, and the NASA JPL team watched."
    )
    found = tags("MARA LINDQVIST OPENS BRIDGE", text, limit=20)
    assert {"GretaHalvorsen", "MaraLindqvist", "NASAJPL"} <= set(found)
    assert not any(t.startswith(("GRETA", "MARA", "MaraLindqvistKESSAVIK")) for t in found)


def test_a_middle_initial_and_a_crown_prince_do_not_make_other_names() -> None:
    text = (
        "Tomas K. Ardent met Crown Prince Selim bin Haddar in Kessa. Tomas Ardent said the "
        "talks went well, and SBH, as Selim bin Haddar is known, agreed. SBH left on Friday."
    )
    found = by_tag("Talks in Kessa", text)
    assert {"TomasArdent", "SelimBinHaddar"} <= set(found)
    assert "Tomas K Ardent" in found["TomasArdent"].variants
    assert "SBH" in found["SelimBinHaddar"].variants
    assert not any(t.startswith(("TomasKArdent", "Crown")) or t == "SBH" for t in found)


def test_titles_and_particles_of_other_languages() -> None:
    es = shown("Sánchez viaja a Kessa", "Según El Faro, el presidente Tomás Quill viajó a Kessa.",
               language="es")
    assert "ElFaro" in es and not any(t.startswith("Según") for t in es)
    de = shown("Besuch in Kessa", "Bundeskanzlerin Mara Lindqvist hat Kessa besucht.",
               language="de")
    assert "MaraLindqvist" in de and not any(t.startswith("Bundeskanzlerin") for t in de)


def test_the_owner_of_a_title_is_the_known_name_it_opens_with() -> None:
    text = (
        "U.S. District Judge Mara Lindqvist ruled on Friday. Kessa County Sheriff Tom Ardent "
        "agreed, and Valdoria Aviation SE said the ruling was fair; East Kessa residents too."
    )
    found = by_tag("Ruling", text, limit=30)
    assert {"UnitedStates", "MaraLindqvist", "KessaCounty", "TomArdent",
            "ValdoriaAviation"} <= set(found)
    assert not any(t.startswith(("USDistrict", "Sheriff")) for t in found)
    assert found["EastKessa"].kind is HashtagKind.PLACE


def test_elect_and_speaker_titles_and_a_sentence_initial_word_of_a_known_name() -> None:
    text = (
        "President-elect Mara Lindqvist met House Speaker Tom Ardent on Monday. The Supreme "
        "Court was closed. Court officials said it would open on Tuesday."
    )
    found = by_tag("Court closed", text)
    assert {"MaraLindqvist", "TomArdent", "SupremeCourt"} <= set(found)
    assert "Court" in found["SupremeCourt"].variants
    assert not any(t.startswith(("President", "Speaker")) or t == "Court" for t in found)


def test_a_title_cased_headline_keeps_both_words_of_a_known_name() -> None:
    found = tags("Harbour Festival Comes To New York With Three Days Of Music", "")
    assert "NewYork" in found and "York" not in found


def test_names_opening_with_a_bank_or_a_known_company_are_organisations() -> None:
    text = "Analysts at Banco Quellar and at Sony Harbour said Bank Kessa would grow."
    found = by_tag("Banks grow", text)
    for tag in ("BancoQuellar", "SonyHarbour", "BankKessa"):
        assert found[tag].kind is HashtagKind.ORG


def test_named_days_and_known_names_before_a_weekday() -> None:
    text = (
        "Shoppers crowded Kessa's stores on Black Friday. In Paris Friday, Mara Lindqvist "
        "spoke; Super Tuesday comes next. Last Friday was quiet."
    )
    found = by_tag("Black Friday crowds", text)
    assert found["BlackFriday"].kind is HashtagKind.EVENT
    assert found["SuperTuesday"].kind is HashtagKind.EVENT
    assert found["Paris"].kind is HashtagKind.PLACE
    assert not any(t in ("Black", "ParisFriday", "LastFriday") for t in found)


def test_a_common_word_after_a_title_and_before_a_name_is_a_first_name() -> None:
    text = (
        "Gov. Jan Quill signed the bill on Monday. Quarterback Will Ardent threw twice. "
        "Quill said the bill would pass, and Ardent agreed."
    )
    found = tags("Quill signs bill", text, limit=20)
    assert {"JanQuill", "WillArdent"} <= set(found)
    assert not {"Quill", "Ardent"} & set(found)


def test_a_plural_opening_a_sentence_before_of_is_no_name_part() -> None:
    text = (
        "Residents of Kessa locked their doors. Users of Quill Office complained, the Daily "
        "Harbour Mail said. Bank of Valdoria agreed."
    )
    found = tags("Kessa locked down", text, limit=20)
    assert {"Kessa", "QuillOffice", "DailyHarbourMail", "BankOfValdoria"} <= set(found)
    assert not any(t.startswith(("Residents", "Users")) for t in found)


def test_after_a_title_a_person_of_an_organisation_is_two_names() -> None:
    text = (
        "Chairman Olle Brandt of Kessa Harbour Holdings said the deal was done. The Quellport "
        "Walk of Fame was busy."
    )
    found = tags("Deal done", text, limit=20)
    assert {"OlleBrandt", "KessaHarbourHoldings", "QuellportWalkOfFame"} <= set(found)


def test_the_people_of_a_place_and_of_a_continent_name_the_place() -> None:
    text = "New Yorkers and Londoners sweltered on Monday, European leaders met, Berliners too."
    found = by_tag("Heatwave", text)
    assert {"NewYork", "London", "Europe", "Berlin"} <= set(found)
    assert "New Yorkers" in found["NewYork"].variants
    assert not any(t.startswith(("NewYorkers", "Londoners", "European")) for t in found)


def test_of_the_stays_inside_a_name() -> None:
    text = (
        "The Bank of the West lent money to the Museum of the Harbour, and the President of "
        "the United States spoke."
    )
    found = tags("Loan", text, limit=20)
    assert {"BankOfTheWest", "MuseumOfTheHarbour", "UnitedStates"} <= set(found)
    assert not any(t.startswith("President") for t in found)


def test_a_verb_opening_a_sentence_before_a_known_place_is_no_name_part() -> None:
    text = "Guess Utah is a democracy after all. Forget Texas, said Mara Quill. Mark Ardent wrote."
    found = tags("Vote", text, limit=20)
    assert {"Utah", "Texas", "MaraQuill", "MarkArdent"} <= set(found)
    assert not any(t.startswith(("Guess", "Forget")) for t in found)


def test_a_known_topic_keeps_its_kind_after_in() -> None:
    found = {h.tag: h for h in extract_hashtags("HIV cases fall", "Experts in HIV said so.")}
    assert found["HIV"].kind is HashtagKind.TOPIC


def test_a_state_abbreviation_needs_its_full_stop() -> None:
    text = "The bishop said Mass for the town. A fan from Boston, Mass., and one from Newark, N.J."
    found = by_tag("Crowds", text)
    assert {"Massachusetts", "NewJersey"} <= set(found)
    assert found["Massachusetts"].variants == ("Mass",)


def test_hyphenated_and_apostrophe_names_are_people() -> None:
    text = "Alma Ostrava-Kessa and Mara O'Quill spoke, and Jean-Luc Ardent agreed."
    found = by_tag("Debate", text, limit=10)
    for tag in ("AlmaOstravaKessa", "MaraOQuill", "JeanLucArdent"):
        assert found[tag].kind is HashtagKind.PERSON


def test_bylines_and_agency_credits_are_no_tags() -> None:
    text = (
        "By Ada Quill and Olle Brandt\n"
        "KESSA, Valdoria (Reuters) - Valdoria's Health Ministry said 37 people were hurt in "
        "Kessa on Thursday. Mara Lindqvist, a nurse, said the hospital was full. "
        "(Reporting by Ada Quill; Editing by Tom Ardent)"
    )
    found = tags("Dozens hurt in Kessa", text, limit=20)
    assert {"Kessa", "HealthMinistry", "MaraLindqvist"} <= set(found)
    assert not {"AdaQuill", "OlleBrandt", "TomArdent", "Reuters", "Ministry"} & set(found)


def test_a_deputy_police_chief_is_a_title_before_a_person() -> None:
    text = "Interim Deputy Police Chief Mara Quill said the Health Ministry was told."
    found = tags("Police", text, limit=20)
    assert {"MaraQuill", "HealthMinistry"} <= set(found)
    assert not any(t.startswith(("Deputy", "Interim")) for t in found)


def test_a_title_word_before_an_organisation_word_opens_the_name() -> None:
    text = (
        "Major League Lacrosse fined the club on Monday. Admiral Group said its profit rose, "
        "and Captain Ada Ostrova of the coast guard said the harbour was closed."
    )
    found = tags("Fines and profits", text, limit=30)
    assert {"MajorLeagueLacrosse", "AdmiralGroup", "AdaOstrova"} <= set(found)
    assert not {"LeagueLacrosse", "Group", "CaptainAdaOstrova"} & set(found)


def test_a_place_and_a_plural_team_name_are_one_team() -> None:
    text = (
        "The Kessa Harbour Gulls beat the New York Grey Herons 3-1 on Sunday. Fans in New York "
        "and Kessa Harbour watched the match."
    )
    found = by_tag("Gulls win", text, limit=30)
    assert found["NewYorkGreyHerons"].kind is HashtagKind.ORG
    assert "KessaHarbourGulls" in found
    assert not {"GreyHerons", "Herons"} & set(found)


def test_a_unit_ends_an_organisation_and_amendments_are_known() -> None:
    text = (
        "Soldiers of the Military Emergencies Unit reached Kessa. Lawyers said the ban breaks "
        "the First Amendment."
    )
    found = tags("Floods in Kessa", text, limit=30)
    assert {"MilitaryEmergenciesUnit", "FirstAmendment"} <= set(found)
    assert not {"EmergenciesUnit", "Amendment"} & set(found)


def test_german_titles_articles_and_days_are_no_part_of_names() -> None:
    text = (
        "Finanzministerin Ada Kessler verteidigte am Mittwoch die Pläne gegen Kritik der "
        "Grünen. Regierungssprecher Olle Brandt sagte, die Pauschale steige im Januar."
    )
    found = tags("Kessler verteidigt Pläne", text, language="de", limit=30)
    assert {"AdaKessler", "OlleBrandt", "Grünen"} <= set(found)
    assert not {"FinanzministerinAdaKessler", "KritikDerGrünen", "Mittwoch", "Januar"} & set(
        found
    )


def test_spanish_names_keep_de_los_and_two_unions_stay_two() -> None:
    text = (
        "La ministra Ana Ortega y Gasset defendió la medida en el Congreso de los Diputados. "
        "Los sindicatos CCOO y UGT la celebraron en Valmora."
    )
    found = tags("El Congreso aprueba la medida", text, language="es", limit=30)
    assert {"CongresoDeLosDiputados", "AnaOrtegaYGasset", "CCOO", "UGT"} <= set(found)
    assert "CCOOYUGT" not in found


def test_a_known_city_stays_itself_beside_the_names_it_opens() -> None:
    text = (
        "A woman was found dead in a flat in Leeds on Friday. Ada Quill will appear at Leeds "
        "Magistrates' Court on Monday. Flights from Dortmund Airport and trains of the Long "
        "Island Rail Road were cancelled."
    )
    found = by_tag("Woman found dead in Leeds", text, limit=30)
    assert found["Leeds"].kind is HashtagKind.PLACE
    assert {"LeedsMagistratesCourt", "DortmundAirport", "LongIslandRailRoad"} <= set(found)
    assert "Magistrates" not in found


def test_a_person_of_the_institute_and_a_country_spelled_without_the() -> None:
    text = (
        "A team led by Ada Ostrova of the Kessa Normal School found the galaxy. Fighting in "
        "the Democratic Republic of Congo went on. The U.S. Food and Drug Administration "
        "approved the drug."
    )
    found = tags("Galaxy found", text, limit=30)
    assert {"AdaOstrova", "KessaNormalSchool", "DRCongo", "FDA", "UnitedStates"} <= set(found)
    assert "US" not in found


def test_a_singular_topic_that_a_name_ends_with_is_left_to_the_name() -> None:
    text = (
        "Kessa County closed roads on Tuesday. The county said crews were pumping water, and "
        "the county office stayed open. Parties in Kessa disagreed, and the parties met."
    )
    found = tags("Kessa County floods", text, limit=20)
    assert "KessaCounty" in found and "County" not in found


def test_a_place_and_a_plural_make_a_team() -> None:
    text = (
        "The Los Angeles Quillers beat the Boston Ardents on Tuesday. The Quillers moved up, "
        "and the Ardents fell. Texas Republicans met in Boston."
    )
    found = by_tag("Quillers win", text)
    assert found["LosAngelesQuillers"].kind is HashtagKind.ORG
    assert found["BostonArdents"].kind is HashtagKind.ORG
    assert "Quillers" in found["LosAngelesQuillers"].variants
    assert {"Texas", "RepublicanParty", "Boston"} <= set(found)
    assert not {"Quillers", "Ardents", "LosAngeles"} & set(found)


def test_a_known_companys_form_and_an_and_before_an_authority() -> None:
    text = (
        "Goldman Sachs Group Inc. reported profits. Valdoria's Competition and Harbours "
        "Authority objected, and Apple and Google Play were fined."
    )
    found = tags("Profits", text, limit=20)
    assert {"GoldmanSachs", "CompetitionAndHarboursAuthority", "Apple"} <= set(found)
    assert "Group" not in found
    assert not any(t.startswith("AppleAnd") for t in found)


def test_hyphenated_known_names_and_organisations_with_variants() -> None:
    text = (
        "Shares of Wal-Mart and Coca-Cola fell. The Israel Defense Forces said IDF troops "
        "left, and the New York Police Department said NYPD officers helped."
    )
    found = by_tag("Shares fall", text)
    assert {"Walmart", "CocaCola", "IDF", "NYPD"} <= set(found)
    assert "Israel Defense Forces" in found["IDF"].variants
    assert not any(t in ("WalMart", "NewYork", "IsraelDefenseForces") for t in found)


def test_a_party_named_by_its_members_is_not_another_countrys_party() -> None:
    text = (
        "Finance Minister Lars Klingbeil, who leads the Social Democrats, met the liberal Free "
        "Democrats in Berlin. In Washington, the Democrats and Senate Republicans said no."
    )
    found = by_tag("Budget talks", text)
    assert found["SocialDemocrats"].kind is HashtagKind.ORG
    assert found["FreeDemocrats"].kind is HashtagKind.ORG
    assert {"DemocraticParty", "RepublicanParty", "Senate"} <= set(found)
    assert "SenateRepublicans" not in found


def test_an_acronym_in_brackets_after_a_name_is_that_name() -> None:
    text = (
        "The deal between the Christian Democratic Union (CDU) and the Social Democrats (SPD) "
        "held. The SPD said no, and the far-right Alternative for Germany (AfD) objected. "
        "Jane Doe (AP) reported from Berlin."
    )
    found = by_tag("Coalition deal", text)
    assert "SPD" in found["SocialDemocrats"].variants
    assert "CDU" in found["ChristianDemocraticUnion"].variants
    assert "Alternative for Germany" in found["AfD"].variants
    assert "AP" not in found["JaneDoe"].variants
    assert not {"SPD", "Alternative"} & set(found)


def test_the_kind_of_event_a_name_opens_with_is_left_to_the_name() -> None:
    text = (
        "Hurricane Odalys made landfall on the coast on Tuesday. Forecasters said the hurricane "
        "would weaken, but the hurricane's rain flooded two towns, and hurricane shelters "
        "filled. Officials said the hurricane had passed by nightfall."
    )
    found = tags("Hurricane Odalys hits coast", text, limit=20)
    assert "HurricaneOdalys" in found
    assert "Hurricane" not in found


def test_a_title_cased_headline_word_that_ends_a_body_name_joins_it() -> None:
    title = "Kessford Study Finds City Bees Learn Faster Than Rural Ones"
    text = (
        "Bumblebees in cities learn faster, according to researchers at the University of "
        "Kessford. The Supreme Court of Valdoria was not involved."
    )
    found = by_tag(title, text)
    assert "Kessford" in found["UniversityOfKessford"].variants
    assert found["UniversityOfKessford"].score == 1.0  # named in the headline: it leads
    assert "Kessford" not in found


def test_rivers_mines_and_planets_are_places_not_people() -> None:
    text = (
        "Water from the River Kessa flooded homes, and the river rose two metres. Workers at "
        "El Brezal, the copper mine, were sent home. The Jupiter Icy Moons Explorer flew past "
        "Venus on its way to Jupiter."
    )
    found = by_tag("Floods", text)
    assert found["RiverKessa"].kind is HashtagKind.PLACE
    assert found["ElBrezal"].kind is HashtagKind.PLACE
    assert found["Jupiter"].kind is HashtagKind.PLACE
    assert found["Venus"].kind is HashtagKind.PLACE
    assert "River" not in found


def test_known_football_clubs_are_organisations_not_their_city() -> None:
    text = "Real Madrid beat Bayern Munich 2-1, and Manchester United lost at home."
    found = by_tag("Cup night", text)
    for club in ("RealMadrid", "BayernMunich", "ManchesterUnited"):
        assert found[club].kind is HashtagKind.ORG
    assert "Madrid" not in found


def test_a_word_used_only_inside_quotations_ranks_below_the_same_word_in_the_narrative() -> None:
    quoted = (
        'The council approved the harbour budget on Monday. "This budget mortgages our '
        'grandchildren\'s future and our grandchildren will pay," one member said. The '
        "budget passed by nine votes to four, and the harbour works start in May."
    )
    narrated = quoted.replace('"This', "This").replace('pay,"', "pay,")
    def rank(text: str) -> int:
        return tags("Harbour budget approved", text, limit=20).index("Grandchildren")

    assert rank(quoted) > rank(narrated)


def test_the_chancellor_named_three_times_is_among_the_shown_tags() -> None:
    path = Path(__file__).resolve().parents[1] / "data/entities/merz-budget-deal.txt"
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    found = shown(title, body, limit=10)
    assert {"FriedrichMerz", "ChristianDemocraticUnion"} <= set(found)


def test_a_compound_role_before_a_name_is_no_part_of_it() -> None:
    text = (
        "Harbourmaster Ilse Varnhagen said the ferry timetable would add two evening crossings. "
        "Varnhagen said the crossings start in May, and Headmaster Tomas Brell welcomed them."
    )
    found = tags("New ferry timetable", text, limit=20)
    assert {"IlseVarnhagen", "TomasBrell"} <= set(found)


def test_companies_ending_in_works_or_partners_stay_whole_and_apart() -> None:
    text = (
        "The invoices came from a fictitious firm, Tarnside Civil Works, the court heard. "
        "Kessel Logistics and Brann Partners denied any part in it, and the Competition and "
        "Markets Authority said it would look again."
    )
    found = by_tag("Invoice fraud", text)
    for org in ("TarnsideCivilWorks", "KesselLogistics", "BrannPartners",
                "CompetitionAndMarketsAuthority"):
        assert found[org].kind is HashtagKind.ORG


def test_a_name_is_one_tag_whether_its_accents_are_composed_or_not() -> None:
    composed = tags("Talks in Ankara", "Recep Tayyip Erdoğan met envoys in Ankara.")
    decomposed = tags("Talks in Ankara", "Recep Tayyip Erdog\u0306an met envoys in Ankara.")
    assert "RecepTayyipErdoğan" in composed
    assert decomposed == composed


def test_brands_in_lower_camel_case_and_model_numbers_are_names() -> None:
    text = (
        "Shares of eBay rose after the Verizon iPhone sold out. Regulators grounded the Boeing "
        "737 Max, and the Kessa 5 Pro went on sale. Chelsea 2 Arsenal 1 was the score."
    )
    found = tags("Markets", text, limit=30)
    assert {"eBay", "iPhone", "Verizon", "Boeing737Max", "Kessa5Pro"} <= set(found)
    assert not any(t.startswith(("EBay", "IPhone", "VerizonI", "Chelsea2")) for t in found)


def test_a_company_opening_a_sentence_before_its_chief_is_a_name() -> None:
    text = "Quellar Chief Executive Ada Ostrova said the plan worked. Kessa CEO Jan Brandt agreed."
    found = tags("Plans", text, limit=20)
    assert {"Quellar", "AdaOstrova", "Kessa", "JanBrandt"} <= set(found)
