"""The text-dump extractor on real page dumps (several outlets and languages)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

from briefs.clean import clean_text
from briefs.evaluate.scoring import headline_match
from briefs.extract.text import _without_kicker, extract_text, jalali, lexicon, split_breadcrumb
from briefs.extract.text.blocks import make_blocks, tokens
from briefs.extract.text.lexicon import is_credit, is_end_marker, is_junk_line
from briefs.extract.text.meta import (
    ends_with_by,
    find_byline,
    find_date,
    find_inner_byline,
    name_line,
    numeric_order,
    only_a_date,
    role_line,
    yearless_date_line,
)
from briefs.record import Brief
from tests.conftest import FIXTURES

DUMPS = sorted((FIXTURES / "dumps").glob("*.txt"))


def _extract(text: str) -> Brief:
    return extract_text(clean_text(text)[0])


@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: p.stem)
def test_real_dump_headline_and_body(dump: Path) -> None:
    expected = json.loads(dump.with_suffix(".json").read_text(encoding="utf-8"))
    brief = _extract(dump.read_text(encoding="utf-8"))
    assert headline_match(brief.title, expected["headline"]), brief.title
    body = "\n".join(brief.body)
    for snippet in expected["must_contain"]:
        assert snippet in body
    for snippet in expected["must_not_contain"]:
        assert snippet not in body
    if "byline" in expected:
        assert brief.byline == expected["byline"]
    if "date" in expected:
        assert brief.date == dt.date.fromisoformat(expected["date"])
    if "description" in expected:
        assert brief.description == expected["description"]


def test_dump_with_byline_dateline_and_junk() -> None:
    dump = "\n\n".join([
        "Skip to content", "Home", "World", "Share on Facebook", "WorldMiddle East",
        "Rockets hit base near oilfield in eastern Syria",
        "By Jane Roe", "Published 3 June 2021",
        "BEIRUT (Reuters) - Several rockets hit a base used by foreign forces near an "
        "oilfield in eastern Syria on Monday, a war monitor and local sources said.",
        "Image caption A convoy on the road near the border",
        "The attack came hours after air strikes on the border between Iraq and Syria, "
        "which the groups that were hit vowed to avenge.",
        "Advertisement",
        "No casualties were reported in the attack, according to the monitor, which has a "
        "network of sources across the country.",
        "Related articles", "Another story about something else entirely",
        "Comments (12)", "Copyright © 2021 Example News. All rights reserved.",
    ])
    brief = _extract(dump)
    assert brief.title == "Rockets hit base near oilfield in eastern Syria"
    assert brief.byline == "Jane Roe"
    assert brief.date == dt.date(2021, 6, 3)
    assert brief.categories == ("World", "Middle East")
    assert brief.body[0].startswith("BEIRUT (Reuters) - Several rockets")
    assert len(brief.body) == 3
    text = "\n".join(brief.body)
    for junk in ("Advertisement", "Image caption", "Related", "Comments", "Copyright",
                 "Another story"):
        assert junk not in text


def test_a_line_that_dates_the_article_beats_a_sentence_that_mentions_a_day() -> None:
    """A caption or the text's first sentence may name a day closer to the headline
    than the article's own date line: the date line wins."""
    dump = "\n\n".join([
        "Home", "Toy maker marks its big sale day with offers",
        "The toy maker celebrated from 1 to 8 May 2022 with offers for young and old.",
        "Friday, 28.04.2023, 19:25",
        "The shop said it would open early on the day, and that the offers would last "
        "until the end of the week for all the customers who came.",
        "Most of the new sets are sold out already, a spokeswoman said, and more would "
        "come in the autumn, when the next films are released.",
    ])
    assert _extract(dump).date == dt.date(2023, 4, 28)
    # a byline's date line ends like a sentence too ("a.m."): it still dates the article
    dump = "\n\n".join([
        "Home", "A guide to the tariffs on trade with China",
        "By Jane Roe on Monday, November 18th, 2019 at 11:04 a.m.",
        "A cargo ship leaves the port, on Aug. 31, 2019. (AP)",
        *STORY])
    assert _extract(dump).date == dt.date(2019, 11, 18)
    # the date line above a photo, its caption and the kicker still dates the article
    dump = "\n\n".join([
        "Home", "27.08.2024, 12:32 Uhr", "Bild", "Archivbild: a road in the hills",
        "Nahost", "Council approves budget after long debate",
        "Über dieses Thema berichtet: BR24 im Radio am 26.08.2024 um 06:00 Uhr.", *STORY])
    assert _extract(dump).date == dt.date(2024, 8, 27)


# The text of a short council story the byline and body tests put under their header.
STORY = [
    "The council voted on Tuesday night to approve the city budget for next year, after a "
    "debate that lasted more than six hours and drew a crowd to the hall.",
    "Schools will receive most of the new money, the mayor said, while the roads department "
    "gets a smaller increase than it had asked for in the spring.",
    "Shop owners had asked for lower fees, and the council agreed to cut them by a tenth, a "
    "change that will cost the city about two million a year.",
]


def test_bare_name_beside_a_date_far_from_the_headline_is_no_byline() -> None:
    near = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", "Ann Example", "3 June 2021",
        *STORY]))
    assert near.byline == "Ann Example"
    # far below the headline, a name beside a date is a comment's author or a sidebar
    longer = [f"{p[:-1]}, said report number {k}." for k in range(3) for p in STORY]
    far = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", *longer,
        "Peter Smith", "4 June 2021", "Good news for the schools at last, I think."]))
    assert far.title == "Council approves budget after long debate"
    assert far.byline is None


def test_dump_without_article_gives_empty_brief() -> None:
    brief = _extract("Home\n\nNews\n\nSport\n\nWeather\n\nSign in\n")
    assert brief.title is None and brief.body == ()


@pytest.mark.parametrize("line", [
    "Share this story", "Comments (12)", "teilen17", "Sdílet článek", "Advertisement",
    "Copyright © 2015 BBC.", "We use cookies to improve your experience", "Read more",
    "Suivez-nous sur Twitter", "Todos los derechos reservados", "941 comments",
    "Lire aussi : Les critiques de la CNIL", "Back to top button",
    "Il vous reste 57% de cet article à lire. La suite est réservée aux abonnés.",
    "You have 80% of this article left to read.", "Te queda el 75% de este artículo por leer",
    "Suche nach: Suchen", "Search for: Search", "Rechercher : Rechercher",
    "공유 더보기", "네이버블로그 공유", "기사 URL공유", "좋아요 0", "АиФ в социальных сетях",
    "Need to report the video?", "Сетевое издание «МК в Рязани» rzn.mk.ru",
    "Учредитель: общество с ограниченной ответственностью",
    "Свидетельство о регистрации СМИ ЭЛ № ФС 77 - 57534",
    "From Wikipedia, the free encyclopedia", "Aus Piratenwiki",
    "Link kopieren", "Copier le lien", "कॉपी लिंक", "Скопировать ссылку", "نسخ الرابط",
    "Link kopiert!", "Learn More", "subscribe to Planet Money podcast",
    "This is a BETA experience. You may opt-out by clicking here",
    "This copy is for your personal, non-commercial use only. To order copies, visit us.",
    "Wechseln zu: Navigation, Suche", "Leave a Reply", "Schreibe einen Kommentar",
    "Click to email this to a friend (Opens in new window)",
    "Поделиться", "Комментарии (12)", "Czytaj także:", "Yorumlar", "Läs också", "関連記事",
    "相关新闻", "댓글 3", "شارك هذا المقال", "اقرأ أيضاً", "جميع الحقوق محفوظة © 2021",
    "تسجيل الدخول", "分享到", "相关阅读", "版权所有 © 2021", "登录", "공유하기",
    "Все права защищены", "Something went wrong with the connection!", "Loading...",
    "An error occurred. Please try again later.", "Submit", "Name(required)",
    "Email (required)", "View author archive", "Get author RSS feed", "Click to copy URL",
    "Wie wir Cookies verwenden", "Dein Browser ist leider veraltet.", "Blog per E-Mail folgen",
    "Article réservé aux abonnés", "Vous possédez déjà un compte ?", "Subscribers only",
    "Back to Health", "Zurück zum Newsroom", "Trở lại Sức khỏe",
    "Get daily insight, inspiration and deals in your inbox",
    "The latest headlines delivered straight to your inbox.",
    "4 min read", "Jane Roe 2 minutes read", "Lesezeit: 3 Minuten",
    "Login Sign up", "Remember me · Forgot password?", "Sign in / Register",
    "More: Huawei's next flagship to launch at MWC 2017",
    "Article content", "Story continues below advertisement",
    "Advertisement - story continues below",
    "This advertisement has not loaded yet, but your article continues below.",
    "Externer Inhalt nicht verfügbar", "Manage my privacy preferences",
    "An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.",
    "eic kyf msh nnz uhz tv nt", "DE EN FR ES", "Facebook 0 Twitter 0 LinkedIn",
    "You can follow any responses to this entry through the RSS 2.0 feed.",
    "Sie können alle Antworten zu diesem Eintrag durch den RSS 2.0 Feed verfolgen.",
    "We apologize, but this video has failed to load.",
    "Original text", "Contribute a better translation",
    "【纠错】 【责任编辑:张樵苏 】", "（责任编辑：李四）",
    "To revisit this article, visit My Profile, then View saved stories.",
    "ShareSave", "Add as preferred on Google", "Threads", "Bluesky",
    "Don't want to see this? Remove ads", "Passer la publicité", "Video Ad Feedback",
    "Advert", "Vis mer", "Läs mer", "weitere Videos", "Buy now", "Read in English",
    "Mit meiner Anmeldung zum Newsletter stimme ich der Werbevereinbarung zu.",
    "Interested in more newsletters? Browse here.", "This advertisement has not loaded yet.",
    "View 6 Images", "Do Not Sell or Share My Personal Information", "Do Not Sell My Info",
    "Your Privacy Choices", "CA Notice of Collection", "User account menu",
    "New member? Sign up now. Sign in if you're already registered.",
    "Already have an account? Log in here", "New here? Create an account",
    "Enter Search Terms Search", "Type your search and hit enter", "Search for:",
    "Suche nach: Suche", "Impressum", "Wir über uns", "New to Twitter?",
    "Abbrechen Jetzt anmelden", "oder neu registrieren?",
    # a site's furniture, as outlets of every kind print it
    "×", "Name *", "Name (erforderlich)", "Nach oben", "Zum Seitenanfang", "AGB", "Sitemap",
    "Mediadaten", "Advertise with us", "Toggle navigation", "Direkt zum Inhalt",
    "Terms & Conditions", "RSS-Feed", "Mein Konto", "Passwort vergessen?",
    "Ad Choices", "Accessibility statement", "Netiquette", "%d Bloggern gefällt das:",
    "Liken Lade …", "Mehr erfahren", "Sie sind hier:", "Spenden", "FAQ",
    # a media player's loading notice and read-aloud buttons, in several languages
    "Loading video", "Video Player is loading.", "Player wird geladen", "Cargando...",
    "Chargement du lecteur", "Aktuelle Zeit:0:00Gesamtdauer:0:00",
    "Audio starten, abbrechen mit Escape", "Artikel anhören", "Écouter cet article",
    "Escuchar artículo",
    # what only a newsletter's sign-up form says
    "No spam, we promise. You can unsubscribe at any time and we'll never share your details.",
    "By signing up you consent to receive the above newsletter from Example Media Inc.",
    "You have Successfully Subscribed!", "Jederzeit abmelden",
    "Eine Abmeldung ist jederzeit über einen Link im Newsletter möglich.",
    # an affiliate link's note; a live blog's stamps, the time run into the writer's name
    "If you buy something through this post, IGN may get a share of the sale.",
    "17:10Joseph Gamp", "17:35KEY EVENT", "5 hours ago07:09 Jon King",
    # a link to another story, labelled "read also"
    "Lea más: Juan Carlos Ortega propone legalizar la marihuana", "VEA TAMBIÉN: Entre heces",
    "Czytaj też: Nowy rząd", "Nächster Artikel", "Dowiedz się więcej",
    # a link to another story under a label, a share box's title, a sign-up form's box
    "ALSO READ: Solar firm to boost clean energy uptake", "SEE MORE: Hong Kong protests",
    "Don't Miss:", "Social Sharing", "Please check the opt-in box to acknowledge that you "
    "would like to subscribe.",
    # an author box's title, an advert's label, "read on" links, pleas to sign up and a
    # comment policy
    "Opinion Columnist", "Contributing Writer", "Annonce", "Ver más artículos",
    "Continuer à lire ici", "Читать далее",
    "For the latest breaking news and stories from the Daily Star, sign up for our newsletters.",
    "The Telegraph values your comments but kindly requests all posts are on topic.",
    "Get the latest General Election news to your phone Join us on WhatsApp",
    # a blog's links to its neighbours, Spanish "see also" labels, a plea to share
    "Next Post »", "Vorheriger Beitrag", "Article suivant", "Quellen ausblenden",
    "PUEDES VER: ¿Qué es la Sunedu?", "Mire: El cantante da positivo",
    "Artikel gefallen? Vergiss nicht zu teilen!",
    "Subscribe now to our eNATION edition for the full story.",
    "Lea: Consejo Permanente de OEA aborda la confiscación", "Dowiedz się więcej: Kto głosował?",
    "Vorheriger ArtikelTat & Drang", "nächster beitragGlasaal-Schmuggel: 6.000 Euro",
    "Never miss the latest news by signing up to our newsletter today!",
    "Unser kostenloser Newsletter informiert Sie über unsere neuesten Beiträge.",
    "Jetzt Newsletter abonnieren", "Sie müssen sich anmelden um Kommentare zu schreiben.",
    "Klicken Sie auf den unteren Button, um den Inhalt von www.komoot.de zu laden.",
    # a prompt to the comments under the article
    "Share your thoughts and join the conversation in the comments.",
    # a news site's article tools, and a row of links in brackets
    "Email this to a friend", "E-mail this story", "Print article: Print", "Email article: Email",
    "Printer-friendly version", "MAIL THIS STORY PRINT FRIENDLY", "Text size", "Add to Favorites",
    "Mail the Editor", "-- Click here for more election updates",
    "[ Contact Us ][ Feedback ][ Privacy ][ Advertise ][ Add to Favorites ]",
    # data, not words: an inline image's base64, a tracking address
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" * 5,
    "https://click.example.com/track?u=" + "a8F3kd93JfK2" * 20 + " (opens in a new tab)",
])
def test_junk_lines(line: str) -> None:
    assert is_junk_line(line)


