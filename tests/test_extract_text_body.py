"""The body run of a text dump: which stretch of prose is the article.

Hand-written dumps, each built to show one rule about a page's structure."""

from __future__ import annotations

import pytest

from briefs.clean import clean_text
from briefs.extract.text import extract_text
from briefs.extract.text.blocks import make_blocks, tokens, weight
from briefs.extract.text.body import article_runs, comments, introduced_lists, teasers
from briefs.extract.text.lexicon import is_embed_notice, is_viewer_button
from briefs.record import Brief

PARAGRAPH = ("The council said on Monday that it would raise the budget for the schools of "
             "the district next year, and officials said the money would go to teachers.")


def _extract(lines: list[str]) -> Brief:
    return extract_text(clean_text("\n\n".join(lines))[0])


def _teaser_list(n: int) -> list[str]:
    """A list of other stories: a title, its summary, a source label, again and again."""
    out = []
    for i in range(n):
        out += [f"Deal alert: the new laptop number {i} is down to its lowest price",
                f"Shoppers who wanted laptop {i} can now get it for less than ever before, and "
                "the offer is one of the best of the season so far, with free delivery in the "
                "whole country and a long warranty that the shop says it will honour.",
                "Example Deals"]
    return out


ARTICLE = [
    "Home", "News", "Sport",
    "Schools get more money next year",
    "By Jane Roe",
    *[f"{PARAGRAPH} Paragraph {i} adds what the mayor said about it." for i in range(3)],
]


PAGE_JUNK = ["Share", "Tweet", "Comments", "Advertisement", "Trending", "Sign up",
             "About us", "Contact us", "Deals"]


def test_a_longer_teaser_list_does_not_beat_the_article() -> None:
    brief = _extract([*ARTICLE, *PAGE_JUNK, *_teaser_list(8), "Privacy policy"])
    assert brief.title == "Schools get more money next year"
    assert len(brief.body) == 3
    assert all("laptop" not in p for p in brief.body)


TITLED = ["He Was Resurrected From The Dead And Got A Second Chance With His Family.",
          "These Unluckily Hilarious Wedding Announcements Will Bring A Smile To Your Face.",
          "This Mum-To-Be Created A Pregnancy Time-Lapse Video That Will Unleash Your Joy.",
          "The Best 20 Inventions You’ve Never Heard Of But Will Definitely Want To Own."]


def test_titles_with_every_word_capitalised_are_no_prose_after_the_article() -> None:
    # An English site's list of other stories, each title a sentence with a full stop:
    # long enough, with stopwords, they read as prose but for their capitals.
    brief = _extract([*ARTICLE, "Latest from the site", *TITLED * 3, "Privacy policy"])
    assert len(brief.body) == 3 and all("Paragraph" in p for p in brief.body)
    others = [PARAGRAPH, PARAGRAPH.upper(),
              "Die Bundesregierung plant am Montag neue Regeln für die Mieter in Berlin.",
              "また、Wi-Fi Protection と Trend Micro Smart Protection Network が連携する"]
    blocks = make_blocks([*TITLED, *others])
    assert [b.titled for b in blocks] == [True] * 4 + [False] * 4
    # an article printed in capitals throughout is read as the article
    shouted = _extract([line.upper() for line in ARTICLE])
    assert len(shouted.body) == 3 and shouted.title == ARTICLE[3].upper()
    assert not any(b.prose for b in blocks[:4]) and blocks[4].prose


def test_a_sites_legal_footer_is_no_text_under_a_lone_paragraph() -> None:
    # A photo gallery's page: one paragraph among widgets, so it counts half; below, the
    # site's legal lines, long sentences full of stopwords.
    lone = ("Today on the first day of Kwanzaa, a week-long celebration of African heritage, "
            "children at the branch library read stories and made crafts in a celebration "
            "organised by the children's librarian, and an exhibit on the diaspora by a local "
            "artist is on display at the library until the end of the month.")
    lines = ["Home", "News", "Kwanzaa is celebrated at the branch library",
             "Loading Photo Gallery", "Print", "By Dan Roe", "on December 26, 2014 at 3:52 PM",
             "View/Post Comments", lone, "View/Post Comments", "Related Stories",
             *[f"Section {i}" for i in range(30)],
             "© 2015 Example Media Group All rights reserved (About Us).",
             "The material on this site may not be reproduced, distributed, transmitted, cached "
             "or otherwise used, except with the prior written permission of Example Media.",
             "This material may not be published, broadcast, rewritten, or redistributed.",
             "Ad Choices"]
    brief = _extract(lines)
    assert brief.body == (lone,)
    assert brief.title == "Kwanzaa is celebrated at the branch library"


