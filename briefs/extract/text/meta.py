"""Bylines, datelines and publication dates as page dumps print them, in several languages.

``By Jane Roe``, ``Par Jean Dupont``, ``Von Max Muster``, ``Autor: ...``;
``Published 3 June 2021``, ``3. Juni 2021``, ``1. 11. 2021``, ``3 de junio de 2021``,
``Wed, Nov 20 2019``, ``2021-06-03T10:00``; ``BEIRUT (Reuters) -`` opens a paragraph.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterator
from typing import Any

from briefs import prefilter
from briefs.extract.text import jalali
from briefs.extract.text.lexicon import AGO_ELSEWHERE, EDITOR_WORDS, is_junk_line

# English, German, French, Spanish, Portuguese, Czech, Italian, Dutch, Polish; then Russian,
# Ukrainian, Turkish, Swedish/Danish/Norwegian, Finnish, Romanian and Hungarian; Arabic
# (Egyptian and Levantine names; "_" stands for a space: "تشرين_الأول").
_MONTH_NAMES = {
    1: "january jan januar janvier janv enero ene janeiro jan leden ledna gennaio januari "
       "stycznia"
        " января январь січня ocak tammikuuta ianuarie január"
        " يناير كانون_الثاني",
    2: "february feb februar février févr febrero fevereiro fev únor února febbraio "
       "februari lutego"
        " февраля февраль лютого şubat helmikuuta februarie február"
        " فبراير شباط",
    3: "march mar märz mär mars marzo março březen března maart marca"
        " марта март березня mart marts maaliskuuta martie március"
        " مارس آذار",
    4: "april apr avril abril duben dubna aprile kwietnia"
        " апреля апрель квітня nisan huhtikuuta aprilie április"
        " أبريل ابريل نيسان",
    5: "may mai mayo maio květen května maggio mei maja"
        " мая май травня mayıs maj toukokuuta május"
        " مايو أيار",
    6: "june jun juni juin junio junho červen června giugno czerwca"
        " июня июнь червня haziran kesäkuuta iunie június"
        " يونيو يونيه حزيران",
    7: "july jul juli juillet juil julio julho červenec července luglio lipca"
        " июля июль липня temmuz heinäkuuta iulie július"
        " يوليو يوليه تموز",
    8: "august aug août agosto srpen srpna sierpnia augustus"
        " августа август серпня ağustos augusti elokuuta augusztus"
        " أغسطس اغسطس آب",
    9: "september sep sept septembre septiembre setiembre setembro set září settembre "
       "września"
        " сентября сентябрь вересня eylül syyskuuta septembrie szeptember"
        " سبتمبر أيلول",
    10: "october oct oktober octobre octubre outubro out říjen října ottobre okt "
        "października"
        " октября октябрь жовтня ekim lokakuuta octombrie október"
        " أكتوبر اكتوبر تشرين_الأول",
    11: "november nov novembre noviembre novembro listopad listopadu novembre"
        " ноября ноябрь листопада kasım marraskuuta noiembrie"
        " نوفمبر تشرين_الثاني",
    12: "december dec dezember décembre déc diciembre dic dezembro dez prosinec prosince "
        "dicembre grudnia"
        " декабря декабрь грудня aralık joulukuuta decembrie"
        " ديسمبر كانون_الأول",
}
# Indonesian, Greek (genitive), Hindi, Bulgarian and Lithuanian (genitive); not Croatian,
# whose "listopada" is October where Polish's is November. Then the Gregorian months in
# Hebrew (also with the "in" prefix a date writes: "3 בנובמבר 2025"), Urdu and Persian
# (also with the ezafe a date writes: "ژانویهٔ"), as CLDR spells them.
_MORE_MONTH_NAMES = {
    1: "Ιανουαρίου जनवरी януари sausio ינואר בינואר جنوری ژانویه ژانویهٔ",
    2: "Φεβρουαρίου फ़रवरी फरवरी февруари vasario פברואר בפברואר فروری فوریه فوریهٔ",
    3: "maret Μαρτίου मार्च kovo מרץ במרץ מרס במרס مارچ مارس",
    4: "Απριλίου अप्रैल април balandžio אפריל באפריל اپریل آوریل",
    5: "Μαΐου मई gegužės מאי במאי مئی مه مهٔ",
    6: "Ιουνίου जून юни birželio יוני ביוני جون ژوئن",
    7: "Ιουλίου जुलाई юли liepos יולי ביולי جولائی ژوئیه ژوئیهٔ",
    8: "agustus Αυγούστου अगस्त rugpjūčio אוגוסט באוגוסט اگست اوت",
    9: "Σεπτεμβρίου सितंबर सितम्बर септември rugsėjo ספטמבר בספטמבר ستمبر سپتامبر",
    10: "Οκτωβρίου अक्टूबर октомври spalio אוקטובר באוקטובר اکتوبر اکتبر",
    11: "Νοεμβρίου नवंबर नवम्बर ноември lapkričio נובמבר בנובמבר نومبر نوامبر",
    12: "desember Δεκεμβρίου दिसंबर दिसम्बर декември gruodžio דצמבר בדצמבר دسمبر دسامبر",
}
# Catalan, Albanian, Slovak, Croatian (genitive), Serbian and Macedonian (Cyrillic),
# Belarusian (genitive), Estonian, Malay, Tagalog, Swahili, Azerbaijani and Uzbek,
# Kazakh, Georgian, Icelandic, Galician, Maltese and Welsh; also the Slovenian, Bosnian
# and Serbian Latin spellings the tables above lack (CLDR's, as dateparser has them).
_OTHER_MONTH_NAMES = {
    1: "gener janar januára siječnja јануар јануари студзеня jaanuar januari enero yanvar "
       "қаңтар იანვარი janúar xaneiro jannar ionawr",
    2: "febrer shkurt februára veljače фебруар февруари лютага veebruar februari pebrero "
       "fevral ақпан თებერვალი febrúar febreiro frar chwefror",
    3: "març marca marec ožujka март сакавіка märts marso machi mart наурыз მარტი marzu "
       "mawrth",
    4: "abril prill apríla travnja април красавіка aprill aprili aprel сәуір აპრილი apríl "
       "ebrill",
    5: "maig maj mája svibnja мај мая mai mei mayo may мамыр მაისი maí mejju",
    6: "juny qershor júna junij lipnja јун јуни чэрвеня juuni hunyo juni iyun маусым "
       "ივნისი júní xuño ġunju mehefin",
    7: "juliol korrik júla julij srpnja јул јули ліпеня juuli julai hulyo iyul шілде "
       "ივლისი júlí xullo lulju gorffennaf",
    8: "agost gusht augusta avgust kolovoza август жніўня ogos agosto agosti avqust тамыз "
       "აგვისტო ágúst awwissu awst",
    9: "setembre shtator septembra rujna septembar септембар септември верасня septemba "
       "sentyabr sentabr setyembre қыркүйек სექტემბერი setembro settembru",
    10: "octubre tetor októbra oktobar октобар октомври кастрычніка oktoober oktoba "
        "oktyabr oktabr oktubre қазан ოქტომბერი outubro ottubru hydref",
    11: "novembre nëntor novembra studenoga novembar новембар ноември лістапада novemba "
        "noyabr nobyembre қараша ნოემბერი nóvember novembro novembru tachwedd",
    12: "desembre dhjetor decembra prosinca decembar децембар декември снежня detsember "
        "disember desemba dekabr disyembre желтоқсан დეკემბერი desember decembro "
        "diċembru rhagfyr",
}
MONTHS = {name.replace("_", " ").casefold(): number
          for table in (_MONTH_NAMES, _MORE_MONTH_NAMES, _OTHER_MONTH_NAMES)
          for number, names in table.items() for name in names.split()}
# (written as a trie: the engine tries a position against the names' first letters once)
_MONTH = prefilter.alternation(MONTHS)
_YEAR = r"((?:19|20)\d{2})"
_JALALI_MONTH = "|".join(sorted(jalali.MONTHS, key=len, reverse=True))
# Thai months, whole and abbreviated ("13 ส.ค. 2563"), with the Buddhist Era's year
# (2563 = 2020) or the common one
THAI_MONTHS = {name: number + 1 for number, names in enumerate((
    "มกราคม ม.ค.", "กุมภาพันธ์ ก.พ.", "มีนาคม มี.ค.", "เมษายน เม.ย.", "พฤษภาคม พ.ค.",
    "มิถุนายน มิ.ย.", "กรกฎาคม ก.ค.", "สิงหาคม ส.ค.", "กันยายน ก.ย.", "ตุลาคม ต.ค.",
    "พฤศจิกายน พ.ย.", "ธันวาคม ธ.ค.")) for name in names.split()}
_THAI_MONTH = "|".join(re.escape(m) for m in sorted(THAI_MONTHS, key=len, reverse=True))
_JALALI_YEAR = r"(1[34]\d{2})(?!\d)"
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_THAI_SCRIPT = re.compile("[\u0e00-\u0e7f]")
# A two-digit year only with the time after it: "Publisert: 05.08.24 kl. 14:47",
# "Veröffentlicht am 27.04.24 um 07:39 Uhr" (not "25.04.24" alone, nor a version 1.2.24).
_SHORT_YEAR = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})"
                         r"(?=,?\s*(?:um|kl\.?|à|at|-|,)?\s*\d{1,2}[:.]\d{2}\b)")
_DATE_FORMS = (
    # 2021-06-03, 2021/06/03, 2021.06.03 (not a version number such as 2021.1.3)
    # ("By Jane Roe2020-02-20 13:52 UTC": a byline run into the day)
    (re.compile(rf"(?:\b|(?<=[^\W\d_])){_YEAR}-(\d{{1,2}})-(\d{{1,2}})"), "ymd"),
    (re.compile(rf"\b{_YEAR}/(\d{{1,2}})/(\d{{1,2}})\b"), "ymd"),
    (re.compile(rf"(?<![\d.]){_YEAR}\.(\d{{2}})\.(\d{{2}})(?![\d.]\d)"), "ymd"),
    # 2021年6月3日, 2021년 6월 3일
    (re.compile(rf"{_YEAR}\s*[年년]\s*(\d{{1,2}})\s*[月월]\s*(\d{{1,2}})"), "ymd"),
    # 2020. 06. 04. (Hungarian, spaced, each part with its full stop)
    (re.compile(rf"(?<![\d.]){_YEAR}\.\s(\d{{1,2}})\.\s(\d{{1,2}})\.(?!\d)"), "ymd"),
    # 2021. június 3. (Hungarian: the year first)
    (re.compile(rf"\b{_YEAR}\.\s+({_MONTH})\s+(\d{{1,2}})\b", re.IGNORECASE), "ymd_name"),
    # 3 June 2021, 3. Juni 2021, 3 de junio de 2021, 3rd June, 2021 (also
    # "Publiziert17. Dezember 2024": a label run into the day)
    # ("23 d'abril de 2020": Catalan's "d'" before a vowel; "17 مارس/ آذار 2020", "24 نيسان /
    # أبريل 2020": Arabic's two names for one month)
    (re.compile(rf"(?<![\d.])(\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+|d['’])?({_MONTH})\.?"
                rf"(?:\s*/\s*(?:{_MONTH}))?,?\s*(?:de\s+)?{_YEAR}", re.IGNORECASE), "dmy_name"),
    # "27 Mar 20 à 9:21": a two-digit year, with the time after it
    (re.compile(rf"(?<![\d.])(\d{{1,2}})\.?\s+({_MONTH})\.?\s+(\d{{2}})"
                r"(?=,?\s*(?:um|kl\.?|à|at|-|,)?\s*\d{1,2}[:.h]\d{2}\b)", re.IGNORECASE),
     "dmy_name"),
    # 13 tháng 8 năm 2020 (Vietnamese: "month 8")
    (re.compile(rf"(?<!\d)(\d{{1,2}})\s+tháng\s+(\d{{1,2}}),?\s+(?:năm\s+)?{_YEAR}",
                re.IGNORECASE), "dmy"),
    # June 3, 2021 / Nov 20 2019 (also "Nov 20 20194:29 AM": a time run into the year,
    # "Associated PressApril 28, 2023": a credit run into the month, and "Apr 042013": a
    # theme's day and year boxes run together)
    (re.compile(rf"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?"
                rf"(?:,?\s+|(?<=\d\d)(?=(?:19|20)\d\d\b)){_YEAR}", re.IGNORECASE), "mdy_name"),
    # 08.04.2015, 1. 11. 2021, 3/6/2021 (day first, as most of the world writes it; also
    # "Tobias Mühlbauer24.04.2024": a name run into the day)
    # (not "28.09.1912:44": a two-digit year run into the time, read below)
    # ("27.01.2022MineralölINFO": a word run into the year; "19.11.202119.11.2021": the
    # published and modified days run together)
    (re.compile(rf"(?<![\d.])(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?{_YEAR}"
                rf"(?:(?![\d:])|(?=\d{{1,2}}\.\d{{1,2}}\.))"), "dmy"),
    (_SHORT_YEAR, "dmy"),
    # 24/07/2015, 7/24/2015, 11/08/23 5:19pm (the order decided by which part is > 12,
    # else by the page's convention: month first in English, day first elsewhere)
    (re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2}|\d{2})(?![\d/])"), "slash"),
    # 13 สิงหาคม 2563, 13 ส.ค. 2563 (Thai: the Buddhist Era's year, 543 ahead)
    (re.compile(rf"(?<![\d.])(\d{{1,2}})\s*({_THAI_MONTH})\s*(?:พ\.ศ\.\s*)?(25\d\d|20\d\d)(?!\d)"),
     "dmy_thai"),
    # The Solar Hijri calendar of Iran and Afghanistan: "۱۴ آبان ۱۴۰۴", "1404/08/14"
    (re.compile(rf"(?<![\d.])(\d{{1,2}})\s*({_JALALI_MONTH})(?:[\s\u200c]*ماه)?\s*"
                rf"{_JALALI_YEAR}"), "dmy_jalali"),
    (re.compile(rf"(?<![\d/]){_JALALI_YEAR}([/-])(\d{{1,2}})\2(\d{{1,2}})(?![\d/])"),
     "ymd_jalali"),
)
_PUBLISHED = re.compile(
    r"\b(published|posted|publié|publiziert|veröffentlicht|publicado|publicada|"
    r"publikováno|pubblicato|erschienen|first published|date|"
    # Norwegian, Swedish, Danish, Dutch, Polish, Turkish, Finnish, Romanian, Russian,
    # Ukrainian
    r"publisert|publicerad|publiceret|udgivet|gepubliceerd|opublikowano|yayınlanma|"
    r"yayımlanma|julkaistu|publicat|опубликовано|опубліковано)\b", re.IGNORECASE)
_UPDATED = re.compile(r"\b(updated|modified|aktualisiert|mis à jour|actualizado|"
                      r"atualizado|aktualizováno|aggiornato|oppdatert|uppdaterad|opdateret|"
                      r"bijgewerkt|zaktualizowano|güncellenme|güncelleme|päivitetty|"
                      r"обновлено|оновлено)\b", re.IGNORECASE)

# "By Jane Roe", "Par ...", "Von ...", "Por ..."; "Text: ..." and "Autor: ..." need the colon
# ("Text Edge Style" is a player's menu, not a byline); "ByJane Roe" (a link run on).
_BY_PREFIX = re.compile(
    r"^(?:(?:post author\s+by|written by|words by|story by|reporting by|started by|"
    r"thread starter|"
    r"themenstarter|by(?:by)?|par|von|por|di|door|av|af|od|"
    r"napsal[a]?|napisał[a]?)\s*:?\s+(?=\w)|"
    r"(?:autor(?:in)?|auteur|author|text|texto|redakce|redaktion|автор|текст|yazar|"
    r"teksti|tekst)\s*:\s*(?=\w)|"
    # Arabic "بقلم" (by the pen of), Hebrew "מאת", Persian and Hindi "author"; Chinese and
    # Japanese "作者：", "记者 ", "文／"
    r"(?:بقلم|بواسطة|كتب|كتبت|מאת|نویسنده|लेखक)\s*:?\s*(?=\w)|"
    r"(?:作者|记者|記者|撰文|文|筆者|著者|编辑|編集)\s*[:：/／|｜]\s*(?=\w)|"
    r"(?:记者|記者|投稿者)\s+(?=\w))",
    re.IGNORECASE)
_BY_RUN_ON = re.compile(r"^(?:By|BY|by|Par|PAR|Von|VON|Por|POR)(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ.])")
_BY_STOP = re.compile(
    r"\s*(?:\||•|·|\s[\w.+-]+@[\w-]+\.|@|\s[-–—]\s|"
    r",?\s*(?:(?:last\s+)?updated|published|posted|aktualisiert|publié|publicado|"
    r"publiziert|veröffentlicht|erschienen|publicerad|publisert|gepubliceerd|"
    r"stand\s*:|kategorien?\s*:|categor(?:y|ies)\s*:|\d{1,2}[./]\d|(?:19|20)\d{2}\s*[年년]|"
    r"\d{1,2}\s+\w+\s+\d{4}|"
    r"(?:" + _MONTH + r")\.?\s+\d|"
    r"\d{1,2}\.?\s+(?:" + _MONTH + r")\b)|"
    r"\s(?:is|was|has|ist|est|es)\s|"
    # "By Dolores Chang For Dailymail.Com", "by Jane Roe for The Guardian"
    r"(?-i:\s(?:[Ff]or|für|pour|para)\s+(?:(?:[Tt]he|den|die|das|le|la|el)\s+)?[A-Z]\w)|"
    # "von Max Muster am 3. Juni", "by Jane Roe on May 1", "von Fatima in Kultur"
    r"\s(?:am|on|in|em|um|at|il|à|under|unter|im)\s|"
    # "Von Diana Resnik mit AP", "By Euronews with Agencies"
    r"\s(?:mit|with|avec)\s+(?:AP|AFP|dpa|Reuters|agenc\w*|agentur\w*)\b|"
    # "von Alexander Karper Foto: © GEPA": the photo's credit after the name
    r"\s(?:fotos?|photos?|bild|image)\s*:|"
    # a date run into the name: "By Seth Fiegerman2014-01-26 21:32:46 UTC"
    r"(?<=[a-zà-ÿ]{2})(?=\d{1,2}\.\s|\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d)|"
    # "By Zach Hanlon 5 minute Read", "Will Leitch/November 18, 2016"
    r"\s\d+\s*min(?:ute)?s?\.?\s+read\b|/\s*(?=(?:" + _MONTH + r")\.?\s+\d)|"
    # "von Jane Roe Ein Kommentar", "by jroe Veröffentlicht ...", "by Ann 3 Comments"
    r"\s(?:(?:\d+|ein|eine|einen|a|an|one|no|keine)\s)?(?:kommentare?|comments?|commentaires?|"
    r"comentarios?|gepostet)\b).*$", re.IGNORECASE)
_PAREN = re.compile(r"\s*\([^()]*\)")
# A nickname quoted between a first name and a surname: Amanda "Tania Mae" Tan.
_NICKNAME = re.compile(r"(?<=\w)\s+[\"“„'‘][A-Z][\w.'’ -]{0,30}[\"”“'’](?=\s+[A-Z])")
_SEGMENTS = re.compile(r"\s*[|•]\s*|\s[·–—-]\s")
# An executive's title, a job as "editor" is (each of _ROLE, _JOB and _RUN_ON_WORD has it).
_CHIEFS = ("ceo", "cto", "cfo", "coo", "cmo", "cio")
_EXECUTIVES = "|".join((*_CHIEFS, "svp", "evp", "vp"))
# Words of a job title or an outlet's desk: "Senior Staff Technologist", "Deputy Editor".
_ROLE = re.compile(
    r"\b(editor|editors|reporter|correspondent|writer|columnist|staff|contributor|"
    r"contributing|technologist|professor|director|producer|analyst|journalist|"
    r"redakteur(in)?|rédact(eur|rice)|redactor|redaktor(ka)?|korrespondent(in)?|"
    r"journaliste|periodista|jornalista|photographer|fotograf|chief|senior|deputy|"
    r"associate|manager|president|founder|news|desk|team|media|press|service|reports?|"
    r"agency|online|times|post|daily|weekly|" + _EXECUTIVES + r")\b", re.IGNORECASE)
_NAME = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄ][\w.'’-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄ][\w.'’-]*|"
                   r"and|und|et|y|e|"
                   r"&|van|von|de|da|del|der|di|la|le|du|dos|das|,))*$")
DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ .,'’-]{1,40}?)(?:,\s*[\w .]{2,30})?\s*"
    r"(?:\((?P<agency>[A-Za-z][\w .&-]{1,20})\))?\s*[-–—]\s")


# Arabic-Indic, Persian and full-width digits, read as 0-9 (one character for one).
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９๐๑๒๓๔๕๖๗๘๙", "0123456789" * 4)
_OTHER_DIGITS = re.compile("[٠-٩۰-۹０-９๐-๙]")


_NUMERIC_DAY = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](?:\d{4}|\d{2})\b")


def numeric_order(lines: list[str], default: bool) -> bool:
    """Whether the page writes its numeric dates month first (``04/14/2020``): decided
    by a date whose first or second number is over 12 when all such dates agree
    (``14/04/2020`` elsewhere on the page makes ``12/04/2020`` the 12th of April), else
    ``default`` (the page's language)."""
    day_first = month_first = False
    for line in lines:
        if "/" not in line and "." not in line and "-" not in line:
            continue
        for match in _NUMERIC_DAY.finditer(line):
            first, second = int(match[1]), int(match[2])
            day_first |= 12 < first <= 31 and 1 <= second <= 12
            month_first |= 12 < second <= 31 and 1 <= first <= 12
    if day_first == month_first:
        # no date settles it: a time's zone may ("13:55 GMT+1", "CEST": Europe, Africa or
        # Asia, day first; "EDT", "PT": the United States, month first)
        zones = {m[1] is not None for line in lines if ":" in line
                 for m in _ZONE_AFTER_TIME.finditer(line)}
        if len(zones) == 1:
            return not zones.pop()
    return default if day_first == month_first else month_first


_ZONE_AFTER_TIME = re.compile(
    r"\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?\s*)?(?:(?P<day>(?:GMT|UTC)\s*\+\s*\d{1,2}|CET|CEST|"
    r"EET|EEST|WET|WEST|BST|MSK|IST|WIB|JST|KST|SGT|HKT|AEST|AEDT|SAST|EAT|WAT)|"
    r"(?:E|C|M|P)[SD]?T)\b")


def find_date(line: str, month_first: bool = False) -> dt.date | None:
    """The first calendar day written in ``line``, or ``None``; ``month_first`` reads an
    ambiguous ``03/04/2021`` as March 4 (as US pages write it)."""
    written = line  # (Persian digits are in the Arabic script's block too)
    if _OTHER_DIGITS.search(line):
        line = line.translate(_DIGITS)
    if "/" not in line and "19" not in line and "20" not in line \
            and ("." not in line or not _SHORT_YEAR.search(line)) \
            and not (("13" in line or "14" in line) and _ARABIC_SCRIPT.search(written)) \
            and not ("25" in line and _THAI_SCRIPT.search(written)):
        return None  # every form but one has a slash or a year: most lines have neither
    for pattern, form in _DATE_FORMS:
        if form == "ymd_jalali" and not _ARABIC_SCRIPT.search(written):
            continue  # "1404/08/14" on a page in another script is no Jalali day
        for match in pattern.finditer(line):
            if form == "slash":
                form = "mdy" if _month_first(match.groups(), month_first) else "dmy"
            day = _to_date(match.groups(), form)
            if day is not None:
                return day
    return None


CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:uhr|h|am|pm)?\b", re.IGNORECASE)