@pytest.mark.parametrize("line", [
    "The president said he would continue fighting for greater gun control laws",
    "Mr Obama lands in Kenya later on Friday.", "Kenya trip",
    "Related research suggests the effect is small.", "WeWork declined to comment.",
    "Il vous reste 3 jours pour voter.", "You have 5 days left to read this article.",
    "Er wollte den Link kopieren, sagte er.",
    "Chocolate chip cookies",
    "Police declined to comment.”",
    "Jump to the river: a swimmer's guide", "Leave a reply card in the hall",
    "Arab Spring", "Dela ut pengar till alla", "Ara Güler died on Saturday",
    "Back to the drawing board for the council after the court ruling",
    "Scam texts are flooding your inbox", "The race lasted 90 minutes",
    "More than 100 people died in the floods",
    "The article content was checked by two editors.", "Die Firma will externe Inhalte prüfen.",
    "Loading dock workers strike", "Vorlesen ist wichtig für Kinder",
    "The regulator said customers must be able to cancel a contract at any time.",
    "Spam calls rose by a third, the ministry said.",
    "Apple may receive a share of the revenue, analysts said.", "12:30pm", "10:30Uhr",
    "Lea más sobre el caso en el informe, dijo el juez.",
    "Also read the small print, the regulator said.", "See more of the city by bike",
    "Senior staff writers walked out on Monday", "Readers can sign up for the list online.",
    "Mire usted, dijo el alcalde, la obra no termina", "The next post office opens in May",
    "Lea Salonga sings tonight", "Der nächste Artikel des Gesetzes regelt die Frist.",
    "Facebook and Twitter banned him", "the cat sat on the mat", "iPhone", "McDonald",
    "Privacy rights are under attack in California",
    "Voters who are already registered can sign in if they wish.",
    "Search for the missing hikers continues", "Suchen Sie einen Job?",
    "Kontakt zur Polizei", "New to the city? Start here",
    "Name the day", "Navigation systems fail", "Help arrives in the flooded town",
    "OK, the mayor said", "Pocket money rises",
    "Already registered voters may vote early, the clerk said.",
    # a long link quoted in a paragraph of words; a paragraph of Japanese without spaces
    "The full report, published on Monday, is at https://example.org/reports/" + "x" * 190
    + " and runs to 300 pages; the ministry said it would answer every point in it.",
    "政府は月曜日、来年度の予算案を閣議決定した。" * 12,
    "Путин рассказал о санкциях в социальных сетях против России и Китая",
    "From Wikipedia editors to the courts: a long fight over sources",
    "Главный редактор \"МК в Серпухове\" считает кощунством осквернение памятника",
    "The email was sent to a friend of the mayor.", "Print media are in decline",
    "Letters to the Editor", "Text messages reveal the plot", "Privacy advocates sue the city",
])
def test_article_lines_are_not_junk(line: str) -> None:
    assert not is_junk_line(line)


def test_a_teaser_link_with_its_kind_after_a_bar_is_junk() -> None:
    assert is_junk_line("Feuerwehr protestiert 24 Stunden gegen das Pensionsalter | mehr")
    assert is_junk_line("Löschen, Retten, Rente: Feuerwehr-Ruhestand mit 60? | audio")
    assert not is_junk_line("The council voted on Tuesday | and the mayor said more.")


def test_a_paywall_notice_in_japanese_is_junk() -> None:
    assert is_junk_line("この記事は有料記事です。残り1234文字"
                        "有料会員になると続きをお読みいただけます。")
    assert is_junk_line("この記事は読者会員限定です")
    assert not is_junk_line("政府は有料道路の料金を来年から引き下げると発表した。")


@pytest.mark.parametrize("line", [
    'You may use these HTML tags and attributes: <a href="" title=""> <abbr title="">',
    "This is only a preview. Your comment has not yet been posted.",
    "Your comment could not be posted. Error type:",
    "Your comment has been saved. Comments are moderated and will not appear until approved.",
    "The Fine Print: The following comments are owned by whoever posted them.",
    "The BBC is not responsible for the content of external sites. Read more.",
    "This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled.",
])
def test_a_comment_forms_messages_and_a_browser_notice_are_junk(line: str) -> None:
    assert is_junk_line(line)


@pytest.mark.parametrize("heading", [
    "16 Responses", "24 Responses to “Day 1: Double your output”", "12 thoughts on “Post”",
    "{ 7 comments… read them below or add one }", "{ 131 comments }", "One Response",
    "8 users responded in \" Books to understand the future \"", "Reader Comments (3)",
    "8 appreciated comments on “New work”", "No comments yet", "3 responses so far",
])
def test_a_heading_that_counts_a_threads_comments_ends_the_article(heading: str) -> None:
    assert is_end_marker(heading)


@pytest.mark.parametrize("line", [
    "10 reactions to the ruling from across Europe", "5 replies in the debate were rejected.",
    "Posted in C++, Microsoft | 16 Comments",
])
def test_a_line_that_only_mentions_comments_or_replies_is_no_end_heading(line: str) -> None:
    assert not is_end_marker(line)