def test_teaser_paragraphs_are_found_between_titles() -> None:
    lines = [*ARTICLE, "Deals", *_teaser_list(4)]
    blocks = make_blocks(lines)
    found = teasers(blocks)
    assert found == {i for i, line in enumerate(lines) if line.startswith("Shoppers")}


def test_an_interview_is_not_a_teaser_list() -> None:
    """Questions end like sentences; a teaser's title does not."""
    lines = ["Home", "Ten questions for the new mayor", "By Jane Roe"]
    for i in range(6):
        lines += [f"Q: What comes first, problem {i}?",
                  f"A: {PARAGRAPH} That is my answer number {i}, and I mean it."]
    lines += ["Related", *_teaser_list(3)]
    assert not teasers(make_blocks(lines)) & set(range(3, 15))
    brief = _extract(lines)
    assert brief.title == "Ten questions for the new mayor"
    assert sum(p.startswith("A: ") for p in brief.body) == 6


def _thread(n: int) -> list[str]:
    """A comment thread: a name, a date and time, a long comment, again and again."""
    out = []
    for i in range(n):
        out += [f"reader{i} says:", f"November {i + 1}, 2019 at 6:{i:02d} am",
                f"I think the council is wrong about this, number {i}, because the schools "
                "in my part of the district have been waiting for years and the money always "
                "goes somewhere else first, as everyone here knows very well by now.",
                "Reply"]
    return out


def test_a_longer_comment_thread_does_not_beat_the_article() -> None:
    lines = [*ARTICLE, "Share this:", "12 responses", *_thread(10), "Leave a Reply"]
    brief = _extract(lines)
    assert brief.title == "Schools get more money next year"
    assert len(brief.body) == 3
    assert all("I think the council is wrong" not in p for p in brief.body)


def test_a_thread_many_times_longer_than_the_post_is_cut_at_its_heading() -> None:
    """Eighty comments under a short post outweigh it even at a tenth of a paragraph's
    weight each: the heading over the thread ends the article, with the post's text a
    small share of the run above it."""
    post = ["Home", "Blog", "Schools get more money next year", "Posted by Jane Roe",
            f"{PARAGRAPH} The mayor spoke first.", f"{PARAGRAPH} The unions spoke last."]
    thread = []
    for i in range(80):  # each comment longer than the post's paragraphs, signed under it
        thread += [f"{PARAGRAPH} I agree with number {i}, and so does my neighbour. " * 3,
                   f"Posted by: reader{i} at November {i % 28 + 1}, 2012 7:{i % 60:02d} AM"]
    for heading in ("Comments", "80 thoughts on “Schools get more money next year”"):
        brief = _extract([*post, heading, *thread, "Leave a Reply"])
        assert list(brief.body) == [post[4], post[5]], heading


def test_a_short_post_beats_a_longer_blurb_below_the_boxes_after_it() -> None:
    """One paragraph of a post, then the boxes that follow an article ("Related Posts",
    "Comments"), then the publisher's blurb, a little longer: the post comes first, and
    the blurb below the first end-of-article heading does not outscore it by enough."""
    post = ("The leather works studio of Frank Clegg in Fall River has made bags by hand "
            "for forty years, and the owner says that staying small and local is the only "
            "way he knows to keep the quality his customers expect from every single piece.")
    blurb = ("Example Media is a wholly independent publisher of online fashion and "
             "lifestyle news websites for men and women, founded in 2006 and based in New "
             "York and in Berlin, with a team of editors and writers who cover style, "
             "design, travel and culture for millions of readers every month.")
    lines = ["Home", "Style", "Portrait of an American craftsman", "By Jane Roe", post,
             "Share", "Tweet", "Related Posts", "A visit to a Brooklyn tailor",
             "The shoemakers of Northampton", "Comments", "RSS Feed", "About", blurb,
             "Privacy policy"]
    assert list(_extract(lines).body) == [post]