def _dates_in(line: str) -> Iterator[re.Match[str]]:
    """The spans of ``line`` that write a calendar day, form by form."""
    if _OTHER_DIGITS.search(line):
        line = line.translate(_DIGITS)
    for pattern, _form in _DATE_FORMS:
        for match in pattern.finditer(line):
            if find_date(match.group()) is not None:
                yield match


def _date_at_start(line: str) -> re.Match[str] | None:
    """The calendar day written at the very start of ``line``, if one is."""
    if not line[:1].isalnum():
        return None
    if _OTHER_DIGITS.search(line):
        line = line.translate(_DIGITS)
    for pattern, _form in _DATE_FORMS:
        match = pattern.match(line)
        if match and find_date(match.group()) is not None:
            return match
    return None


def date_start(line: str) -> int | None:
    """Where the first calendar day written in ``line`` begins (``None``: no date)."""
    return min((m.start() for m in _dates_in(line)), default=None)


# The signature under an embedded post, dated the day it was posted, not the article's:
# "— Jane Roe (@janeroe) January 2, 2020", "A post shared by Jane Roe (@janeroe)", and
# Instagram's line in other languages ("Ein Beitrag geteilt von ...")
_EMBED_SIGNATURE = re.compile(
    r"^\s*(?:[—–-]|a post shared by|ein beitrag geteilt von|une publication partagée par|"
    r"una publicación compartida por|un post condiviso da|"
    r"uma publicação compartilhada por|een bericht gedeeld door)"
    r"\s*[^()\n]{0,80}\(@[\w.]{1,30}\)", re.IGNORECASE)