def test_end_markers_and_credits() -> None:
    assert is_end_marker("More on this story") and is_end_marker("Související")
    assert not is_end_marker("More on this later, he said.")
    for heading in ("MORE STORIES LIKE THIS ONE", "More On:", "More videos ...", "Up next",
                    "JUST WATCHED", "More from Reuters", "Ähnliche Artikel:", "Verwandte Artikel",
                    "Das könnte Sie auch interessieren", "Artículos relacionados",
                    "■関連記事", "【関連記事】", "・関連キーワード", "相關新聞", "관련기사",
                    "Relacionadas", "Notícias relacionadas", "Lo más leído", "Les plus lus",
                    "More Trending", "Recent Posts", "Neueste Beiträge", "You may like",
                    "What to read next", "Latest in AI Platforms & Assistants",
                    "Mehr zu Fleischkonsum", "Want more stories like this?",
                    "Today's Most Read", "This Week’s Most Popular",
                    "This Week's Top Posts", "Most Popular Videos", "Trending Now on TGP",
                    "You May Like These Posts", "More Great WIRED Stories",
                    "A lire aussi", "Vous aimerez aussi", "Dans la même rubrique",
                    "Zum Weiterlesen:", "Ver también", "Polecamy", "Ook interessant",
                    "Das könnte Dich auch interessieren:", "Beliebte Beiträge zum Thema:",
                    "Otras Noticias", "Auch lesen:",
                    "Mehr lesen über", "Weitere Beiträge zum Thema"):
        assert is_end_marker(heading), heading
    # a "Trending" box may sit in the middle of an article; "Top" alone is a link up
    assert not is_end_marker("Trending") and not is_end_marker("Top")
    assert is_credit("Love thine enemy. Photo: Olivier Douliery/AFP via Getty Images")
    assert is_credit("(Bild: Hersteller)")
    assert is_credit("Image source, Getty Images") and is_credit("Media source: Reuters")
    assert not is_credit("Image sources differ, the agency said.")
    # the label printed twice and glued to the photographer's name
    assert is_credit("Interest payments could pass the defence budget in 2023."
                     "CreditCreditJeon Heo/EPA, via Shutterstock")
    assert not is_credit("The bank.Credit Suisse shares fell.")
    assert is_credit("Mark Esper, left, shakes hands in Hanoi. Esper is on a visit to ... more")
    assert not is_credit("He wanted more")
    assert not is_credit("The photo was taken on Monday, officials said.")
    assert is_credit("Image credit: www.example.com/in/")
    assert is_credit("Quelle: Juergen Hasenkopf")
    assert is_credit("Bildrechte: MDR/David Straub")
    assert is_credit("Courtesy of Zillow") and is_credit("Screenshot by Amanda Tan/ONE Esports")
    assert not is_credit("Screenshot : «Vape Wave», «6 Days», «Alphonse Président»…")
    assert not is_credit("Courtesy of the council, the park reopens on Monday.")
    assert is_credit("A woman takes a picture of the refinery. AP Photo")
    assert is_credit("Lady Starmer on the front row Nicky J Sims/Getty Images Europe")
    assert is_credit("Der Schlachthof in Schmalkalden. Bildrechte: MDR/David Straub")
    assert not is_credit("The agency sent an AP photo to the paper on Monday.")
    assert is_credit("Imagen: Télam")
    assert is_credit("Cyber-Attacken nehmen weiter zu. – © Sergey Nivens – stock.adobe.com")
    assert is_credit("PAP/ Rafał Guz") and is_credit("Titelbild: Geyres/ABACA/picture-alliance")
    assert not is_credit("AP/NORC polls show the gap is narrowing, the authors wrote.")
    assert is_credit("Laureates of the Nobel Peace Prize (REUTERS/Denis Balibouse)")
    assert is_credit("picture alliance / ASSOCIATED PRESS | Alex Brandon")
    assert is_credit("The road to retiring early isn't easy.Kathrin Ziegler/Getty Images")
    assert is_credit("Protesters in the square on Monday. Jane Roe / AP")
    assert is_credit("El ministro, este domingo en Madrid. EFE/ J.J. Guillén")
    assert not is_credit("The figures come from a Reuters/Ipsos poll.")
    assert is_credit("Un grupo de pingüinos, en la Antártida el 11 de febrero pasado. EFE")
    assert not is_credit("The figures come from Reuters.")
    assert not is_credit("Die Regierung will das Gesetz noch vor der Sommerpause beschließen, "
                         "und die Opposition hat bereits angekündigt, dagegen zu stimmen, wie "
                         "ein Sprecher am Montag in Berlin mitteilte und dabei auf frühere "
                         "Debatten verwies. dpa")  # a paragraph
    assert is_credit("Getty Images/iStockphoto)")  # the end of "(Image: Getty Images/...)"
    assert is_credit("Anadolu via Getty Images)")
    assert not is_credit("Erstes Bild: So könnte das neue Stadion aussehen")  # a kicker
    assert is_credit("(L-R) Mike Pompeo, Julian Assange, Sheldon Adelson")
    assert is_credit("Von links nach rechts: Mathias Malischewski, Projektleiter")
    assert not is_credit("From left to right, the parties moved to the centre.")
    assert is_credit("Photograph: REI") and is_credit("Fotografía: EFE")
    assert is_credit("Der Golf wurde kurzerhand umbenannt. Getty Images/Juanmonino")
    assert is_credit("(Luis Sinco / Los Angeles Times)") and is_credit("(AP Photo/Jane Roe)")
    assert is_credit("移送のため警視庁を出る容疑者＝13日、東京・霞ケ関で（潟沼義樹撮影）")
    assert not is_credit("Quelle der Daten ist das Statistische Amt.")
    assert is_credit("Getty") and is_credit("AFP/Getty Images") and is_credit("Reuters/Corbis")
    assert not is_credit("Apple") and not is_credit("AP reported on Monday.")
    # a credit run into its caption, as the dump joins inline elements
    assert is_credit("A hunter killed and ate a rabbitCredit: Getty - Contributor")
    assert not is_credit("The report's Credit: section lists the lenders.")
    # a kicker that names a picture, and the headline after it
    assert not is_credit("Erstes Bild: So könnte die Duisburger Seilbahn aussehen")


# The text of a short article the headline tests put under their header lines.
ARTICLE_LINES = [
    "The court ruled on Tuesday that landlords may not ban small pets outright, a "
    "decision that tenant groups had sought for years.",
    "The judges said a ban must be weighed case by case, and that cats and small dogs "
    "rarely harm a flat in ways a deposit would not cover.",
]


def test_an_address_line_is_never_the_headline() -> None:
    brief = _extract("\n\n".join([
        "Home", "office@example-lawyers.com", "https://example.com/contact",
        "Tenants win the right to keep pets", *ARTICLE_LINES,
    ]))
    assert brief.title == "Tenants win the right to keep pets"
    assert not any("@" in p for p in brief.body)


def test_a_kicker_run_into_the_headline_gets_its_space_back() -> None:
    brief = _extract("\n\n".join(["Deutscher Handel mit Teheran:Druck durch Sanktionen",
                                   *ARTICLE_LINES]))
    assert brief.title == "Deutscher Handel mit Teheran: Druck durch Sanktionen"
    hindi = "समस्तीपुर पुलिस ने 2 बदमाशों को पकड़ा:दो दिनों के अंदर चोरी कांड का खुलासा"
    assert _extract("\n\n".join([hindi, *ARTICLE_LINES])).title == hindi.replace(":", ": ")
    for kept in ("Meeting at 10:30 ends the strike", "See https://example.com for more",
                 "Lehrer:innen streiken in allen Schulen der Stadt"):
        assert _extract("\n\n".join([kept, *ARTICLE_LINES])).title == kept


@pytest.mark.parametrize("run_in", [
    "Neue Leipziger Schule Tenants win the right to keep pets",
    "\"Es wird bald beginnen\"Tenants win the right to keep pets",
])
def test_a_kicker_run_into_the_headline_is_cut_when_the_page_prints_them_apart(
        run_in: str) -> None:
    kicker = run_in.removesuffix("Tenants win the right to keep pets").strip()
    brief = _extract("\n\n".join([
        "Home", f"{kicker}: Tenants win the right to keep pets", "Politik", run_in,
        *ARTICLE_LINES]))
    assert brief.title == "Tenants win the right to keep pets"


def test_a_kicker_run_into_the_headline_is_cut_when_the_page_prints_the_headline_alone(
        ) -> None:
    brief = _extract("\n\n".join([
        "Home", "Tenants win the right to keep pets",
        "Olympische Spiele in Paris Tenants win the right to keep pets", *ARTICLE_LINES]))
    assert brief.title == "Tenants win the right to keep pets"
    # after a colon or a small word the words before belong to the headline
    blocks = make_blocks(["Tenants win the right to keep pets"])
    english = lexicon.stoplists()["English"]
    for kept in ("Housing: Tenants win the right to keep pets",
                 "Changes for Tenants With Tenants win the right to keep pets"):
        assert _without_kicker(kept, blocks, english, start=1) == kept
    # a short tag after the text that ends the headline is no headline
    tag = make_blocks(["Inflation Reduction Act"])
    assert _without_kicker("Biden signs Inflation Reduction Act", tag, english, start=0) \
        == "Biden signs Inflation Reduction Act"


def test_a_headline_printed_again_after_its_trail_beats_a_list_of_teasers() -> None:
    """A dump sets the trail's links and the headline in one line ("HomeWorldEurope" +
    headline), then the headline alone: that line is the headline, whatever teasers of
    other articles stand above."""
    teasers = ["Mayor opens the new bridge over the river",
               "Ten things to do in the city this weekend",
               "Storm warning for the coast on Friday night"]
    headline = "Tenants win the right to keep pets"
    brief = _extract("\n\n".join([
        "Home", "Most read", *teasers, "Breadcrumb", f"HomeWorldEurope{headline}", headline,
        "Jane Roe", *ARTICLE_LINES]))
    assert brief.title == headline
    # a menu's two items run together ("Se connecter" + "Mon compte") are no trail
    menu = _extract("\n\n".join([
        "Se connecterMon compte client", "Mon compte client", headline, *ARTICLE_LINES]))
    assert menu.title == headline


@pytest.mark.parametrize(("language", "text"), [
    ("Swahili", "Kamanda wa Jeshi la Polisi mkoani hapa amesema hayo leo mbele ya waandishi "
                "wa habari na kueleza kuwa oparesheni hiyo ilikuwa na lengo la kuzuia uhalifu "
                "katika maeneo yote ya mkoa huu kwa kipindi cha mwezi mmoja."),
    ("Icelandic", "Norskir fjölmiðlar hafa fylgst með réttarhöldunum og segir hún að það hafi "
                  "verið mikil örtröð á hverjum morgni þegar þær komu til að styðja við "
                  "félaga sína í málinu gegn norska ríkinu."),
    ("Korean", "이재명 후보는 이날 순천시 연향동 패션의 거리에서 열린 유세에서 국민끼리 싸우는 "
               "시대를 끝내겠다고 말했다 그는 또 다음 정부는 국민주권 정부가 될 것이라고 "
               "강조했다"),
])
def test_the_language_of_a_text_no_common_list_knows(language: str, text: str) -> None:
    assert lexicon.guess_stopwords(tokens(text)) == lexicon.stoplists()[language]
    # (their words are not "a stopword of any language", as a row of codes reads them)
    assert not lexicon.in_any_stoplist("katika") and not lexicon.in_any_stoplist("það")


def test_a_headline_with_a_dotted_ellipsis_is_no_menu() -> None:
    headline = "민주당 '선호투표제' 도입 또다시 불발··· 친청계 \"당규 개정 왜 밀어붙이나\""
    assert not make_blocks([headline])[0].junk
    assert make_blocks(["뉴스 · 정치 · 경제 · 사회"])[0].junk