def test_a_comments_link_under_the_headline_does_not_end_the_article() -> None:
    """A share bar's "Comments" under the standfirst has the article below it, not a
    thread: the article's paragraphs stay, and the comments after it go."""
    lines = ["News", "Schools get more money next year",
             "The district's schools will get more money next year, the council said.",
             "Share", "Comments", *ARTICLE[5:], "Comments", *_thread(40)]
    brief = _extract(lines)
    assert len(brief.body) >= 3 and brief.body[-1] == ARTICLE[-1]


def test_comment_paragraphs_follow_a_chain_of_stamps() -> None:
    lines = [*ARTICLE, *_thread(4)]
    found = comments(make_blocks(lines))
    # the text after each stamp but the first (which may be the article's own date)
    assert found == {i for i, line in enumerate(lines) if line.startswith("I think")} - {10}


ITALIAN = ["Cronaca", "Crolla un ponte sul Po, nessun ferito",
           "Il ponte sul fiume Po a Piacenza è crollato nella notte, senza feriti: la strada "
           "era già chiusa al traffico da una settimana per i lavori di manutenzione.",
           "Il sindaco ha detto che i tecnici avevano segnalato crepe nei piloni già a "
           "ottobre, e che la demolizione del resto della struttura comincerà lunedì.",
           "La procura ha aperto un fascicolo per disastro colposo e ha sequestrato i progetti "
           "dei lavori eseguiti negli ultimi dieci anni sul viadotto."]


def test_comments_stamped_with_a_time_past_in_another_language_are_a_thread() -> None:
    """``2 ore fa`` ("2 hours ago") stamps a comment as ``2 hours ago`` does: the thread
    under an Italian article is no part of its text."""
    lines = [*ITALIAN]
    for i, name in enumerate(["Anna Rossi", "Marco Bianchi", "Luca Verdi", "Giulia Neri"]):
        lines += [name, f"{i + 2} ore fa",
                  f"Commento numero {i}: ci passavo ogni mattina per andare al lavoro, e da "
                  "mesi si sentivano scricchiolii quando passavano i camion pesanti sul ponte."]
    brief = _extract(lines)
    assert brief.title == "Crolla un ponte sul Po, nessun ferito"
    assert list(brief.body[:3]) == ITALIAN[2:]
    # (the text after the chain's first stamp may be the article's: it stays)
    assert not any(p.startswith(("Commento numero 1", "Commento numero 2", "Commento numero 3"))
                   or p.endswith("ore fa") or p in ("Marco Bianchi", "Luca Verdi")
                   for p in brief.body)


@pytest.mark.parametrize(("line", "end"), [
    ("About Brigit Katz", True), ("Über Moritz Bachmann", True), ("Sobre Carlos Nadalim", True),
    ("About This Site", False), ("About time", False), ("About 300 people came", False),
])
def test_a_heading_about_a_writer_ends_the_article(line: str, end: bool) -> None:
    assert make_blocks([line])[0].end is end


def test_an_author_box_after_the_text_is_not_the_text() -> None:
    """The paragraph under "About Jane Roe" (her career, her book) is prose, but not the
    article's: the heading ends the text, as "About the author" does."""
    bio = ("Jane Roe has written about schools and budgets for twenty years, and before that "
           "she taught history in the district for a decade; her book on the city's schools "
           "came out in 2019 and won a regional prize.")
    brief = _extract([*ARTICLE, "About Jane Roe", bio, "Read more from this author"])
    assert brief.title == "Schools get more money next year"
    assert list(brief.body) == ARTICLE[-3:]