def embed_signature(line: str) -> bool:
    """Whether ``line`` signs an embedded tweet or post (its date is the post's)."""
    return "(@" in line and bool(_EMBED_SIGNATURE.match(line))


def _month_first(groups: tuple[str | Any, ...], default: bool) -> bool:
    first, second = int(groups[0]), int(groups[1])
    if first > 12 >= second:
        return False
    if second > 12 >= first:
        return True
    return default


def _to_date(groups: tuple[str | None, ...], form: str) -> dt.date | None:
    g = [x or "" for x in groups]
    if form not in ("ymd", "ymd_name", "ymd_jalali") and len(g[2]) == 2:
        g[2] = f"20{g[2]}"
    try:
        if form == "mdy":
            return dt.date(int(g[2]), int(g[0]), int(g[1]))
        if form == "ymd":
            return dt.date(int(g[0]), int(g[1]), int(g[2]))
        if form == "dmy" and int(g[1]) > 12 >= int(g[0]):  # "01.21.2020": month first
            return dt.date(int(g[2]), int(g[0]), int(g[1]))
        if form == "ymd_name":
            return dt.date(int(g[0]), MONTHS[g[1].casefold()], int(g[2]))
        if form == "dmy_name":
            return dt.date(int(g[2]), MONTHS[g[1].casefold()], int(g[0]))
        if form == "mdy_name":
            return dt.date(int(g[2]), MONTHS[g[0].casefold()], int(g[1]))
        if form == "dmy_thai":
            year = int(g[2])
            return dt.date(year - 543 if year > 2400 else year, THAI_MONTHS[g[1]], int(g[0]))
        if form == "dmy_jalali":
            return jalali.to_gregorian(int(g[2]), jalali.MONTHS[g[1]], int(g[0]))
        if form == "ymd_jalali":
            return jalali.to_gregorian(int(g[0]), int(g[2]), int(g[3]))
        return dt.date(int(g[2]), int(g[1]), int(g[0]))
    except (ValueError, KeyError):
        return None