def test_a_trail_from_the_home_page_is_never_the_headline() -> None:
    brief = _extract("\n\n".join([
        "Home > Tenancy", "Tenants win the right to keep pets",
        *ARTICLE_LINES,
    ]))
    assert brief.title == "Tenants win the right to keep pets"


@pytest.mark.parametrize("trail", [
    "Forside | Danmark", "گروه : یزد » یزد", "⁄ उत्तर प्रदेश",
    "you are here: HomeNewsBusinessEconomy", "Tel: +43 664 868 7407", "+7 353 243 11 93",
])
def test_a_short_trail_is_never_the_headline(trail: str) -> None:
    brief = _extract("\n\n".join([trail, "Tenants win the right to keep pets", trail,
                                   *ARTICLE_LINES]))
    assert brief.title == "Tenants win the right to keep pets"
    # a quote in guillemets is no trail; brands run together are no trail either
    for kept in ("Le ministre parle d'une « crise » grave",
                 "McDonald's, PayPal and eBay join the iPhone deal"):
        assert _extract("\n\n".join([kept, *ARTICLE_LINES])).title == kept


def test_a_trail_ending_in_its_separator_is_never_the_headline() -> None:
    brief = _extract("\n\n".join([
        "Home » Dare to Play »", "Tenants win the right to keep pets",
        *ARTICLE_LINES,
    ]))
    assert brief.title == "Tenants win the right to keep pets"


@pytest.mark.parametrize(("line", "only"), [
    ("February 24, 2020 | 9:25pm", True),
    ("Updated: 18 Nov 2019, 19:11", True),
    ("le 30 avril 2015 à 07:19", True),
    ("2019-01-03T07:00:02Z", True),
    ("Protokoll der Vorstandssitzung vom 10. Oktober 2019", False),
    ("Brexit vote on 3 June 2021", False),
    ("21. Jan 2022 // Dominik Ricker", False),
    ("Publisert torsdag 09. mai 2024 - 13:26", True),
    ("Sist oppdatert torsdag 09. mai 2024 - 20:24", True),
    ("08.03.2024, 18:59 Uhr • Lesezeit: 1 Minute", True),
    ("June 3, 2021 · 4 min read", True),
    ("سه\u200cشنبه ۱۴ آبان ۱۴۰۴ ساعت ۱۰:۳۰", True),
    ("مقام\u200cها روز ۱۴ آبان ۱۴۰۴ اعلام کردند", False),
])
def test_a_line_that_only_dates_is_never_a_headline(line: str, only: bool) -> None:
    assert only_a_date(line) is only


def test_a_headline_ending_in_a_french_quote_is_no_trail() -> None:
    brief = _extract("\n\n".join([
        "Accueil » Politique »", "CGT",
        "Sophie Binet met en garde Emmanuel Macron sur la « gravité de la situation »",
        "Reçue mardi à l’Elysée, la secrétaire générale de la CGT a exposé ses revendications.",
        "Par Jean Dupont", "Publié le 30 août 2023 à 14h52",
        "Sous les dorures du palais de l’Elysée, ils ont fait connaissance et mesuré "
        "l’étendue de leurs divergences, a raconté la syndicaliste après la rencontre.",
        "Pour ce tête-à-tête, Mme Binet est « arrivée avec son ordre du jour », selon le "
        "récit qu’elle a fait à la presse dans la cour du palais mardi soir.",
    ]))
    assert brief.title == ("Sophie Binet met en garde Emmanuel Macron sur la « gravité de la "
                           "situation »")


@pytest.mark.parametrize(("line", "stamp"), [
    ("Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM", True),
    ("Nov. 19", True),
    ("19 November", True),
    ("Posted: 3. Juni, 14:20 Uhr", True),
    ("Published on June 3", True),
    ("Friday 11:40AM", True),
    ("Tuesday, Nov. 19 at 5:00 p.m. EDT", True),
    ("19 mai à 10h30", True),
    ("Sunday", False),
    ("March 2019", False),
    ("The March 19 vote", False),
    ("May 1 is a holiday.", False),
])
def test_a_day_without_its_year_alone_is_a_date_line(line: str, stamp: bool) -> None:
    assert yearless_date_line(line) is stamp


def test_a_yearless_date_line_marks_the_headline_above_it() -> None:
    paragraphs = [f"The council said on Monday that the bridge would carry traffic again, and "
                  f"detail number {i} follows here." for i in range(5)]
    lines = ["Home", "Weather", "Enter City and State or Zip Code", "Subscribe",
             "Bridge reopens after two years of repairs",
             "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM", *paragraphs]
    brief = _extract("\n\n".join(lines))
    assert brief.title == "Bridge reopens after two years of repairs"


@pytest.mark.parametrize(("line", "day"), [
    ("Published 3 June 2021", dt.date(2021, 6, 3)),
    ("March 13, 2015 9:00PM", dt.date(2015, 3, 13)),
    ("Published Wed, Nov 20 20194:29 AM EST", dt.date(2019, 11, 20)),
    ("08.04.2015 12:46", dt.date(2015, 4, 8)),
    ("21.dez.2018 às 12h55", dt.date(2018, 12, 21)),
    ("3. Juni 2021", dt.date(2021, 6, 3)),
    ("le 30 avril 2015 à 07:19", dt.date(2015, 4, 30)),
    ("1. listopadu 2021", dt.date(2021, 11, 1)),
    ("2019-01-03T07:00:02Z", dt.date(2019, 1, 3)),
    ("2021年6月3日 10:00", dt.date(2021, 6, 3)),
    ("2021년 6월 3일", dt.date(2021, 6, 3)),
    ("2016.12.01", dt.date(2016, 12, 1)),
    ("2021/6/3 10:00", dt.date(2021, 6, 3)),
    ("version 2021.1.3", None),
    ("3 июня 2021", dt.date(2021, 6, 3)),
    ("3 червня 2021 р.", dt.date(2021, 6, 3)),
    ("3 Haziran 2021", dt.date(2021, 6, 3)),
    ("3. kesäkuuta 2021", dt.date(2021, 6, 3)),
    ("3 augusti 2021", dt.date(2021, 8, 3)),
    ("2021. június 3.", dt.date(2021, 6, 3)),
    ("Updated 31 February 2021", None),
    ("No date here", None),
    # a label or a credit run into the date, as a dump joins inline elements
    ("Publiziert17. Dezember 2024, 12:17", dt.date(2024, 12, 17)),
    ("Associated PressApril 28, 2023 GMT", dt.date(2023, 4, 28)),
    ("12. MÄR 2025 18:03", dt.date(2025, 3, 12)),
    ("Version 1.3 June 2021", None),
    ("Tobias Mühlbauer24.04.2024, 19:35 Uhr", dt.date(2024, 4, 24)),
    # a two-digit year, only with the time after it
    ("Publisert: 05.08.24 kl. 14:47", dt.date(2024, 8, 5)),
    ("Veröffentlicht am 27.04.24 um 07:39 Uhr", dt.date(2024, 4, 27)),
    ("macbacchi28.09.1912:44", dt.date(2019, 9, 28)),  # a forum post: 28.09.19 12:44
    ("Audio 03:07 Min. | 25.04.24 | Roman Warschauer", None),
    ("Release 1.2.24 is out", None),
    ("Apr 042013", dt.date(2013, 4, 4)),  # a theme's day and year boxes run together
    ("27.01.2022MineralölINFO November 2021", dt.date(2022, 1, 27)),
    ("19.11.202119.11.2021", dt.date(2021, 11, 19)),  # published and modified, run together
    ("01.21.2020 07:00 AM", dt.date(2020, 1, 21)),  # no month 21: the month comes first
    ("3.45.2020", None),
    # Indonesian, Greek, Hindi, Bulgarian, Lithuanian
    ("15 Agustus 2023", dt.date(2023, 8, 15)), ("31 Μαρτίου 2024", dt.date(2024, 3, 31)),
    ("31 मार्च 2024", dt.date(2024, 3, 31)), ("3 юни 2022", dt.date(2022, 6, 3)),
    ("Kovo 31, 2024", dt.date(2024, 3, 31)),
    # the Solar Hijri calendar (Iran, Afghanistan), in Persian or Latin digits
    ("۱۴ آبان ۱۴۰۴", dt.date(2025, 11, 5)),
    ("دوشنبه ۱۴ آبان ۱۴۰۴ - ۱۰:۳۰", dt.date(2025, 11, 5)),
    ("۲۲ بهمن\u200cماه ۱۳۵۷", dt.date(1979, 2, 11)),
    ("1 فروردين 1404", dt.date(2025, 3, 21)),  # the Arabic yeh
    ("۱۴ عقرب ۱۴۰۴", dt.date(2025, 11, 5)),  # Afghanistan's month names
    ("تاریخ انتشار: ۱۴۰۴/۰۸/۱۴", dt.date(2025, 11, 5)),
    ("30 اسفند 1403", dt.date(2025, 3, 20)), ("30 اسفند 1404", None),  # a leap year's day
    ("ص 1447/05/12", None),  # a lunar Hijri year, not a Jalali one
    ("build 1404/08/14", None),  # numbers alone, on a page in another script
    # Gregorian months in Hebrew (with the "in" a date writes), Urdu and Persian
    ("3 בנובמבר 2025", dt.date(2025, 11, 3)), ("3 نومبر 2025", dt.date(2025, 11, 3)),
    ("۱۲ نوامبر ۲۰۲۵", dt.date(2025, 11, 12)), ("۵ مهٔ ۲۰۲۴", dt.date(2024, 5, 5)),
    ("۱۴ مهر ۱۴۰۴", dt.date(2025, 10, 6)),  # Mehr, the Jalali month, is not May (مه)
    # Catalan (also "d'" before a vowel), Albanian, Slovak, Croatian, Serbian Cyrillic,
    # Macedonian, Estonian, Malay, Tagalog, Swahili, Azerbaijani, Georgian, Icelandic
    ("Dilluns, Març 23, 2020", dt.date(2020, 3, 23)),
    ("23 d'abril de 2020", dt.date(2020, 4, 23)), ("13 gusht 2020, 09:08", dt.date(2020, 8, 13)),
    ("3. októbra 2021", dt.date(2021, 10, 3)), ("3. srpnja 2021.", dt.date(2021, 7, 3)),
    ("3. октобар 2021.", dt.date(2021, 10, 3)), ("3 октомври 2021", dt.date(2021, 10, 3)),
    ("3. detsember 2021", dt.date(2021, 12, 3)), ("3 Ogos 2021", dt.date(2021, 8, 3)),
    ("Hunyo 3, 2021", dt.date(2021, 6, 3)), ("3 Septemba 2021", dt.date(2021, 9, 3)),
    ("3 avqust 2021", dt.date(2021, 8, 3)), ("3 აგვისტო 2021", dt.date(2021, 8, 3)),
    ("3. ágúst 2021", dt.date(2021, 8, 3)),
    # Arabic's two names for one month; Vietnamese's "month 8"
    ("17:55 GMT17 مارس/ آذار 2020", dt.date(2020, 3, 17)),
    ("الجمعة 24 نيسان / أبريل 2020 09:22 مساءً", dt.date(2020, 4, 24)),
    ("Thứ năm, ngày 13 tháng 8 năm 2020", dt.date(2020, 8, 13)),
    # Hungarian's spaced parts; a byline run into an ISO day; a short year before a time
    ("Olvasói szavazás 2020. 06. 04. 11:27", dt.date(2020, 6, 4)),
    ("By Sage Anderson2020-02-20 13:52:51 UTC", dt.date(2020, 2, 20)),
    ("Publié le 27 Mar 20 à 9:21", dt.date(2020, 3, 27)),
    ("3 Mar 20 people came", None), ("Sale from 20 May 20 to 30", None),
    # Thai, in the Buddhist Era (2563 = 2020) or the common one, in Thai or Latin digits
    ("วันพฤหัสบดีที่ 13 สิงหาคม 2563 เวลา 10:30 น.", dt.date(2020, 8, 13)),
    ("13 ส.ค. 2563", dt.date(2020, 8, 13)), ("๑๓ สิงหาคม ๒๕๖๓", dt.date(2020, 8, 13)),
    ("13 สิงหาคม 2020", dt.date(2020, 8, 13)), ("ราคา 25 บาท", None),
])
def test_find_date(line: str, day: dt.date | None) -> None:
    assert find_date(line) == day