def test_dated_links_above_a_short_article_are_no_comment_thread() -> None:
    """Two stories' titles, each with its date, between the headline's date and the
    text: three dates close together, as a thread's, but a date alone under a title is
    a link's, so the article's paragraphs after them are not read as a comment."""
    paragraphs = [f"{PARAGRAPH} Paragraph {i} adds what the mayor said about it."
                  for i in range(4)]
    lines = ["Home", "News", "Schools get more money next year", "October 15, 2023",
             "Read also", "Council elects a new mayor after a tight race in the city",
             "November 1, 2023", "Storm closes the harbour for a week as repairs begin",
             "October 30, 2023", *paragraphs, "You might also like:",
             "Ferry fares rise again as the operator blames…", "Deal alert: the new laptop…",
             "Sign up for our newsletter and never miss a story from the city!",
             "Follow us on Facebook | Instagram"]
    assert comments(make_blocks(lines)) == set()
    brief = _extract(lines)
    assert brief.title == "Schools get more money next year"
    assert list(brief.body) == paragraphs
    assert brief.date is not None and brief.date.isoformat() == "2023-10-15"
    # a review's date beside its writer's name, under the review's title, is a comment's
    reviews = [("Great hutch, the rabbits love it and it was easy to build",
                "Georg N. am 10.4.2020"),
               ("Sturdy and well made, worth every cent of it", "Stefanie am 19.2.2012"),
               ("Looks lovely in the garden and the price is fair", "Herbert am 15.7.2010")]
    review_lines = [*lines[:9], *paragraphs]
    for (title, stamp), text in zip(reviews, paragraphs, strict=False):
        review_lines += [title, stamp, text]
    assert comments(make_blocks(review_lines))


def test_embedded_posts_and_references_are_not_a_thread() -> None:
    """Signatures of quoted posts and dated references are not comment stamps."""
    lines = ["Home", "Schools get more money next year"]
    for i in range(5):
        lines += [f"{PARAGRAPH} Paragraph {i} quotes a post.",
                  f"— Jane Roe (@janeroe{i}) November {i + 1}, 2019",
                  f"Retrieved {i + 1} May 2015."]
    assert comments(make_blocks(lines)) == set()
    assert len(_extract(lines).body) >= 5


def test_videos_between_the_paragraphs_are_not_a_comment_thread() -> None:
    """Clips embedded in the text each print their length ("01:43 min") over their
    title: three lengths a few lines apart are no thread's stamps, so the paragraphs
    after each clip stay the article's, the clips' titles go."""
    paragraphs = [f"{PARAGRAPH} Paragraph {i} adds what the mayor said about it."
                  for i in range(6)]
    lines = ["Home", "News", "Schools get more money next year", "By Jane Roe",
             paragraphs[0], paragraphs[1]]
    for i, length in enumerate(["01:43 min", "04:16 min", "02:05 min"]):
        lines += [length, f"Mayor on the budget{i}Council debates the plan for the schools",
                  *paragraphs[2 + i : 3 + i]]
    lines += [paragraphs[5], "Videos", "01:32 min", "Ferry fares rise again as the operator"
              " blames the fuel prices", "Follow us on Facebook | Instagram"]
    assert comments(make_blocks(lines)) == set()
    brief = _extract(lines)
    assert brief.title == "Schools get more money next year"
    assert list(brief.body) == paragraphs


@pytest.mark.parametrize("button", ["Vollbild", "Detailansicht öffnen", "helskärm",
                                    "Plein écran", "View larger image", "全画面表示",
                                    "Image 1 of 5", "Bild 2 von 10", "Foto 1 de 1",
                                    "Open this photo in gallery:", "Image", "Video"])
def test_an_image_viewers_buttons_leave_the_text(button: str) -> None:
    """A gallery in the article prints a viewer's button or its counter under each
    photo: the text goes on after them, without them."""
    paragraphs = [f"{PARAGRAPH} Paragraph {i} adds what the mayor said about it."
                  for i in range(4)]
    lines = ["Home", "News", "Schools get more money next year", "By Jane Roe",
             paragraphs[0], button, "The new school in the district (Photo: Jane Roe)",
             button, paragraphs[1], paragraphs[2], button, paragraphs[3]]
    brief = _extract(lines)
    assert brief.title == "Schools get more money next year"
    assert list(brief.body) == paragraphs
    # a headline or a sentence that holds the word is no button
    assert not is_viewer_button("Vollbild des Schreckens: Der Sturm über der Stadt")
    assert not is_viewer_button("The app opens in full screen on tablets.")
    assert not is_viewer_button("Foto:")  # a photographer's name follows it