DATE_LINE_WORDS = 20  # a date line is short; a longer line is text that mentions a day
DATE_LINE_CHARS = 200  # (in characters too: Thai and Lao put no spaces between words)


def _short(line: str) -> bool:
    """Short enough to be a date line."""
    return len(line) <= DATE_LINE_CHARS and len(line.split()) <= DATE_LINE_WORDS


# A day without its year, alone on its line: "Nov 19, 9:41 AM", "Posted: 20 November",
# "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM". It dates nothing, but it is the
# article's date line all the same (and no text).
_WEEKDAY = (r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|nesday|urday)?|montag|dienstag|"
            r"mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|"
            r"vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
            r"mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tisdag|lördag|"
            r"söndag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lunedì|"
            r"martedì|mercoledì|giovedì|venerdì|sabato|domenica|(?:segunda|terça|quarta|"
            r"quinta|sexta)-feira")
_DAY = rf"(?:(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\.?\s+(?:{_MONTH})\.?)"
_TIME = r"\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?|uhr|h)?(?:\s*[A-Z]{2,4})?"
_AT = r",?\s*(?:at|à|um|a las|às)?\s*"
_DAY_NO_YEAR = re.compile(
    rf"(?:(?:{_PUBLISHED.pattern}|{_UPDATED.pattern})\s*:?\s*)?(?:on\s+)?"
    rf"(?:(?:(?:{_WEEKDAY})\.?,?\s+)?{_DAY}(?:{_AT}{_TIME})?|(?:{_WEEKDAY})\.?{_AT}{_TIME})",
    re.IGNORECASE)
_A_DIGIT = re.compile(r"\d")
_STAMP_PARTS = re.compile(r"\s*[;|•·]\s*")


_DATE_WORDS = re.compile(
    rf"\b(?:{_PUBLISHED.pattern}|{_UPDATED.pattern}|(?:{_WEEKDAY})\.?|(?:{_MONTH})\.?|"
    r"on|am|um|at|le|el|de|à|a\.m\.|p\.m\.|[ap]m|uhr|h|utc|gmt|[ecmp][sd]t|"
    # the reading time printed beside the date: "Lesezeit: 1 Minute", "4 min read"
    r"lesezeit|lesedauer|minuten?|minutes?|mins?|read|reading|time|temps|lecture|"
    r"tiempo|lectura|tempo|leitura|leestijd|lästid|lesetid|ago|last|kl|"
    # Persian: a Jalali month, "month", a weekday, "hour", "date", "publication"
    rf"{_JALALI_MONTH}|ماه|(?:یک|دو|سه|چهار|پنج)?[\s\u200c]?شنبه|جمعه|ساعت|تاریخ|انتشار)\b"
    r"|[\d\W_]+",
    re.IGNORECASE)


ONLY_A_DATE_CHARS = 120  # a line that only dates is no longer


def _words_beside_date(line: str) -> int:
    """How many words of ``line`` are not about when (date words, times, labels)."""
    return sum(len(word) > 1 for word in _DATE_WORDS.sub(" ", line).split())


def only_a_date(line: str) -> bool:
    """A line that says when and nothing else: ``February 24, 2020 | 9:25pm``,
    ``Updated: 18 Nov 2019, 19:11`` (not ``Protokoll der Sitzung vom 10. Oktober 2019``)."""
    if len(line) > ONLY_A_DATE_CHARS or (find_date(line) is None and not yearless_date_line(line)):
        return False
    return _words_beside_date(line) <= 1


def date_alone(line: str) -> bool:
    """A line that is a date and nothing else, not even a name beside it (``1. November
    2023``, ``October 30, 2023``; not ``Georg N. am 10.4.2020``, which
    :func:`only_a_date` lets pass with its one word)."""
    if len(line) > ONLY_A_DATE_CHARS or find_date(line) is None:
        return False
    return _words_beside_date(line) == 0


def published_line(line: str) -> bool:
    """A line that only says when the article was published: ``Publisert 06.01.2026 -
    16:25``, ``Published: 3 June 2021``."""
    return len(line) <= ONLY_A_DATE_CHARS and bool(_PUBLISHED.search(line)) \
        and only_a_date(line)


def yearless_date_line(line: str) -> bool:
    """Whether ``line`` is only a day written without its year (or two: posted, updated)."""
    if len(line) > 80 or not _A_DIGIT.search(line):
        return False
    parts = [p for p in _STAMP_PARTS.split(line.strip()) if p]
    return 0 < len(parts) <= 2 and all(_DAY_NO_YEAR.fullmatch(p) for p in parts)


def _labelled(lines: list[str], i: int) -> str:
    """``lines[i]`` with the label printed on the line above it, if one is ("Updated:"
    above "Mar 6, 2018")."""
    above = lines[i - 1].strip() if i > 0 else ""
    return f"{above} {lines[i]}" if above.endswith(":") and len(above.split()) <= 3 \
        else lines[i]


def _rank(line: str) -> int:
    """How a date line ranks: a ``Published`` line first, an ``Updated`` one last."""
    return 0 if _PUBLISHED.search(line) else 2 if _UPDATED.search(line[:12]) else 1


def pick_date(lines: list[str], month_first: bool = False) -> tuple[dt.date | None, set[int]]:
    """The publication date among header ``lines`` (a ``Published`` line wins over an
    ``Updated`` one; an embedded post's signature dates nothing), and the indexes of the
    lines that are only a date line."""
    found: list[tuple[int, int, dt.date]] = []
    meta_lines: set[int] = set()
    for i, line in enumerate(lines):
        if embed_signature(line):
            continue  # an embedded post's day, not the article's
        day = find_date(line[:300], month_first)  # a date line is short; the rest is text
        if day is None:
            if yearless_date_line(line):
                meta_lines.add(i)
            continue
        if _short(line):
            meta_lines.add(i)
        found.append((_rank(_labelled(lines, i)), i, day))
    if not found:
        return None, meta_lines
    return min(found)[2], meta_lines


NEAR_ABOVE, NEAR_BELOW = 4, 12  # a date this close to the headline is the article's
DATE_BELOW, DATE_ALONE_WORDS = 40, 6  # else a short date line this far below the headline
DATE_SENTENCE_WORDS = 8  # a line this long that ends like a sentence is text, not a date line
_CLOCK_END = re.compile(r"\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\s*\)?\s*$", re.IGNORECASE)


def date_near(lines: list[str], head: int, lo: int, hi: int,
              month_first: bool = False) -> dt.date | None:
    """The article's date, once its headline (``lines[head]``) is known: among the date
    lines of the header zone ``lines[lo:hi]``, one close to the headline first (a
    ``Published`` line before a bare date, an ``Updated`` one last, a sentence that
    mentions a day after a line that only dates), then the closest;
    with none in the zone, a short date line (or a post's line that opens with its
    day) up to ``DATE_BELOW`` lines below the headline, else the closest ``Published ...``
    line anywhere on the page (a footer's ``Erschienen am: 01.11.2023``). An embedded
    post's signature dates nothing."""
    def ranked(i: int) -> tuple[int, bool, int, bool, int, dt.date] | None:
        """Rank, distance to the headline (lines above count double; at the same
        distance, a line below first: the one above may close the teaser before the
        headline), index, day."""
        day = None if embed_signature(lines[i]) else find_date(lines[i][:300], month_first)
        if day is None:
            return None
        # a sentence that mentions a day (a caption, the text) ranks after a line that
        # dates the article ("By Jane Roe on Monday, November 18, 2019 at 11:04 a.m.")
        said = len(lines[i].split()) >= DATE_SENTENCE_WORDS \
            and lines[i].rstrip().endswith((".", "!", "?")) \
            and not _CLOCK_END.search(lines[i]) and find_byline(lines[i]) is None
        # (so does the headline: it may name the day of the event it announces)
        return _rank(_labelled(lines, i)), said or i == head, \
            (i - head if i >= head else 2 * (head - i)), i < head, i, day

    found = []
    for i in range(lo, hi):
        if not (_short(lines[i]) or dated_paragraph(lines[i])):
            continue  # a sentence that mentions a day is text, not the article's date
        got = ranked(i)
        if got is not None:
            near = head - NEAR_ABOVE <= i <= head + NEAR_BELOW
            found.append((not near, *got))
    if not found:  # a date line alone a little further down ("15.12.2021" under a photo)
        for i in range(hi, min(len(lines), head + DATE_BELOW)):
            if len(lines[i].split()) <= DATE_ALONE_WORDS or _opens_with_date(lines[i]):
                got = ranked(i)
                if got is not None:
                    found.append((False, *got))
    if not found:
        for i, line in enumerate(lines):
            if _short(line) and _PUBLISHED.search(line):
                got = ranked(i)
                if got is not None and got[0] == 0:
                    found.append((False, *got))
    return min(found)[6] if found else None