@pytest.mark.parametrize(("jalali_day", "day"), [
    ((1357, 11, 22), dt.date(1979, 2, 11)), ((1399, 1, 1), dt.date(2020, 3, 20)),
    ((1400, 1, 1), dt.date(2021, 3, 21)), ((1403, 12, 30), dt.date(2025, 3, 20)),
    ((1404, 1, 1), dt.date(2025, 3, 21)), ((1404, 8, 14), dt.date(2025, 11, 5)),
    ((1404, 12, 30), None), ((1404, 7, 31), None), ((1299, 1, 1), None), ((1447, 5, 12), None),
])
def test_jalali_days(jalali_day: tuple[int, int, int], day: dt.date | None) -> None:
    assert jalali.to_gregorian(*jalali_day) == day


def test_the_jalali_calendar_runs_day_after_day() -> None:
    """Every day the calendar has, from 1300 to 1419, is the Gregorian day after the one
    before it: no gap, no overlap, at every month's and every year's end."""
    days = [jalali.to_gregorian(y, m, d) for y in range(jalali.FIRST_YEAR, jalali.LAST_YEAR + 1)
            for m in range(1, 13) for d in range(1, 32)]
    known = [d for d in days if d is not None]
    assert known[0] == dt.date(1921, 3, 21)
    assert all(b - a == dt.timedelta(days=1) for a, b in itertools.pairwise(known))
    leap = sum(jalali.to_gregorian(y, 12, 30) is not None
               for y in range(jalali.FIRST_YEAR, jalali.LAST_YEAR + 1))
    assert 28 <= leap <= 30  # eight leap years in 33


@pytest.mark.parametrize(("lines", "month_first"), [
    (["Published on 06/01/2026 - 13:55 GMT+1"], False),  # an English page in Europe
    (["Published 06/01/2026 1:55 PM EDT"], True),
    (["06/01/2026 10:00 CET", "11:00 EST"], True),  # zones disagree: the language decides
    (["14/01/2026 10:00 EST"], False),  # a day over 12 settles it, whatever the zone
])
def test_the_order_of_a_numeric_date(lines: list[str], month_first: bool) -> None:
    assert numeric_order(lines, default=True) is month_first


@pytest.mark.parametrize(("line", "name"), [
    ("Von Anna Schmidt Veröffentlicht 15.03.2020", "Anna Schmidt"),
    # Korean: the name before the word for reporter, the outlet or place before it
    ("홍길동 기자", "홍길동"), ("스포츠조선=선수민 기자", "선수민"),
    ("서울=연합뉴스 홍길동 기자", "홍길동"), ("대통령 기자회견에서 밝혔다", None),
    ("Por Mariano Martín mmartin@ambito.com.ar", "Mariano Martín"),
    ("Von Eurosport Publiziert 15.03.2020 um 10:31", "Eurosport"),
    ("Von David Straub, MDR THÜRINGEN Stand: 12.03.2024", "David Straub, MDR THÜRINGEN"),
    ("By Jane Roe", "Jane Roe"),
    ("By JOE HILDEBRAND | 3 June 2021", "JOE HILDEBRAND"),
    ("Par Sébastien Farcis", "Sébastien Farcis"),
    ("Von Max Muster und Erika Muster", "Max Muster und Erika Muster"),
    ("By Eric Levitz@EricLevitz", "Eric Levitz"),
    ("By subscribing I accept the terms of use", None),
    ("Byline-free sentence about the economy.", None),
    ("VON MORITZ GATHMANN am 21. April 2020", "MORITZ GATHMANN"),
    ("Par Loïc Le Clerc", "Loïc Le Clerc"),
    ("Автор: Иван Петров", "Иван Петров"),
    ("Yazar: Ahmet Yılmaz", "Ahmet Yılmaz"),
    # a job title after the name, without a comma, or run into it
    ("Von Sina Zehrfeld Landespolitische Korrespondentin", "Sina Zehrfeld"),
    ("By Thabo Mokone Parliamentary editor", "Thabo Mokone"),
    ("By Sophie FosterTravel News Reporter", "Sophie Foster"),
    ("By Ronald McDonald Senior Editor", "Ronald McDonald"),
    ("By Steffan Rhys Deputy Content Hub Director", "Steffan Rhys"),
    ("By Andrew HusbandTwitterNews & Culture Writer", "Andrew Husband"),
    ("By The New York Times | Source: Congressional Budget Office", None),
    ("By Dolores Chang For Dailymail.Com", "Dolores Chang"),
    ("Von Max Muster für den Tagesspiegel", "Max Muster"),
    ("By The Hollywood Reporter", None),
    ("By READ MORE", None),
    ("Post author By Helge Fahrnberger", "Helge Fahrnberger"),  # WordPress's hidden label
    ("by HLNF Staff Report", "HLNF Staff Report"),
    ("Von Katharina Schmidt Kategorien: Mode 6. November 2023", "Katharina Schmidt"),
    # the label after a date and a plain hyphen
    ("05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher)", "Eberhard Fuhr"),
    ("By Jane Roe, CEO", "Jane Roe"),
    # a nickname quoted between the names
    ('By Amanda "Tania Mae" Tan November 19, 2023 7:18 pm', 'Amanda "Tania Mae" Tan'),
    # a site's account, not a person (as the HTML byline refuses it)
    ("By admin - 2018-09-16", None),
    ("By Webmaster | 3 June 2021", None),
    # the news agency the reporter writes for, run on, glued or after a comma
    ("By Jane Roe Reuters ,12 March 2024", "Jane Roe"),
    ("By Hillel ItalieThe Associated Press", "Hillel Italie"),
    ("By Ana Roe, AFP", "Ana Roe"),
    ("By Reuters, Thorsten Kramer", "Reuters, Thorsten Kramer"),
    # the paper after the name, where its first word says where the name ends
    ("By Mike Isaac New York Times ,May 3, 2016", "Mike Isaac"),
    ("By Jane Roe Washington Post", "Jane Roe"),
    ("By Meg Wagner NEW YORK DAILY NEWS", "Meg Wagner"),
    ("By Jane Roe BBC News", "Jane Roe"),
    ("By Mary Ann Evans Sunday Times", None),  # "Mary Ann" or "Mary Ann Evans"?
])
def test_find_byline(line: str, name: str | None) -> None:
    assert find_byline(line) == name


@pytest.mark.parametrize(("line", "name"), [
    ("October 19, 2019 by IWB", "IWB"),
    ("Veröffentlicht am 12. Juni 2017 von gizzmo", "gizzmo"),
    ("6. Dezember 2022 von Fatima in Gefühle, Popkultur", "Fatima"),
    ("Posted in Datenschutz by damianduchamps on August 3, 2019", "damianduchamps"),
    ("1. Januar 2016 von KleineGrüneMonster Ein Kommentar", "KleineGrüneMonster"),
    ("Publicado por Alberto González", "Alberto González"),
    ("Ein Beitrag geteilt von Jane Roe (@janeroe) am Apr 21, 2019", None),
    ("Photo by Jane Roe, 3 June 2021", None),
    ("Der Bericht von Jane Roe kam am Montag.", None),  # no date, no posting word
    ("3 June 2021 by the river", None),
    ("Kolumne von Lars Brunckhorst", "Lars Brunckhorst"),
    ("Artikel veröffentlicht am 28. April 2024, 14:26 Uhr, Tobias Költzsch", "Tobias Költzsch"),
    ("Posted on Oktober 27, 2015 by Admin", None),
    ("By admin - 2018-09-16", None),
    ("Veröffentlicht am 12. Juni 2017 von jdadmin", None),
])
def test_find_inner_byline(line: str, name: str | None) -> None:
    assert find_inner_byline(line) == name


def test_a_posting_line_names_the_author() -> None:
    dump = "\n\n".join([
        "Home", "Blog", "Council approves budget after long debate",
        "Veröffentlicht am 3. Juni 2021 von gizzmo", "Ein Kommentar",
        "The council voted on Tuesday night to approve the city budget for next year, after "
        "a debate that lasted more than six hours and drew a crowd of residents.",
        "Schools will receive most of the new money, the mayor said, while the roads "
        "department gets a smaller increase than it had asked for in the spring.",
    ])
    brief = extract_text(clean_text(dump)[0])
    assert brief.title == "Council approves budget after long debate"
    assert brief.byline == "gizzmo"
    assert brief.date == dt.date(2021, 6, 3)