def test_a_caption_whose_credit_the_dump_split_leaves_the_text() -> None:
    """"Riot police outside the hotel (", "Image:", "Getty Images)": a caption whose
    bracketed credit the dump printed on lines of its own is no paragraph."""
    lines = [*ARTICLE[:6], "Parents wait outside the new school on Monday morning (",
             "Image:", "Getty Images)", *ARTICLE[6:]]
    brief = _extract(lines)
    assert list(brief.body) == ARTICLE[-3:]


def test_a_clips_length_and_source_under_the_paragraphs_leave_the_text() -> None:
    """A clip's length printed with its source or run into its label ("05:22 - Source:
    CNN", "Video02:53 21.01.2023") is no paragraph."""
    lines = [*ARTICLE[:6], "05:22 - Source: CNN", ARTICLE[6], "Video02:53 21.01.2023",
             ARTICLE[7], "Share", "Comments"]
    brief = _extract(lines)
    assert list(brief.body) == ARTICLE[-3:]


STANDINGS = [f"{rank} Driver Number{rank} {5000 - 40 * rank} {rank % 4} {rank % 3} 17 27"
             for rank in range(1, 31)]


def test_a_table_the_article_introduces_stays_in_the_body() -> None:
    """Rows of numbers read as junk alone; after a paragraph ending in a colon, and up
    to the page's widgets, they are the article's table."""
    lines = [*ARTICLE[:-1], f"{PARAGRAPH} The final standings after 36 races:",
             "Pos. Driver Points Wins Poles Top 5 Top 10", *STANDINGS,
             *PAGE_JUNK, *_teaser_list(2)]
    brief = _extract(lines)
    assert brief.title == "Schools get more money next year"
    assert "30 Driver Number30 3800 2 0 17 27" in brief.body
    assert not any("laptop" in p or p in PAGE_JUNK for p in brief.body)
    listed = introduced_lists(make_blocks(lines))
    assert listed == {lines.index(row) for row in STANDINGS} | {lines.index(STANDINGS[0]) - 1}


def test_without_an_introduction_short_lines_after_the_text_are_not_kept() -> None:
    lines = [*ARTICLE, *STANDINGS[:8], *PAGE_JUNK]
    assert introduced_lists(make_blocks(lines)) == set()
    assert not any(p.startswith("8 Driver") for p in _extract(lines).body)


def test_comments_that_follow_one_another_are_each_a_comment() -> None:
    """``Name on DATE at TIME said:`` heads each comment and nothing else sits between
    them: a comment ends where the next stamp begins, so each is read as a comment."""
    lines = [*ARTICLE]
    for i in range(5):
        lines += [f"Reader{i} on November {i + 1}, 2019 at 4:{i:02d} pm said:",
                  *[f"I think the council is wrong about this, point {k}, because the schools "
                    "in my part of the district have waited for years." for k in range(3)]]
    found = comments(make_blocks(lines))
    first = lines.index("Reader1 on November 2, 2019 at 4:01 pm said:")
    assert found == set(range(first, len(lines)))


def test_an_article_cut_in_two_by_a_gallery_is_one_body_without_the_gallery() -> None:
    """The second half of the text, after a gallery and a share box, still belongs to the
    article; the gallery's buttons between the halves do not."""
    first = [f"{PARAGRAPH} Part one, paragraph {i}." for i in range(3)]
    second = [f"{PARAGRAPH} Part two, paragraph {i}." for i in range(3)]
    gallery = ["Back", "See again", *[f"Photo {i} of 12" for i in range(12)], "Share",
               "Copy link", "Next photo", *[f"Gallery item {i}" for i in range(12)]]
    lines = [*ARTICLE[:5], *first, *gallery, *second, *PAGE_JUNK]
    runs = article_runs(make_blocks(lines))
    assert len(runs) == 2
    brief = _extract(lines)
    assert brief.body[:3] == tuple(first) and brief.body[-3:] == tuple(second)
    assert not any(p in ("Back", "Share", "Copy link") for p in brief.body)