# What follows the day that opens a dated paragraph: a bracket closed, a dash or a stop,
# or the text run into it ("26.01.2022Strava wertet...")
_AFTER_OPENING_DAY = re.compile(r"[)\]]|\s*[-–—:.|]\s|[^\W\d_]")


def dated_paragraph(line: str) -> bool:
    """A paragraph that opens with the day it was written, as a dateline: "(21. November
    2022) Energieverbraucher erhalten...", "29.11.2022 – Mehrfach und vehement...",
    "31. Oktober 2023. Dragqueens sind..." (not "1. Oktober 2022 gilt ...", a sentence)."""
    text = line.lstrip("([ ")
    match = _date_at_start(text)
    if match is None:
        return False
    rest = _LEADING_TIME.sub("", text[match.end():])
    return bool(_AFTER_OPENING_DAY.match(rest)) and not rest[:1].islower()


def _opens_with_date(line: str) -> bool:
    """A post's line that opens with its day, then who and where it was filed ("Dezember
    26, 2019 von Andrea Kategorien: Allgemein | Hinterlasse einen Kommentar"); not a
    teaser's sentence with the day run into it ("20.04.2020Dynamische Routen ... vor.")."""
    return _short(line) and not line.rstrip().endswith((".", "!", "?")) \
        and _date_at_start(line) is not None


JOINERS = frozenset({"and", "&", "und", "et", "y", "e", "a", "i"})
# ("Authors" alone is a menu's link to the list of them)
_BY_WORD = re.compile(r"^(by|par|von|por|di|door|od|autor(?:in|/in|\*in)?|author|"
                      r"auteur(?:e|\(s\))?|written by|author of (?:the|this) (?:article|story)|"
                      r"autor(?:in)? des artikels|auteur de l'article|autor del artículo)"
                      r"\s*:?$", re.IGNORECASE)


def is_by_word(line: str) -> bool:
    """``By`` alone on a line: the names follow on the next lines."""
    return bool(_BY_WORD.match(line.strip()))


# "By" closing a line of a date or one word, the names on the next: a section's name or
# the day run into it ("Disko Von", "10.12.2022 18:27 von"); not a control's label
# ("Filter by", "Sort by") nor a credit's ("Powered by", "Photo by").
_ENDS_WITH_BY = re.compile(r"^(?P<before>.{1,40}?)\s+(?:by|von|par|por|door|av|af|od)$",
                           re.IGNORECASE)
_NOT_BEFORE_BY = re.compile(
    r"^(?:filter(?:ed)?|sort(?:ed)?|order(?:ed)?|search|browse|group(?:ed)?|powered|"
    r"sponsored|presented|supported|hosted|designed|developed|made|built|created|"
    r"followed|produced|edited|photos?|fotos?|bilder?|images?|videos?|illustrations?|"
    r"sortieren|filtern|suchen|trier|filtrer|ordenar|filtrar)$", re.IGNORECASE)


def ends_with_by(line: str) -> bool:
    """A line of a date, or of one word, whose last word is ``By``: the names follow on
    the next lines."""
    match = _ENDS_WITH_BY.match(line.strip())
    if match is None:
        return False
    before = match["before"].strip(" ,|·•")
    if find_date(before) is not None:
        return True
    return len(before.split()) == 1 and before.isalpha() and not _NOT_BEFORE_BY.match(before)


# An e-mail address alone on a line: the author's, printed under the name.
_EMAIL = re.compile(r"^\s*(?:e-?mail:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$", re.IGNORECASE)


def email_line(line: str) -> bool:
    """A line that is only an e-mail address (``jane.roe@example.com``)."""
    return bool(_EMAIL.match(line))


_HANDLE_ALONE = re.compile(r"^\s*@\w{2,30}\s*$")


def handle_line(line: str) -> bool:
    """A line that is only a social-network handle (``@jroe``)."""
    return bool(_HANDLE_ALONE.match(line))


# A site's own account, not a person: "admin", "jdadmin", "Гость" (guest), "webmaster";
# and a label that a byline element or a posting line holds where no name was set.
_ACCOUNT = re.compile(r"^(?:\w*admin\w*|guest|gast|гость|invité|invitado|webmaster|root|"
                      r"user|utente|benutzer|no author|datum|date|stand|"
                      r"follow|folgen)$", re.IGNORECASE)


def is_account(name: str) -> bool:
    """A site's account or a placeholder where a byline names no one (``admin``)."""
    return bool(_ACCOUNT.match(name.strip()))


# Korean puts the word for reporter after the name: "홍길동 기자", "홍길동 기자 = 서울", and
# the outlet or the place before it: "스포츠조선=선수민 기자", "서울=연합뉴스 홍길동 기자".
_KOREAN_REPORTER = re.compile(r"^(?:\w{1,12}\s?=\s?(?:\w{1,12}\s)?)?([\uac00-\ud7af]{2,4})\s?"
                              r"(?:기자|특파원)(?=$|[\s=(/|,])")


def find_byline(line: str) -> str | None:
    """The author part of a byline line: ``By Jane Roe | 3 June`` -> ``Jane Roe``;
    ``By A, Senior Editor`` -> ``A``; ``Le Monde | 4.5.2015 | Par A (avec B)`` -> ``A``;
    ``by A (reporting) and B (photography)`` -> ``A and B``."""
    text = line.strip()
    if len(text) > 400:
        return None
    korean = _KOREAN_REPORTER.match(text)
    if korean:
        return korean[1]
    for k, segment in enumerate(_SEGMENTS.split(text)[:4]):
        if k == 0 and _BY_RUN_ON.match(segment):
            segment = segment[2:] if segment[:2].casefold() == "by" else segment[3:]
            name = leading_names(segment)
        else:
            match = _BY_PREFIX.match(segment)
            name = leading_names(segment[match.end():]) if match else None
        if name and not is_account(name):
            return _once(name)
    return None


_TWICE = re.compile(r"^(\S+(?:\s\S+)+?)\s*\1$")


def _once(name: str) -> str:
    """A name a dump printed twice run together ("Adam RogersAdam Rogers": the link's
    text and its tooltip) printed once."""
    doubled = _TWICE.match(name)
    return doubled[1] if doubled else name


# A "by" inside a line ("October 19, 2019 by IWB", "Posted in News by jroe on ...").
_INNER_BY = re.compile(r"(?:^|(?<=[\s,|·•/]))(?:by|von|par|por|door|durch)\s+(?=\S)",
                       re.IGNORECASE)
# A line that says a post was made: "Veröffentlicht am ... von gizzmo", "Text von ...".
_POSTED = re.compile(
    r"^\W*(?:posted|published|written|veröffentlicht|gepostet|geschrieben|erstellt|eingestellt|"
    r"verfasst|publicado|publicada|publié|publiée|pubblicato|artikel|text|beitrag|"
    r"ein interview|ein beitrag|(?:eine? )?(?:kolumne|kommentar|analyse|gastbeitrag|"
    r"glosse|reportage)|(?:a )?(?:column|commentary|analysis)|(?:une )?(?:chronique|tribune)|"
    r"(?:una )?columna)\b", re.IGNORECASE)
_NOT_AUTHOR = re.compile(r"\b(?:geteilt|shared|partagée?|compartida|photos?|fotos?|bild|"
                         r"image|illustration|video|grafik|quelle|source)\W*$", re.IGNORECASE)
_HANDLE = re.compile(r"^[\w.-]{2,30}$")
INNER_BY_WORDS = 25  # a posting line is short; a sentence with "von" in it is text
INNER_BY_CHARS = 300  # (and as many characters: a line without spaces is one word)


# The editor's credit that closes an article of a Chinese news site, which names no other
# author: "(责编：牛镛、岳弘彬)", "【纠错】 【责任编辑:张樵苏 】" (after a link to report an
# error), "責任編輯：王小明".
_EDITOR_CREDIT = re.compile(r"^(?:[【\[]?(?:纠错|糾錯)[】\]]?\s*)?"
                            rf"[\[【(（]?\s*(?:{EDITOR_WORDS})\s*[:：]\s*"
                            r"([^\d\[\]【】()（）:：]{1,40}?)\s*[\]】)）]?$")