def test_split_breadcrumb() -> None:
    assert split_breadcrumb("North AmericaSyriaWest Asia") == ["North America", "Syria",
                                                              "West Asia"]
    assert split_breadcrumb("News › World » Europe") == ["News", "World", "Europe"]


def test_a_trails_you_are_here_label_is_no_category() -> None:
    brief = _extract("\n\n".join(["Du befindest dich hier: Home > Politik > Inland",
                                   "Tenants win the right to keep pets", *ARTICLE_LINES]))
    assert brief.title == "Tenants win the right to keep pets"
    assert brief.categories == ("Politik", "Inland")


def test_the_home_page_account_links_and_authors_are_no_category() -> None:
    for crumb, sections in (("HomeWorld News", ("World News",)),
                            ("Startseite › Kultur › Kultur", ("Kultur",)),
                            ("Log InSign Up", ()), ("Tips / Contact Us", ("Tips",)),
                            ("Politik · Jochen Bittner, Tina Hildebrandt", ("Politik",)),
                            ("World · North America, Europe",
                             ("World", "North America, Europe")),
                            ("North AmericaSyriaWest Asia",
                             ("North America", "Syria", "West Asia"))):
        brief = _extract("\n\n".join([crumb, "Tenants win the right to keep pets",
                                       *ARTICLE_LINES]))
        assert brief.categories == sections, crumb


def test_a_kicker_above_the_headline_is_no_category() -> None:
    brief = _extract("\n\n".join(["«Dyrevenner»:", "Tenants win the right to keep pets",
                                   *ARTICLE_LINES]))
    assert brief.title == "Tenants win the right to keep pets" and brief.categories == ()


def test_a_title_cased_headline_with_commas_is_not_read_as_its_deck() -> None:
    brief = _extract("\n\n".join([
        "Home", "Tech", "Personal Technology: Review",
        "Phones, Tablets, Watches and Rings: So Many Ways to Track Your Sleep at Night",
        "There are more devices that promise better sleep than ever before. Here is how to "
        "choose one that suits you.",
        "By", "Jane Roe", "Nov. 20, 2019 8:00 am ET",
        "Sleep trackers have moved from the wrist to the finger and the bedside table, and "
        "the makers say their readings are now close to those of a sleep clinic.",
        "We tried six of them for a month each, and compared what they said with how rested "
        "we felt in the morning, which is what most buyers care about.",
        "The ring was the most comfortable to wear, while the bedside radar needed no "
        "charging at all and never slipped off during the night.",
    ]))
    assert brief.title == \
        "Phones, Tablets, Watches and Rings: So Many Ways to Track Your Sleep at Night"
    assert brief.byline == "Jane Roe"


def test_a_box_of_other_stories_between_headline_and_text_is_passed_over() -> None:
    brief = _extract("\n\n".join([
        "Auto News", "Lexus wants you to go topless with its new convertible",
        "Jose Roe", "November 20, 2019 12:32", "MORE STORIES LIKE THIS ONE",
        "Drop top coupe from Lexus is a gorgeous breath of fresh air", "May 15, 2017",
        "New Lexus coupe makes its world premiere in Detroit", "January 11, 2016",
        "The convertible keeps the coupe's long bonnet and short tail, and the fabric roof "
        "folds away in fifteen seconds at speeds of up to fifty kilometres an hour.",
        "Lexus says the car will reach dealers next summer, with the same engine as the "
        "coupe and a price that has not yet been announced for any market.",
        "The brand showed the car at the Los Angeles motor show, where it shared a stand "
        "with two new sport utility vehicles and a concept car.",
    ]))
    assert brief.title == "Lexus wants you to go topless with its new convertible"


def test_a_name_alone_above_a_photo_credit_is_a_caption_not_the_byline() -> None:
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", "Publikacja: 02.02.2025 21:52",
        "Anna Mayor", "Foto: REUTERS/Jan Roe", *STORY]))
    assert brief.title == "Council approves budget after long debate"
    assert brief.byline is None


def test_a_name_beside_two_stamps_in_swedish_is_the_byline() -> None:
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", "Amanda Hällsten",
        "Uppdaterad 15.59 | Publicerad 14.14", *STORY]))
    assert brief.byline == "Amanda Hällsten"


def test_a_name_above_a_section_and_the_date_is_the_byline() -> None:
    brief = _extract("\n\n".join([
        "Home", "Emma Grey Ellis", "Science", "Sep 30, 2016 7:00 AM",
        "Council approves budget after long debate", *STORY]))
    assert brief.byline == "Emma Grey Ellis"
    assert name_line("Newsletter Anmeldung") is None  # a service's label
    # a Follow button between the name and the date
    brief = _extract("\n\n".join([
        "Home", "Tim O'Reilly", "Follow", "Oct 19, 2016 · 10 min read",
        "Council approves budget after long debate", *STORY]))
    assert brief.byline == "Tim O'Reilly"


def test_names_run_together_beside_the_date_are_the_byline() -> None:
    """Three authors' links, which the dump prints with nothing between them."""
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate",
        "Birgit Baumann Anna Giulia Fink Jan Michael Marchart", "3. Mai 2024, 17:47",
        *STORY]))
    assert brief.title == "Council approves budget after long debate"
    assert brief.byline == "Birgit Baumann Anna Giulia Fink Jan Michael Marchart"
    # the day on the same line, printed without its year
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate",
        "Birgit Baumann Anna Giulia Fink Jan Michael Marchart 3. Mai, 17:47", *STORY]))
    assert brief.byline == "Birgit Baumann Anna Giulia Fink Jan Michael Marchart"


def test_a_title_case_line_beside_the_date_is_no_run_of_names() -> None:
    """The words of a headline in title case are printed in small letters in the text
    ("its", "into"); a menu in capitals is no run of names either."""
    story = [*STORY, "The council said its vote was final and would go into effect at once."]
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate",
        "Council Drops Its Plan Into The Bay", "May 15, 2017", *story]))
    assert brief.byline is None
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate",
        "LOCAL SHOPS HARBOUR WALKS", "May 15, 2017", *STORY]))
    assert brief.byline is None


@pytest.mark.parametrize(("header", "byline"), [
    # a date, or the author's address, run into or printed beside the name
    (["Nicole Collignon22. Februar 2020"], "Nicole Collignon"),
    (["By Seth Fiegerman2014-01-26 21:32:46 UTC"], "Seth Fiegerman"),
    (["Houzz Deutschlandvor 5 Stunden"], "Houzz Deutschland"),
    # ... or a time past, in any of the languages ``lexicon.AGO_ELSEWHERE`` reads
    (["Anna Rossi · 2 ore fa"], "Anna Rossi"), (["Jan de Vries · 3 uur geleden"], "Jan de Vries"),
    (["Иван Петров · 3 часа назад"], "Иван Петров"),
    (["2. Februar 20202. Februar 2020 Alexander Roll 1 Kommentar"], "Alexander Roll"),
    (["Bruno Wendel", "bruno.wendel@example.com", "Salvador"], "Bruno Wendel"),
    # "By" closing a date's line or a section's name, the name on the next line
    (["10.12.2022 18:27 von", "Hinrich Neumann"], "Hinrich Neumann"),
    (["Disko Von", "Ernst Lohoff"], "Ernst Lohoff"),
    # a news agency beside the reporter
    (["Frankfurt, November 05, 2025, 5:09 Uhr", "Reuters, Thorsten Kramer"],
     "Reuters, Thorsten Kramer"),
    # the author's job under the name, in an author box, or run into it
    (["Gina HarlowCEO", "Image: Brian Weaver"], "Gina Harlow"),
    (["Ilse Vermeulen", "Former Contributor", "Share to Facebook"], "Ilse Vermeulen"),
    (["Calvin Reyes", "Co-Founder at Harborline", "Follow @creyes"], "Calvin Reyes"),
    # not a newsroom's address, nor an agency alone
    (["La República", "redaccion@example.com"], None),
    # a product site's menu beside the date is no run of names
    (["Sources Warehouses Catalog Pricing Blog", "16 May 2016"], None),
    (["3 June 2021", "Reuters"], None),
])
def test_a_byline_run_into_a_date_or_beside_an_address(header: list[str],
                                                       byline: str | None) -> None:
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", *header, *STORY]))
    assert brief.title == "Council approves budget after long debate"
    assert brief.byline == byline
    assert brief.body == tuple(STORY)


@pytest.mark.parametrize(("line", "is_role"), [
    ("Former Contributor", True), ("Senior Staff Writer", True), ("Korrespondentin", True),
    ("Co-Founder at Harborline", True), ("Senior Software Engineer at Stripe", True),
    ("News at Ten", False), ("Meet the team at Acme", False), ("Share to Facebook", False),
    ("The Reporter", False), ("Ilse Vermeulen", False),
])
def test_a_job_title_alone_on_its_line(line: str, is_role: bool) -> None:
    """The line under a name in an author box: a job, maybe with the employer."""
    assert role_line(line) is is_role


@pytest.mark.parametrize(("line", "names_follow"), [
    ("Disko Von", True), ("10.12.2022 18:27 von", True), ("Tipps von", True),
    ("Filter by", False), ("Sort by", False), ("Powered by", False), ("Photo by", False),
    ("Mehr Artikel von", False), ("by", False),
])
def test_by_closing_a_line_of_a_date_or_one_word(line: str, names_follow: bool) -> None:
    assert ends_with_by(line) is names_follow


def test_the_authors_name_printed_again_is_not_in_the_body() -> None:
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", "Tobias Mühlbauer24.04.2024",
        "Tobias Mühlbauer", *STORY]))
    assert brief.byline == "Tobias Mühlbauer"
    assert brief.body == tuple(STORY)


def test_a_search_forms_von_label_above_its_filter_is_no_byline() -> None:
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", "Von:", "Filter Suche",
        *STORY]))
    assert brief.byline is None


def test_by_alone_then_a_name_with_its_job_run_in_gives_the_name() -> None:
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", "By",
        "Emma MackenzieLifestyle Writer", "14:00, 28 Apr 2024", *STORY]))
    assert brief.byline == "Emma Mackenzie"


def test_an_article_signed_at_its_end_gives_the_byline_and_loses_the_line() -> None:
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", "3 June 2021", *STORY,
        "Von Cosima Künzel", "Share", "Related articles"]))
    assert brief.byline == "Cosima Künzel"
    assert brief.body == tuple(STORY)
    # a header byline wins over a name at the end
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", "By Jane Roe", *STORY,
        "By Ann Other", "Share"]))
    assert brief.byline == "Jane Roe"