def test_a_distant_teaser_block_is_not_merged_into_the_article() -> None:
    lines = [*ARTICLE, *PAGE_JUNK, "Related stories", *_teaser_list(3)]
    brief = _extract(lines)
    assert len(brief.body) == 3
    assert all("laptop" not in p for p in brief.body)


def _box_above(heading: list[str]) -> list[str]:
    """Three stories of a box printed above the article (a title, its summary, its
    author), under ``heading``, then the article: its headline, a question set as a
    sentence, its standfirst, the author, and its text."""
    box = []
    for i in range(3):
        box += [f"School budgets: the district {i} hires more teachers",
                f"Officials of district {i} said the council's money would pay for teachers "
                "and books next year, and the schools would open two new classes in the "
                "autumn, with more to come if the budget allows it.",
                "Mary Major"]
    return ["Home", "News", *heading, *box,
            "Schools: what will the council's new budget pay for next year?",
            "The council raises the budget for the district's schools. Teachers, parents and "
            "officials say what the money should go to, and what it will not cover.",
            "John Doe", *[f"{PARAGRAPH} Paragraph {i}." for i in range(4)], *PAGE_JUNK]


def test_a_box_of_stories_above_the_article_is_not_its_start() -> None:
    """A "More on this topic" box above the article, its summaries long enough to read
    as prose, does not open the article's run: the run starts after its last summary."""
    lines = _box_above(["More on this topic"])
    start, _stop = article_runs(make_blocks(lines))[0]
    assert lines[start].startswith("Schools: what will")
    brief = _extract(lines)
    assert brief.title == "Schools: what will the council's new budget pay for next year?"
    assert not any("district 0" in p or "Mary Major" in p for p in brief.body)


def test_without_a_heading_above_a_run_of_summaries_keeps_its_start() -> None:
    """Without the heading, the lines above the article are not known to be a box: the
    run starts where its prose does (its headline and summaries are the ranker's to
    weigh)."""
    lines = _box_above(["Schools"])
    start, _stop = article_runs(make_blocks(lines))[0]
    assert lines[start].startswith("Officials of district 0")


COOKIE_DIALOG = [
    "Privacy settings",
    "When you visit our website, we store cookies on your browser to collect information. "
    "The information collected might relate to you, your preferences or your device, and is "
    "mostly used to make the site work as you expect it to and to provide a more "
    "personalized web experience. However, you can choose not to allow certain types of "
    "cookies, which may impact your experience of the site and the services we are able to "
    "offer. Click on the different category headings to find out more and change our "
    "default settings according to your preference. You cannot opt-out of our First Party "
    "Strictly Necessary Cookies as they are deployed in order to ensure the proper "
    "functioning of our website (such as prompting the cookie banner and remembering your "
    "settings, to log into your account, to redirect you when you log out, and more).",
    "If you are a California consumer, you have the right, at any time, to direct a business "
    "that sells your personal information to third parties not to sell your personal "
    "information, and we and our advertising partners use the data to show you ads that "
    "match your interests across the sites you visit, as the law on the sale of your "
    "personal information allows us to do unless you tell us not to.",
    "Necessary cookies are absolutely essential for the website to function properly. "
    "These cookies ensure basic functionalities and security features of the website, "
    "anonymously, and no consent is asked for them.",
]


def test_a_cookie_dialog_after_the_article_is_not_the_body() -> None:
    brief = _extract([*ARTICLE, "Share", "Comments", *COOKIE_DIALOG])
    assert brief.title == "Schools get more money next year"
    assert brief.body[0].startswith(PARAGRAPH)
    assert not any("cookies" in p for p in brief.body)


def test_news_about_cookie_law_keeps_its_paragraphs() -> None:
    law = ("The court ruled that websites must ask for consent before they store cookies "
           "that track readers, and regulators said the ruling would change how advertisers "
           "work across the country.")
    brief = _extract([*ARTICLE[:5], law, *ARTICLE[5:]])
    assert law in brief.body and len(brief.body) == 4