_CREDIT_NAMES = re.compile(r"\s*[、，,/]\s*|\s+")


def editor_credit(line: str) -> str | None:
    """The names of an editor's credit line (``_EDITOR_CREDIT``), joined by commas."""
    match = _EDITOR_CREDIT.match(line.strip())
    if match is None:
        return None
    names = [n for n in _CREDIT_NAMES.split(match[1]) if n]
    return ", ".join(names) if names and all(len(n) <= 20 for n in names) else None


def find_inner_byline(line: str) -> str | None:
    """The name after a "by" inside a date or posting line: ``October 19, 2019 by IWB``
    -> ``IWB``; ``Veröffentlicht am 12. Juni 2017 von gizzmo`` -> ``gizzmo`` (a user
    name, lower case, is taken only here, where the line says it is an author)."""
    text = line.strip()
    if len(text) > INNER_BY_CHARS or len(text.split()) > INNER_BY_WORDS \
            or not (_POSTED.match(text) or find_date(text)):
        return None
    for match in _INNER_BY.finditer(text):
        if _NOT_AUTHOR.search(text[: match.start()]):
            continue  # "Photo by ...", "Ein Beitrag geteilt von ..." (an embedded post)
        rest = text[match.end():]
        name = leading_names(rest)
        if name is None:
            token = _BY_STOP.sub("", _PAREN.sub("", rest[:200])).strip(" ,;:|-–—")
            name = token if _HANDLE.match(token) and not token.isdigit() else None
        if name and not is_account(name):
            return name
    if _POSTED.match(text):
        # "Artikel veröffentlicht am 28. April 2024, 14:26 Uhr, Tobias Költzsch"
        spans = list(_dates_in(text))
        if spans:
            rest = _past_time(text[spans[0].end():])
            return looks_like_name(rest.strip(" ,;:|/-–—"))
    return None


# A name in a script without capitals, after an explicit label: Arabic, Hebrew, Persian,
# Devanagari (up to four words), Chinese, Japanese or Korean (up to eight characters).
_CASELESS_NAME = re.compile(
    r"^(?:[\u0590-\u05ff\u0600-\u06ff\u0900-\u097f]+(?:\s+[\u0590-\u05ff\u0600-\u06ff"
    r"\u0900-\u097f]+){0,3}|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af·・]{2,8})$")


# The words of a job title (not an outlet's: "The New York Times" is no "The New York").
_JOB = re.compile(
    r"(editor|editors|reporter|correspondent|writer|columnist|contributor|producer|analyst|"
    r"journalist|redakteur(in)?|rédact(eur|rice)|redactor|redaktor(ka)?|korrespondent(in)?|"
    r"journaliste|periodista|jornalista|photographer|fotograf(in)?|autor(in)?|author|"
    r"director|" + _EXECUTIVES + ")", re.IGNORECASE)
_CONTACT = re.compile(r"twitter|facebook|instagram|linkedin|e-?mail|bluesky|threads",
                      re.IGNORECASE)
# Words that open a job title after a name: "Parliamentary editor", "Senior Reporter",
# "Landespolitische Korrespondentin", "Travel News Reporter".
_ROLE_MODIFIERS = frozenset({
    "associate", "business", "chief", "contributing", "deputy", "digital", "economic",
    "economics", "entertainment", "executive", "foreign", "freie", "freier", "health",
    "investigative", "landespolitische", "leitende", "leitender", "lifestyle", "local",
    "managing", "news", "parliamentary", "political", "politics", "politische", "regional",
    "royal", "science", "senior", "special", "sport", "sports", "staff", "stellvertretende",
    "stellvertretender", "tech", "technology", "travel", "wirtschafts",
})
# "Sophie FosterTravel News Reporter", "Gina TrapaniCEO": a job title run into the name
_RUN_ON_WORD = re.compile(r"(?<=[a-zà-ÿ])([A-ZÀ-Þ][a-zà-ÿ]+|(?:"
                          + "|".join(c.upper() for c in _CHIEFS) + r")\b)")


# Words that may stand before a job title alone on its line: "Former Contributor",
# "Staff Writer", "Guest Columnist".
_ROLE_PREFIXES = frozenset({"former", "guest", "freelance", "contributing", "ehemaliger",
                            "ehemalige", "freier", "freie", "ancien", "ancienne", "software",
                            "product", "marketing", "data", "research", "engineering",
                            "communications", "lead", "principal"})
# Jobs an author box gives beside a newsroom's: a company blog's "Co-Founder at Segment".
# (an executive's title is one of _JOB's)
_BOX_JOBS = frozenset({"founder", "co-founder", "cofounder", "engineer", "developer",
                       "designer", "researcher", "scientist", "professor", "manager",
                       "consultant", "economist", "strategist", "lawyer"})
# "... at Segment", "... bei Heise", "... chez Le Monde": where the author works
_AT_EMPLOYER = re.compile(r"\s+(?:at|@|bei|chez|en|na|presso)\s+\S.{0,40}$", re.IGNORECASE)
ROLE_LINE_WORDS = 4


def role_line(line: str) -> bool:
    """A line that is only a job title ("Former Contributor", "Senior Staff Writer",
    "Korrespondentin"), maybe with the employer ("Co-Founder at Segment"): printed under
    an author's name in a header's author box."""
    words = _AT_EMPLOYER.sub("", line.strip().rstrip(".")).split()
    if not 1 <= len(words) <= ROLE_LINE_WORDS:
        return False
    last = words[-1].casefold()
    if not (_JOB.fullmatch(last) or last in _BOX_JOBS):
        return False
    return all(w.casefold() in _ROLE_MODIFIERS or w.casefold() in _ROLE_PREFIXES
               or _JOB.fullmatch(w) for w in words[:-1])


def _unglued(piece: str) -> str:
    """``piece`` with a space put back before a job title's word run into a name
    (``FosterTravel`` -> ``Foster Travel``; ``McDonald`` stays)."""
    def split(match: re.Match[str]) -> str:
        word = match.group(1)
        glued = word.casefold() in _ROLE_MODIFIERS or _JOB.fullmatch(word) \
            or _CONTACT.fullmatch(word)
        return " " + word if glued else word
    return _RUN_ON_WORD.sub(split, piece)


def _before_role(piece: str) -> str | None:
    """The name in front of the job title that ends ``piece`` (``Thabo Mokone
    Parliamentary editor`` -> ``Thabo Mokone``), or ``None``."""
    for text in (_unglued(piece), piece):
        words = text.split()
        at = next((k for k, w in enumerate(words) if _JOB.fullmatch(w.strip(".,"))), None)
        if at is None:
            continue
        while at > 0 and words[at - 1].casefold() in _ROLE_MODIFIERS:
            at -= 1
        if not 2 <= at <= 4:
            # "Steffan Rhys Deputy Content Hub Director": the name ends at the title's
            # first word that names a rank, or at a contact link ("Andrew Husband
            # Twitter News & Culture Writer")
            at = next((k for k, w in enumerate(words[:at])
                       if _ROLE.fullmatch(w) or _CONTACT.fullmatch(w)), at)
        name = " ".join(words[:at])
        if 2 <= at <= 4 and _NAME.match(name) and not _ROLE.search(name) \
                and words[0] not in ("The", "A", "An"):  # "The Hollywood Reporter"
            return name
    return None


_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})\.$")


def leading_names(text: str) -> str | None:
    """The names at the start of ``text``, up to a job title, outlet or date (``Meg Wagner
    NEW YORK DAILY NEWS`` -> ``Meg Wagner``), or ``None``."""
    text = _BY_STOP.sub("", _PAREN.sub("", text[:200])).strip(" ,;:|-–—")
    text = _SENTENCE_END.sub("", text)  # "Posted by Alon Zakai." (not "T. V.": initials)
    kept: list[str] = []
    for piece in re.split(r",\s+|[،、]\s*", text):
        piece = piece.strip()
        if _AGENCY.fullmatch(piece) or _DESK.fullmatch(piece) \
                or (kept and _WIRE.fullmatch(piece)):  # "Jane Roe, Reuters"
            # "By Associated Press", "by BWW News Desk": a wire or a desk, not a job title;
            if kept:                   # after names ("Jane Roe, Associated Press") it
                break                  # is their employer
            kept.append(piece)
            continue
        signed = _WIRE_AFTER.match(piece)
        reporter = signed[1] if signed and _one_name(signed[1]) else _before_outlet(piece)
        if reporter:
            # "Jane Roe Reuters", "Mike Isaac New York Times": the reporter, then the
            # agency or the paper she writes for
            kept.append(reporter)
            break
        if piece and _ROLE.search(piece) and not kept:
            titled = _before_role(piece)
            if titled:
                kept.append(titled)
            break
        if not piece or not (_NAME.match(_NICKNAME.sub("", piece))
                             or _CASELESS_NAME.match(piece)) \
                or _ROLE.search(piece) or len(piece.split()) > 8 or is_junk_line(piece):
            break  # "By READ MORE": a link's label, not a name
        kept.append(piece)
    name = ", ".join(kept)
    return name if name and len(name.split()) <= 12 else None