ZH_STORY = [
    "市议会周二晚间投票通过了明年的城市预算，此前的辩论持续了六个多小时，吸引了大批市民到场旁听。",
    "市长表示，新增资金的大部分将用于学校，而道路部门获得的增幅小于其春季提出的要求。",
    "商户此前要求降低收费，议会同意将收费削减十分之一，这一调整每年将使城市减少约两百万元收入。",
]


@pytest.mark.parametrize(("credit", "byline"), [
    ("(责编：牛镛、岳弘彬)", "牛镛, 岳弘彬"),
    ("【责任编辑:张樵苏 】", "张樵苏"),
    ("【纠错】 【责任编辑:张樵苏 】", "张樵苏"),  # after the link to report an error
    ("责任编辑：", None),  # no name
    ("来源：本报 责任编辑：张樵苏 2024年5月3日", None),  # not a credit line alone
])
def test_a_chinese_editors_credit_under_the_text_is_the_byline(credit: str,
                                                                byline: str | None) -> None:
    """Chinese news sites close an article with its editors' credit, and often name no
    other author."""
    brief = _extract("\n\n".join(["首页", "市议会经过长时间辩论通过预算", "2024年5月3日", *ZH_STORY,
                                    credit, "分享到"]))
    assert brief.title == "市议会经过长时间辩论通过预算"
    assert brief.byline == byline
    assert brief.body == tuple(ZH_STORY)


def test_a_headline_printed_twice_opens_the_text_after_the_second() -> None:
    """A sticky bar prints the headline, then the page's furniture (a section's name,
    share counts, the date), then the article's own headline and its author. (A headline
    this long reads as prose, so the text's run begins at the first one.)"""
    title = ("Council Has Skipped Nearly All Budget Briefings? The Mayor's Reasoning Is "
             "'Well, I Get It When I Need It'")
    brief = _extract("\n\n".join([
        "Home", title, "Local", "3", "0", "December 12, 2016", title, "Patrick Frye",
        *STORY]))
    assert brief.title == title
    assert brief.byline == "Patrick Frye"
    assert brief.body == tuple(STORY)
    # a paragraph before the repeat (a deck, the text's opening) keeps the text as it was
    brief = _extract("\n\n".join([
        "Home", title, STORY[0], title, *STORY[1:]]))
    assert brief.body == tuple(STORY)


@pytest.mark.parametrize(("footer", "byline"), [
    ("Posted by Jane Roe at 12:55 AM", "Jane Roe"),
    ("Eingestellt von Jana Roth um 10:52", "Jana Roth"),
    ("Posted by Alon Zakai.", "Alon Zakai"),  # a full stop after the name is no part of it
    ("Posted by T. V. Raman at 2:33 PM", "T. V. Raman"),  # initials keep theirs
])
def test_a_blog_posts_footer_gives_the_byline(footer: str, byline: str) -> None:
    """A blog prints its author under the post, with the time it was posted."""
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", "3 June 2021", *STORY,
        footer, "Labels: council, budget", "No comments:", "Post a Comment"]))
    assert brief.byline == byline
    assert brief.body == tuple(STORY)


def test_an_author_label_alone_then_the_name_gives_the_byline_and_authors_does_not() -> None:
    labelled = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", "AUTOR/IN", "Julius Richter",
        *STORY]))
    assert labelled.byline == "Julius Richter"
    menu = _extract("\n\n".join([
        "ABOUT", "AUTHORS", "EDITORIAL", "Council approves budget after long debate",
        "Jane Roe", "Do 9 Apr 2020", *STORY]))
    assert menu.byline == "Jane Roe"
    for under, byline in ((["Author of the article:", "The Associated Press"],
                           "The Associated Press"),
                          (["Author of the article:", "By Ben Andrews"], "Ben Andrews")):
        brief = _extract("\n\n".join([
            "Home", "Council approves budget after long debate", *under,
            "Published Jun 05, 2026", *STORY]))
        assert brief.byline == byline


NEXT_STORY = [
    "Ferry service returns to the island after a winter without boats",
    "Kari Nordmann Kari Nordmann", "Publisert 06.01.2026 - 16:25",
    "The ferry company said on Monday that boats would run again from next week, after the "
    "harbour works that closed the route in November were finished ahead of time.",
    "Islanders had been travelling by a smaller boat that runs twice a day, which the "
    "company said it would keep as a spare through the spring.",
]


def test_a_page_that_scrolls_on_into_the_next_article_stops_before_its_header() -> None:
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", "3 June 2021", *STORY,
        *NEXT_STORY]))
    assert brief.body == tuple(STORY)


def test_the_next_articles_byline_is_not_this_ones() -> None:
    """A page that scrolls on into the next article: the byline in that article's header
    (inside the zone read for this one's, or just after its text) is not this one's."""
    # (a short text and a long one: the next header inside the zone, or past it)
    for reports in (2, 5):
        story = [f"{p[:-1]}, said report number {k}." for k in range(reports) for p in STORY]
        brief = _extract("\n\n".join([
            "Home", "Council approves budget after long debate", "3 June 2021", *story,
            NEXT_STORY[0], "By Kari Nordmann", *NEXT_STORY[2:]]))
        assert brief.body == tuple(story), reports
        assert brief.byline is None, reports


def test_a_video_of_the_article_with_its_headline_and_date_is_not_a_next_article() -> None:
    title = "Council approves budget after long debate"
    brief = _extract("\n\n".join([
        "Home", title, "3 June 2021", *STORY, title, "(Published Monday, Nov. 18, 2019)",
        *STORY[:2]]))
    assert brief.body[-2:] == tuple(STORY[:2])


@pytest.mark.parametrize(("under", "byline"), [
    (["Kathrin Hofmeister"], "Kathrin Hofmeister"),  # no date anywhere
    (["Der WindRebell"], None),  # an article opens it: a column's name
    (["Photovoltaik Anforderungen"], None),  # nouns
    (["Anna Mayor", "Foto: Jan Roe"], None),  # a photo's caption
    # a deck, the date, then a photo's caption and credit above the name
    (["The mayor promised schools and roads more money, and the council agreed",
      "Publikacja: 02.02.2025 21:52", "Anna Mayor", "Foto: REUTERS/Jan Roe",
      "Kathrin Hofmeister"], "Kathrin Hofmeister"),
])
def test_a_name_alone_under_the_headline_is_the_byline_when_it_reads_as_a_person(
        under: list[str], byline: str | None) -> None:
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", *under, *STORY]))
    assert brief.title == "Council approves budget after long debate"
    assert brief.byline == byline


def test_a_name_under_the_headline_that_the_text_mentions_is_its_subject() -> None:
    story = [p.replace("the mayor said", "Anna Mayor said") for p in STORY]
    brief = _extract("\n\n".join([
        "Home", "Council approves budget after long debate", "Anna Mayor", *story]))
    assert brief.byline is None


def test_the_article_ends_at_a_related_heading_once_its_text_is_told() -> None:
    article = [f"The council voted {n} times on the housing plan this year, and each time the "
               f"members who opposed it said the costs for tenants were still not clear."
               for n in range(2, 10)]
    teasers = ["Tenants in the next town are also waiting for a decision on their rents, "
               "which the mayor has promised before the summer holidays begin.",
               "A new study says rents rose faster than wages in most cities last year, and "
               "that small flats rose fastest of all across the whole country."]
    brief = _extract("\n\n".join(["Council delays housing plan again", *article,
                                  "Mehr zu Mieten", *teasers]))
    assert list(brief.body) == article
    # a heading early in the run is an inline box: the article goes on after it
    brief = _extract("\n\n".join(["Council delays housing plan again", *article[:2],
                                  "Related", *article[2:]]))
    assert list(brief.body) == article


def test_an_opening_cut_off_by_a_paywall_box_joins_the_article() -> None:
    article = [f"The council voted {n} times on the housing plan this year, and each time the "
               f"members who opposed it said the costs for tenants were still not clear."
               for n in range(2, 12)]
    box = ["SUBSCRIBE TO UNLOCK MORE ARTICLES", "Subscribe now", "Daily puzzles",
           "Exclusive articles", "Unlimited online access", "Sign in", "Share",
           "Subscribe now", "Daily puzzles"]
    brief = _extract("\n\n".join(["Council delays housing plan again", *article[:2], *box,
                                  *article[2:]]))
    assert list(brief.body) == article


def test_a_cookie_dialog_longer_than_the_article_is_not_the_article() -> None:
    article = ["Ultium Cells will invest another 275 million dollars in its plant in Tennessee, "
               "the company said on Friday, and hire four hundred more workers by next year.",
               "The plant is meant to supply the nearby assembly works with battery cells for "
               "two electric models, which the carmaker plans to build from next spring."]
    dialog = ["We may request cookies to be set on your device when you visit our websites, "
              "so that we know how you use them and can make them better for you.",
              "Click on the different category headings to find out more, and change some of "
              "your settings there, as blocking some types may affect your experience.",
              "These cookies are strictly necessary to provide you with the services and "
              "features available through our website and cannot be switched off.",
              "We fully respect it if you want to refuse them, and we store a note so that we "
              "do not ask you again every time you open one of the pages of this site.",
              "These cookies collect information that helps us understand how our website is "
              "used and how well our marketing campaigns work, in an anonymous form.",
              "If you do not want us to follow your visit, you can block that in your browser "
              "here, and you can change your mind whenever you like on this page.",
              "Other cookies are needed as well, and you can choose whether you allow them or "
              "not in the list below, one service at a time, before you go on."]
    brief = _extract("\n\n".join(["Ultium Cells expands its plant in Tennessee", *article,
                                  "Share", "Related", "How we use cookies", *dialog]))
    assert list(brief.body) == article


def test_an_article_about_cookies_is_still_the_article() -> None:
    article = [f"The regulator fined {n} websites this year for setting cookies before their "
               f"readers agreed, and said that cookie banners must offer a clear refusal."
               for n in ("three", "four", "five", "six")]
    brief = _extract("\n\n".join(["Regulator fines websites over cookies", *article,
                                  "Share", "Related", "Cookie banners: what changes",
                                  "Ten websites fined this year"]))
    assert list(brief.body) == article