def test_advert_placeholders_between_paragraphs_do_not_cut_the_article() -> None:
    """A live page prints ``Article content`` after every paragraph and an advert's
    placeholder now and then: they leave the text, and the updates after them stay."""
    lines = [*ARTICLE[:5]]
    for i in range(8):
        lines += [f"Update {i}: the mayor speaks again", "Article content",
                  f"{PARAGRAPH} Update {i} adds what the mayor said about it.", "Article content"]
        if i == 3:  # an advert slot with a box of trending links in it
            lines += ["Story continues below", "Trending",
                      *[f"Trending story number {k} is here" for k in range(3)],
                      "Advertisement", "Story continues below",
                      "This advertisement has not loaded yet, but your article continues below.",
                      "Article content", "Externer Inhalt nicht verfügbar", "Article content"]
    brief = _extract([*lines, *PAGE_JUNK])
    text = "\n".join(brief.body)
    assert [i for i in range(8) if f"Update {i} adds" in text] == list(range(8))
    assert "Article content" not in text and "continues below" not in text
    assert "Externer Inhalt" not in text and "Trending" not in brief.body


def test_an_advert_placeholder_votes_neither_for_nor_against_the_text() -> None:
    """Junk that only an article holds is no sign the article has ended."""
    fillers = make_blocks(["Article content", "Story continues below advertisement",
                           "Externer Inhalt", "THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY",
                           "Create an account or sign in to continue with your reading.",
                           "Trending"])
    assert all(b.junk for b in fillers)
    assert [weight(b) for b in fillers[:5]] == [0.0] * 5
    assert weight(fillers[5]) < 0


def test_links_screen_reader_notes_leave_the_text() -> None:
    """A dump prints a link's hidden note ("(opens in new window)") after its words: the
    paragraph keeps its text without the note; a short line that held one is a link."""
    lines = [*ARTICLE[:5],
             f"{PARAGRAPH} The report(opens in a new tab) , the mayor said, is online.",
             f"{PARAGRAPH} Die Studie(öffnet im neuen Fenster) ist da.",
             f"{PARAGRAPH} The figures, opens new tab were published on Friday.",
             "Facebook (Opens in new window)", "City council home page (opens in new window)",
             f"{PARAGRAPH} The last paragraph."]
    body = _extract([*lines, *PAGE_JUNK]).body
    assert len(body) == 4
    assert body[0].endswith("The report, the mayor said, is online.")
    assert body[1].endswith("Die Studie ist da.")
    assert body[2].endswith("The figures were published on Friday.")
    assert not any("window" in p or "Fenster" in p or "tab" in p for p in body)


PITCHES = [
    "Please consider supporting our journalism. Every dollar helps cover the cost of the "
    "reporters who bring you the news of the city every day.",
    "Newsletter: The morning briefing informs you every weekday about what matters. "
    "Sign up here and get it in your inbox.",
    "Got a story? Get in touch with our news team by emailing us.",
    "Join our Space Forums to keep talking space on the latest missions, night sky and more!",
    "For more stories like this, check our news page.",
    "Follow Example.co.uk on Twitter and Facebook for the latest news updates. Sign up for "
    "our daily push alerts here.",
]


def test_a_pitch_that_closes_the_text_leaves_it() -> None:
    body = _extract([*ARTICLE, *PITCHES, "Share", *PAGE_JUNK]).body
    assert len(body) == 3 and all(p.startswith(PARAGRAPH) for p in body)


def test_a_pitch_inside_the_text_and_news_about_donations_stay() -> None:
    """Only the end is cut, and only a pitch to the reader: a charity's donations in
    the news are the story."""
    news = ("The charity said every dollar donated to the fund would go to the families, "
            "and that donations to the appeal had reached a million so far this week.")
    body = _extract([*ARTICLE[:6], PITCHES[1], *ARTICLE[6:], news, *PAGE_JUNK]).body
    assert PITCHES[1] in body and body[-1] == news