# News agencies whose names hold a word of a job title or desk ("press", "agency").
_AGENCY = re.compile(r"(?:the\s+)?(?:associated press|press association|agence france-presse|"
                     r"united press international|deutsche presse-agentur|anadolu agency)",
                     re.IGNORECASE)
# A name run on into the news agency it writes for: "Jane Roe Reuters", "Ana Roe AFP",
# "Hillel ItalieThe Associated Press" (the agency as it signs: a capital, or all capitals).
_WIRE_AFTER = re.compile(r"^(.+?)(?:\s+|(?<=[a-z])(?=The\s))(?:The\s+)?"
                         r"(?:Reuters|Bloomberg|Associated Press|AFP|AP|DPA|dpa|APA|EFE|ANSA|"
                         r"EPD|epd|KNA|SDA|Keystone-SDA|NTB|PAP|ČTK|MTI|ANP|Belga)$")
# A newspaper's or a broadcaster's name: two to four capitalised words (or an acronym and a
# word), the last one a word such names end in ("New York Times", "BBC News", "NEW YORK
# DAILY NEWS"); a single word ("Post") could be a surname.
_OUTLET = re.compile(r"(?:The\s+)?(?:[A-Z][\w'’.&-]*\s+){1,3}(?i:times|post|news|journal|herald|"
                     r"tribune|gazette|chronicle|telegraph|guardian|observer|express|mail|"
                     r"standard|independent|today|magazine|review|record|courier|sun|star|"
                     r"bulletin|examiner|inquirer|register|globe|weekly|zeitung|allgemeine)")
_ACRONYM = re.compile(r"[A-Z]{2,5}")  # "BBC", "CNN": where an outlet's name starts


def _before_outlet(piece: str) -> str | None:
    """The person's name before the outlet she writes for, run on without a comma: "Mike
    Isaac New York Times" -> "Mike Isaac". Where the name ends is known only when the
    outlet's name opens with "The", a place ("New York", "Washington") or an acronym
    ("BBC News"), or is set in capitals: "Mary Ann Evans Sunday Times" is left alone."""
    words = piece.split()
    for k in range(2, min(5, len(words) - 1)):
        name, tail = " ".join(words[:k]), words[k:]
        if not _OUTLET.fullmatch(" ".join(tail)) or not _one_name(name):
            continue
        if tail[0] == "The" or " ".join(tail).isupper() or _ACRONYM.fullmatch(tail[0]) \
                or _is_place(tail[0]) or _is_place(" ".join(tail[:2])):
            return name
    return None


# An outlet's desk or staff signing as a team: "BWW News Desk", "TMZ Staff".
_DESK = re.compile(r"(?:[A-Z][\w&.'’-]*\s+){1,3}(?:news\s+desk|desk|staff(?:\s+reports?)?|team|"
                   r"newsroom|editors|redaktion)", re.IGNORECASE)
_SECTION_PAIR = re.compile(r"^\S+ (?:&|und|and|et|y) \S+$")


# Lower-case words inside a name: "Christoph von Eichhorn", "Ana de la Torre".
# (Not "der", "di", "el": "Fragen der Solidarität" is a German heading.)
_PARTICLES = frozenset({",", "&", "von", "van", "de", "da", "del", "la", "du", "dos"})
# Between two people's names on one line: "A og B", "A/B", "A, B" (up to four people).
_PEOPLE_JOIN = re.compile(r"\s*(?:,|/)\s*|\s+(?:and|und|og|och|ja|en|oraz|и|і|та|y|e|et|i|&)\s+")


# News agencies that sign before the reporters: "Reuters, Thorsten Kramer".
_WIRE = re.compile(r"(?:reuters|afp|ap|dpa|apa|efe|ansa|epd|kna|sda|keystone-sda|"
                   r"tt|ntb|ritzau|pap|čtk|ctk|mti|anp|belga|bloomberg|"
                   r"associated press|agence france-presse)", re.IGNORECASE)


def looks_like_name(line: str) -> str | None:
    """A line that is only a person's name, maybe with a handle (``Jane Roe, @jroe``), or
    the names of two to four people (``Trine Jørgensen og Tôrtia Reimer-Johansen``), maybe
    after a news agency's (``Reuters, Thorsten Kramer``)."""
    text = re.sub(r"[,\s]*@\w+$", "", line.strip())
    people = _PEOPLE_JOIN.split(text)
    if 2 <= len(people) <= 4 and all(map(_one_name, people)):
        return text
    if 2 <= len(people) <= 4 and _WIRE.fullmatch(people[0]) and all(map(_one_name, people[1:])):
        return text  # (not "Jane Roe/Reuters", "Al Goldis, AP": a photo's credit)
    return _one_name(text)


def names_run(text: str, lowered: Container[str] = frozenset()) -> str | None:
    """``text`` when it is two to four people's names printed one after the other with
    nothing between ("Birgit Baumann Anna Giulia Fink Jan Michael Marchart", links that a
    dump runs together): a way to cut it into names of two or three words each exists.
    Only a line beside a date may be read so (a menu's words run the same way), and not
    one in capitals or with a word the page also prints in small letters (``lowered``):
    a headline set in title case ("Sweden Drops Its Investigation Into Rape Allegations",
    where the text has "its" and "into")."""
    words = text.split()
    if not 4 <= len(words) <= 12 or any(c.isdigit() for c in text) or text.isupper():
        return None
    # can[i]: the words from i on are one to four names (counted in reverse)
    can: list[set[int]] = [set() for _ in range(len(words) + 1)]
    can[len(words)].add(0)
    for i in range(len(words) - 2, -1, -1):
        for size in (2, 3):
            rest = can[i + size] if i + size <= len(words) else set()
            if rest and _one_name(" ".join(words[i : i + size])):
                can[i].update(n + 1 for n in rest if n < 4)
    if not any(n >= 2 for n in can[0]) or any(w.lower() in lowered for w in words):
        return None
    return text


def several_people(line: str) -> bool:
    """Whether a line names two to four people, and nothing else ("Jochen Bittner, Tina
    Hildebrandt"; not "North America, Europe")."""
    people = _PEOPLE_JOIN.split(line.strip())
    return 2 <= len(people) <= 4 and all(map(_one_name, people))


def _one_name(text: str) -> str | None:
    """``text`` when it is one person's name (two to four capitalised words)."""
    parts = text.split()
    if not 2 <= len(parts) <= 4 or not _NAME.match(text) or any(c.isdigit() for c in text):
        return None
    if not all(p[0].isupper() for p in parts if p not in _PARTICLES):
        return None
    if parts[0] in _PARTICLES or parts[-1] in _PARTICLES:
        return None
    if _ROLE.search(text) or _NOT_NAME.search(text) or (text.isupper() and len(parts) > 3):
        return None
    if _SECTION_PAIR.match(text):
        return None  # "Justiz & Polizei", "Energie & Umwelt": a section, not two people
    if _is_place(text):
        return None  # "United States", "New York": an edition or a section, not a person
    return text


_TOWN = 50_000  # a dateline's place this big is known to the gazetteer
_BIG_CITY = 1_000_000  # a city this big is known by its name alone


def _is_place(text: str, city: int = _BIG_CITY) -> bool:
    """A country's name, a state's, or a city's of ``city`` people or more, and nothing
    else (by default a city of a million: a person is rarely called "Los Angeles"; "Chad
    Smith" is no country)."""
    from briefs.compose.gazetteer import countries, places
    from briefs.compose.names import fold

    if text in countries():
        return True
    return any(p.kind == "state" or (p.kind == "city" and p.population >= city)
               for p in places().get(fold(text), ()))