@pytest.mark.parametrize(("line", "alone"), [
    ("3 hours ago", True), ("· 4 yr. ago · edited 4 yr. ago", True),
    ("14K views 6 years ago", True), ("Uppdaterad 15.59 | Publicerad 14.14", True),
    ("Mr Smith 4 yr. ago", False), ("2 views on the war in Ukraine", False),
    # the same in other languages: Japanese, Korean, Russian, Ukrainian, Turkish, Italian,
    # Dutch, Polish, Swedish, Norwegian, Finnish, Indonesian, Vietnamese, Arabic, Hindi,
    # Greek, Romanian
    ("3時間前", True), ("3시간 전", True), ("23 часа назад", True), ("5 годин тому", True),
    ("5 saat önce", True), ("2 ore fa", True), ("4 uur geleden", True),
    ("3 godziny temu", True), ("Uppdaterad 15.59 | för 3 timmar sedan", True),
    ("for 3 timer siden", True), ("2 tuntia sitten", True), ("3 jam yang lalu", True),
    ("2 giờ trước", True), ("منذ 3 ساعات", True), ("2 घंटे पहले", True),
    ("कुछ ही क्षण पहले", True), ("πριν από 2 ώρες", True), ("acum 3 ore", True),
    # a video's length alone on its line
    ("Duration 12:38", True), ("Durée :3:49", True), ("04:03 min", True),
    ("Duration of the trial: 3 weeks", False),
    # a time with its label apart, or its reading time after it
    ("aktualizováno • 12:56", True), ("Stand: 20:03 Uhr | Lesedauer: 4 Minuten", True),
    ("12:05 · 4 min read", True), ("Stand der Verhandlungen", False),
    # ... but not a sentence that opens with one
    ("2 ore fa è morto il vescovo di Bergamo", False), ("Il y a 10 ans, la guerre", False),
])
def test_a_time_or_age_alone_on_its_line(line: str, alone: bool) -> None:
    assert make_blocks([line])[0].time_only is alone


def test_a_photos_date_in_its_caption_is_not_the_articles() -> None:
    brief = _extract("\n\n".join([
        "Council approves budget after long debate",
        "The mayor speaks to reporters in the town hall, on Aug. 7, 2024. (AP Photo/Jane Roe)",
        *STORY]))
    assert brief.title == "Council approves budget after long debate"
    assert brief.date is None


def test_at_the_same_distance_the_date_below_the_headline_is_the_articles() -> None:
    # the date above closes the teaser of another story
    brief = _extract("\n\n".join([
        "Meet the group behind the gas stove study", "Jane Roe", "January 16, 2023",
        "Politics", "Council approves budget after long debate",
        "The mayor's plan passed by one vote after a night of speeches",
        "Photo of the council chamber", "John Doe", "April 28, 2023", *STORY]))
    assert brief.date == dt.date(2023, 4, 28)


@pytest.mark.parametrize("place", ["United States", "New York", "South Africa",
                                   "North Carolina", "Hong Kong"])
def test_a_place_above_the_date_is_no_byline(place: str) -> None:
    """Reuters prints its edition ("United States") above the section and the date; a
    country, a state or a big city is not a person, whose name a date beside makes the
    byline."""
    brief = _extract("\n\n".join([
        "Home", place, "Business News", "November 19, 2019 / 12:21 AM",
        "Council approves budget after long debate", "Rodrigo Campos", *STORY]))
    assert name_line(place) is None
    assert brief.byline == "Rodrigo Campos"


@pytest.mark.parametrize("person", ["Paris Hilton", "Jordan Peterson", "Georgia Rose",
                                    "Washington Irving"])
def test_a_person_named_like_a_place_is_still_a_name(person: str) -> None:
    assert name_line(person) == (person, False)


@pytest.mark.parametrize("signature", [
    "— Jane Roe (@janeroe) January 1, 2020",
    "- City News (@CityNews) January 1, 2020",
    "A post shared by Jane Roe (@jane.roe) on Jan 1, 2020 at 9:12am PST",
    # Instagram's signature in the page's language
    "Ein Beitrag geteilt von Jane Roe (@jane.roe) am Jan 1, 2020 um 9:12 PST",
    "Une publication partagée par Jane Roe (@jane.roe) le 1 janv. 2020 à 9:12 PST",
])
def test_an_embedded_post_s_date_does_not_date_the_article(signature: str) -> None:
    """The signature under an embedded tweet carries the day it was posted."""
    paragraphs = [f"The council said on Thursday that the bridge would carry traffic again, "
                  f"and detail number {i} follows here." for i in range(4)]
    lines = ["Home", "News", "Bridge reopens after two years of repairs", "By Ann Example",
             paragraphs[0], "The bridge is open again, the mayor wrote.", signature,
             *paragraphs[1:], "Published 2 January 2020"]
    brief = _extract("\n\n".join(lines))
    assert brief.date == dt.date(2020, 1, 2)
    lines[-1] = "Related stories"
    assert _extract("\n\n".join(lines)).date is None


def test_a_thai_paragraph_that_mentions_a_day_stays_in_the_text() -> None:
    """Thai puts no spaces between words: a whole paragraph is a few "words" long, and
    one that mentions a day is still text, not a date line."""
    said = ("ภรรยาของเขากล่าวว่าได้ทราบข่าวจากบุตรชายแล้วแต่ยังไม่ขอพูดอะไรเพิ่มเติมในตอนนี้"
            "เพราะครอบครัวยังรอผลการตรวจสอบจากเจ้าหน้าที่ซึ่งคาดว่าจะออกมาภายในสัปดาห์หน้า ")
    paragraphs = [said * 2, f"เขาหายตัวไปจากที่พักเมื่อวันที่ 13 ธ.ค. 2561 {said * 2}", said * 2]
    lines = ["หน้าแรก", "ข่าว", "ผลตรวจดีเอ็นเอยืนยันตัวตนของผู้เสียชีวิตแล้ว",
             "วันพฤหัสบดีที่ 21 มกราคม 2562", *paragraphs, "แชร์"]
    brief = _extract("\n\n".join(lines))
    assert brief.date == dt.date(2019, 1, 21)
    assert any("13 ธ.ค. 2561" in paragraph for paragraph in brief.body)


BODY = [f"The quarry's blasts crack the walls of homes in five villages, residents say, and "
        f"point {i} of their complaint follows here." for i in range(4)]


def test_names_with_their_role_above_a_dateline_are_the_byline() -> None:
    lines = ["Home", "Fire kills 12 as 23 people remain missing in Almería", "Los Gallardos",
             "Video", "Chus del Pino, Martí Abad (Special correspondent)",
             "Sevilla, Los Gallardos", "10/07/2026 00:50", *BODY]
    brief = _extract("\n\n".join(lines))
    assert brief.byline == "Chus del Pino, Martí Abad"


@pytest.mark.parametrize(("names", "byline"), [
    ("Mathatisi Sebusi/Mohalenyane Phakela", "Mathatisi Sebusi/Mohalenyane Phakela"),
    ("Mathatisi Sebusi", None),  # one name this far down may be a heading: not taken
    ("Related Topics", None),
])
def test_two_authors_right_above_the_text_under_a_long_deck(names: str,
                                                            byline: str | None) -> None:
    """Under the headline, two deck lines, then the authors' names right above the
    text: names of two people or more are the byline even past the deck."""
    lines = ["Local News", "Mining blasts shatter homes", "Share",
             "…as communities cry foul over lost livelihoods",
             "…accuse chiefs of ignoring their concerns", names, *BODY]
    assert _extract("\n\n".join(lines)).byline == byline


def test_a_byline_run_into_a_capital_by_or_printed_twice_is_the_name_once() -> None:
    assert find_byline("BYKia Kokalitcheva") == "Kia Kokalitcheva"
    assert find_byline("Author: Adam RogersAdam Rogers") == "Adam Rogers"
    assert find_byline("By Anna Anna") == "Anna Anna"  # (too short to be a name twice)


@pytest.mark.parametrize("line", ["Learn More", "Link Copied", "Show Notes",
                                  "Enter Search Terms Search", "Episode Details"])
def test_a_button_in_title_case_is_no_name(line: str) -> None:
    assert name_line(line) is None


def test_a_button_beside_a_date_is_no_byline() -> None:
    brief = _extract("Home\n\nTech\n\nWind farms sell power to the grid at night\n\n"
                     "Learn More\n\nMay 4, 2016\n\n"
                     "The operators of three wind farms on the coast signed contracts this week "
                     "to sell power to the grid at night, when demand is low but winds are "
                     "strongest, the regional energy board said on Tuesday.\n\n"
                     "The contracts run for ten years and set a floor price per megawatt hour, "
                     "which the operators say will pay for two more turbines.\n")
    assert brief.title == "Wind farms sell power to the grid at night"
    assert brief.byline is None and brief.date == dt.date(2016, 5, 4)


@pytest.mark.parametrize(("line", "name"), [
    ("byJoseph Roe on April 29, 2016, 7:31 pm EDT", "Joseph Roe"),
    ("BYKia Roe", "Kia Roe"),
])
def test_a_lower_or_capital_by_run_into_the_name(line: str, name: str) -> None:
    assert find_byline(line) == name


def test_a_by_after_a_slash_in_a_posting_line() -> None:
    line = "February 23, 2016/0 Comments/in Sales & Marketing, Acme /by Mark Roe"
    assert find_inner_byline(line) == "Mark Roe"


@pytest.mark.parametrize(("line", "got"), [
    ("Olivia Roe in San Francisco and agencies", ("Olivia Roe", False)),
    ("Jane Roe in Berlin", ("Jane Roe", False)),
    ("Jane Roe in Gothamville", None),  # (no place the gazetteer knows)
    ("Mit Musiker Voodoo Jürgens in Wien", None),
])
def test_a_name_with_the_place_it_was_written_in(line: str, got: tuple[str, bool] | None) -> None:
    assert name_line(line) == got


def test_a_name_above_its_handle_is_the_byline() -> None:
    brief = _extract("Home\n\nWorld\n\nJudge dismisses the lawsuit over browsing data\n\n"
                     "Share on Facebook\n\nOlivia Roe in San Francisco and agencies\n\n"
                     "@oliviaroe\n\nemail\n\nMonday 3 July 2017 20.17 BST\n\n"
                     "A judge has dismissed a lawsuit accusing a social network of tracking "
                     "users' browsing even after they logged out of the site, a ruling "
                     "published on Monday shows.\n\n"
                     "The plaintiffs had argued that buttons on other sites let the company "
                     "build detailed records of their browsing history.\n")
    assert brief.title == "Judge dismisses the lawsuit over browsing data"
    assert brief.byline == "Olivia Roe" and brief.date == dt.date(2017, 7, 3)