def test_chinese_and_japanese_are_read_a_character_at_a_time() -> None:
    assert tokens("Ubuntuが動く「UP Core」") == ("ubuntu", "が", "動", "く", "up", "core")
    assert tokens("국회가 예산을 통과") == ("국회가", "예산을", "통과")  # Hangul is spaced
    paragraph, teaser = make_blocks([
        "県内の地方銀行は9日、スマートフォンで支払いができる新しい決済サービスを来年春から"
        "導入すると発表した。県内にあるすべての支店で利用できるようにする。",
        "1 「大手スーパーが値下げを発表」物価高の中で家計を助ける動きが広がる 経済新聞 "
        "3/8(金) 7:01",
    ])
    # the particles of a Japanese sentence are its stopwords; a teaser's title has fewer
    assert paragraph.unspaced and paragraph.prose
    assert teaser.unspaced and not teaser.prose


def _chart(title: str) -> list[str]:
    """An embedded chart as a dump prints it: its title, its values and axis ticks one per
    line, printed twice (the small and the large layout), and its credit."""
    ticks = ["$915", "billion", "600", "300", "$263", "billion", "0",
             *[f"’{y}" for y in range(17, 29)]]
    return [title, *ticks, title, *ticks, "By Example News | Source: Budget Office"]


def test_an_article_cut_by_charts_is_one_body_without_their_labels() -> None:
    """The text goes on after each chart; the charts' ticks and values are no prose, and
    their many short lines do not make the article's first part look like page junk."""
    parts = [[f"{PARAGRAPH} Part {k}, paragraph {i}." for i in range(2)] for k in range(4)]
    lines = [*ARTICLE[:5], *parts[0], *_chart("Interest payments on the debt"), *parts[1],
             *_chart("Debt as a share of output"), *parts[2],
             *_chart("Spending as a share of the budget"), *parts[3], *PAGE_JUNK]
    brief = _extract(lines)
    assert brief.title == "Schools get more money next year"
    assert brief.byline == "Jane Roe"
    for part in parts:
        assert all(paragraph in brief.body for paragraph in part)
    assert not any(p in ("$915", "billion", "’17") for p in brief.body)


def test_boxes_inside_the_article_under_one_heading_do_not_end_it() -> None:
    """"Mehr zum Thema" over one link, three times between the paragraphs: the heading
    labels a box inside the article, which goes on after each; the box's link and its
    author leave the text. The same heading once below the text ends it."""
    def box(n: int) -> list[str]:
        return ["Mehr zum Thema", f"Teachers strike in the next district over pay number {n}",
                "von Jane Roe"]
    paragraphs = [f"{PARAGRAPH} Paragraph {i} adds what the mayor said about it."
                  for i in range(8)]
    brief = _extract(["Home", "Schools get more money next year", "By Jane Roe",
                      *paragraphs[:2], *box(1), *paragraphs[2:4], *box(2),
                      *paragraphs[4:6], *box(3), *paragraphs[6:],
                      "Mehr zum Thema", *_teaser_list(3)])
    assert list(brief.body) == paragraphs


def test_an_embeds_consent_box_between_the_paragraphs_leaves_the_text() -> None:
    """A video embedded in the article, shown only after consent: its box's lines, some
    of them sentences, neither end the article nor stay in it."""
    box = ["Empfohlener redaktioneller Inhalt",
           "Du kannst ihn dir mit einem Klick anzeigen lassen und wieder ausblenden.",
           "YouTube-Inhalte erlauben",
           "Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.",
           "Personenbezogene Daten können an Drittplattformen übermittelt werden. Mehr dazu "
           "in unserer Datenschutzerklärung.",
           "Link zum YouTube-Inhalt"]
    paragraphs = [f"{PARAGRAPH} Paragraph {i} adds what the mayor said about it."
                  for i in range(4)]
    brief = _extract(["Home", "Schools get more money next year", "By Jane Roe",
                      *paragraphs[:2], *box, *paragraphs[2:]])
    assert list(brief.body) == paragraphs
    assert all(is_embed_notice(line) for line in box)
    assert not is_embed_notice("Die Inhalte erlauben Rückschlüsse auf die Täter, sagte die "
                               "Polizei am Montag.")