_NAME_TAIL = re.compile(
    r"(?:\s*,\s*@\w+|\s*[|•·]\s*|\s(?:[-–—]|/{1,2})\s+|\s*,?\s+(?=\d)|\s+(?=(?:vor|il y a|hace|"
    r"há|před|updated|published|posted|aktualisiert|publié|publicado|zuletzt geändert|"
    r"geändert am)\b)|"
    # "Frank Hahn am 18. September 2019", "Jane Roe on May 3, 2021"
    r"\s+(?:am|on|le|el|il)\s+(?=\d|(?:" + _MONTH + r")\.?\s+\d)|"
    # a date after a slash without spaces, or a comma: "Will Leitch/November 18, 2016",
    # "Mattias Geniar, April 19, 2020"
    r"(?:/|,\s*)(?=\d|(?:" + _MONTH + r")\.?\s+\d)|"
    # a label run into the name: "Jen MillsPublished Jul 17, 2024"
    r"(?<=[a-zà-ÿ])(?=(?-i:Updated|Published|Posted|Aktualisiert|Veröffentlicht)\b)|"
    # a relative time run into the name: "Dylan Jones5 hours ago", "Jane Roevor 5 Stunden"
    r"(?<=[a-zà-ÿ])(?=\d+\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b)|"
    r"(?<=[a-zà-ÿ])(?=(?:vor|il y a|hace|há|před)\s+\d)|"
    # a numeric date run into the name: "Nicole Collignon22. Februar 2020"
    r"(?<=[^\W\d_])(?=\d)|"
    # a date run into the name, or after a space: "Shana Nys DambrotNovember 6, 2023"
    r"(?<=[a-zà-ÿ])\s?(?=(?=(?-i:[A-ZÀ-Þ]))(?:" + _MONTH + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?"
    r"\s+(?:19|20)\d{2}\b))",
    re.IGNORECASE)
_RELATIVE = re.compile(r"^(?:(?:published|updated|posted|publicado|actualizado|publié|"
                       r"mis à jour|pubblicato|aggiornato|veröffentlicht|aktualisiert)\s*:?\s*)?"
                       r"(?:\d+\s*[^\W\d]+\s+ago$|(vor|il y a|hace|há|před)\s+\d|"
                       # "James Akinaka • 8h", "Jane Roe · 5 min"
                       r"\d{1,2}\s*(?:h|hrs?|min|mins|d)$|"
                       # "Anna Rossi · 2 ore fa", "Иван Петров · 3 часа назад"
                       r"(?:" + AGO_ELSEWHERE + r")$)", re.IGNORECASE)
# Capitalised words that are not names: days, date words, a page's own labels.
_NOT_NAME = re.compile(
    r"\b(published|updated|posted|today|yesterday|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|current|duration|time|loaded|progress|home|page|menu|"
    r"section|latest|breaking|live|video|photos?|gallery|opinion|analysis|review|"
    r"sport|sports|politics|business|world|culture|tech|science|health|travel|"
    # a site's navigation: "Newer Article", "Recent Posts", "Filter Suche", "Seguir ..."
    r"newer|older|next|previous|recent|posts?|articles?|suche|filter|beiträge|forum|"
    r"moderator|seguir|follow|kategorien?|categor(y|ies)|rubriken?|ressort|archiv|archive|"
    # a social link printed after the name: "Andrew Husband Twitter"
    r"twitter|facebook|instagram|linkedin|email|e-mail|share|tweet|teilen|partager|"
    # a service's label: "Newsletter Anmeldung", "ARD Audiothek"
    r"newsletter|anmeldung|login|mediathek|audiothek|podcasts?|"
    # a page's buttons and widgets: "Learn More", "Link Copied", "Show Notes", "Enter
    # Search Terms"
    r"search|learn|notes|copied|details|episodes?|enter|subscribe|download|settings|"
    r"account|privacy|cookies?|"
    # a product site's menu: "Sources Warehouses Catalog Pricing Blog", "Docs Support"
    r"blog|pricing|catalog|docs|documentation|careers|customers|solutions|products|"
    r"features|resources|support|contact|about)\b|"
    r"['’]s\b", re.IGNORECASE)


def has_label_word(text: str) -> bool:
    """A word of a page's labels or navigation that no name holds ("Filter", "Menu",
    "Published")."""
    return _NOT_NAME.search(text) is not None


# "…, 15:46", "… um 15:46 Uhr", "… at 9:41 am", "… kl. 14:47"
_LEADING_TIME = re.compile(r"^[\s,|/·•]*(?:um|at|à|às|a las|kl\.?)?\s*" + CLOCK.pattern,
                           re.IGNORECASE)
_LEADING_SEPARATORS = re.compile(r"^[\s,|/·•—–-]+")


def _past_time(text: str) -> str:
    """``text`` without the time and separators that open it (what follows a date)."""
    return _LEADING_SEPARATORS.sub("", _LEADING_TIME.sub("", text))


_COUNT = re.compile(r"\s+\d{1,4}$")


def _after_date(text: str) -> str | None:
    """What follows a date (and a time) that opens ``text``: ``21. Jan 2022 // Dominik
    Ricker`` -> ``Dominik Ricker``; ``None`` when ``text`` does not open with a date."""
    match = _date_at_start(text)
    if match is None:
        return None
    rest = _past_time(text[match.end():])
    again = _date_at_start(rest)  # the day it was updated, run on: "2. Mai 20203. Mai 2020"
    return _past_time(rest[again.end():]) if again is not None else rest


def name_line(line: str) -> tuple[str, bool] | None:
    """A line that is a person's name, alone or followed by a handle, a date or a time
    (``Jane Roe``, ``Jane Roe, @jroe``, ``Jane Roe - Apr 16, 2015``, ``Jane Roe 1 day
    ago``): the name and whether something followed it (``None`` if not such a line)."""
    text = line.strip()
    if len(text) > 100:
        return None
    rest = _after_date(text)
    if rest:  # "1. Februar 2022 , Daniel Dillenburg" (not "18.02.2022 | Recht & Gesetz")
        # (a comment count may close it: "1. Februar 2022 Luis Holuch 6")
        name = looks_like_name(_COUNT.sub("", _BY_STOP.sub("", rest)).strip(" ,;:|/-–—"))
        return (name, True) if name and "&" not in name else None
    role = _ROLE_NOTE.search(text)
    if role and not role[1].isupper() and role[1].strip().casefold() not in _PLACES_IN_PHOTO:
        # "Chus del Pino, Martí Abad (Enviado especial)": the authors and their role
        got = name_line(text[: role.start()])
        return got if got else None
    where = _IN_PLACE.match(text)
    if where and _is_place(where["place"], city=_TOWN) \
            and all(len(person.split()) <= IN_PLACE_NAME_WORDS
                    for person in _PEOPLE_JOIN.split(where["name"])):
        # "Olivia Solon in San Francisco", "Jane Roe in Kyiv and agencies"
        got = name_line(where["name"])
        return got if got and not got[1] else None
    head, tail, handle = _at_tail(text)
    if tail and not (handle or _when(tail)):
        return None
    if _unglued(head) != head:  # "Emma MackenzieLifestyle Writer": a job run into the name
        titled = _before_role(head)
        if titled and looks_like_name(titled):
            return titled, True
    name = looks_like_name(head)
    if name is None and not tail:
        titled = _before_role(head)  # "Thabo Mokone Parliamentary editor"
        return (titled, True) if titled and looks_like_name(titled) else None
    return (name, bool(tail) or handle) if name else None


# Where the author wrote from, after the name, and the wires that helped:
# "Olivia Solon in San Francisco and agencies".
IN_PLACE_NAME_WORDS = 3  # "Mit Musiker Voodoo Jürgens in Wien" is no author's line
_IN_PLACE = re.compile(r"^(?P<name>.{4,60}?) in (?P<place>[^\W\d_][\w .'’-]{1,40}?)"
                       r"(?: and agencies)?$")
# A role in brackets after a name ("(Enviado especial)", "(Reuters)"): letters only, not
# in capitals alone (a key's "(PGP)"), and not where a photo's caption places a person
# ("(left)")
_ROLE_NOTE = re.compile(r"\s*\(([^\W\d_][^()\d@/|,]{1,39})\)\s*$")
_PLACES_IN_PHOTO = frozenset({
    "left", "right", "center", "centre", "front", "back", "l", "r", "c", "l-r", "r-l",
    "links", "rechts", "mitte", "gauche", "droite", "izquierda", "derecha", "centro",
    "sinistra", "destra", "esquerda", "direita", "file", "archive", "archiv", "photo",
    "foto", "video", "audio"})


def _when(tail: str) -> bool:
    """Whether what follows a name says when: a day (``8 January 2024``, ``8 января,
    17:46``, a day printed without its year) or a time past (``2 hours ago``)."""
    return bool(find_date(tail) or _RELATIVE.search(tail) or yearless_date_line(tail))


def _at_tail(text: str) -> tuple[str, str, bool]:
    """``text`` cut where a name's tail begins (``_NAME_TAIL``): the part before, the
    part after, and whether the cut is a handle (``, @jroe``)."""
    match = _NAME_TAIL.search(text)
    if match is None:
        return text, "", False
    return text[: match.start()], text[match.end() :].strip(), "@" in match.group()


def names_run_line(line: str, lowered: Container[str]) -> tuple[str, bool] | None:
    """A line of names run together (``names_run``, ``lowered`` the words the page prints
    in small letters), alone or followed by a date or a time as in ``name_line``: the
    names and whether something followed them."""
    text = line.strip()
    if len(text) > 100:
        return None
    head, tail, _handle = _at_tail(text)
    if tail and not _when(tail):
        return None
    names = names_run(head, lowered)
    return (names, bool(tail)) if names else None
