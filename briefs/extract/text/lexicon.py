"""Words and phrases that mark page junk in a text dump, in several languages.

General cues only (share buttons, related lists, newsletter boxes, copyright and cookie
lines, comment counts, captions and credits), never a particular site's wording. Each
pattern matches a whole line, casefolded, after trailing counts and punctuation are cut
(``Comments (12)`` and ``teilen17`` are ``comments`` and ``teilen``).

Stopwords come from jusText's stoplists (about 100 languages); the dump's language is
the one whose stopwords cover most of its long lines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from briefs.prefilter import Branches

# Whole-line junk: widgets and navigation.
# Headings over a box of other stories, both a widget's line and the article's end
# (``_WIDGET``, ``_END``)
_RELATED_HEADINGS = (
    r"mehr zum thema|weitere artikel|lesen sie auch|das könnte (sie|dich) auch interessieren|"
    r"beliebte beiträge( zum thema)?|auch lesen|zum weiterlesen|"
    r"(à |a )?lire aussi|sur le même sujet|vous aimerez aussi|dans la même rubrique|"
    r"otras noticias|ver también|polecamy|ook interessant|verwandte (artikel|beiträge)|"
    r"ähnliche (artikel|beiträge)|")
_WIDGET = (
    # share / follow
    r"share|shares|share (this|the|on|via|to|article|story|page|post|link)\b.*|"
    r"tweet|retweet|pin it|pin|email|e-mail|mail|print|save|copy link|copy url|"
    r"facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|flipboard|messenger|"
    r"tumblr|instagram|youtube|rss|sms|threads|bluesky|mastodon|"
    r"follow( us)?( on .*)?|like us.*|teilen|drucken|partager|imprimer|compartir|"
    r"social shar(e|ing)|"
    # a news site's article tools: "Email this to a friend", "Printer-friendly version"
    r"(e-?mail|mail|send)( (this|the))?( (article|story|page|link))?( to a friend)?|"
    r"print(er)?[- ]?friendly( (version|page|format))?|"
    r"(print|e-?mail|save) (article|story|page|version)(: (print|e-?mail|save))?|"
    r"(e-?mail|mail)( this)? (article|story) print( (version|friendly))?|"
    r"(e-?mail|mail|write to|contact) the editors?|"
    r"add to (favou?rites|bookmarks)|(text|font) size|recommend this( (article|story))?|"
    r"privacy( (policy|statement))?|"
    r"click here( (for|to)\b.*)?|"
    # a blog's links to its neighbours, a list of sources folded away
    r"next post|previous post|nächster beitrag|vorheriger beitrag|article (suivant|précédent)|"
    r"quellen (ausblenden|einblenden|anzeigen)|"
    # an author box's title
    r"(opinion|contributing|staff|senior|guest) (columnist|writer|editor|reporter)|"
    r"imprimir|compartilhar|sdílet( článek)?|tisk|condividi|stampa|delen|"
    r"folgen sie uns.*|suivez-nous.*|síguenos.*|siga-nos.*|sledujte nás.*|"
    r"to se mi líbí|gefällt mir|j'aime|me gusta|curtir|"
    # Google Translate's tooltip, saved with a page it ran on
    r"original text|contribute a better translation|rate this translation|"
    # navigation
    r"skip to( main)? content|skip to navigation|skip navigation|back to top( button)?|"
    r"(jump to|wechseln zu|aller à|ir a|saltar a)\s*:?\s*(navigation|navegación).*|"
    r"menu|main menu|search|home|sign in|sign up|log in|login|log out|register|"
    # a search box's labels: "Enter Search Terms Search", "Type your search and hit enter"
    r"enter (your )?search (terms?|query|keywords?)( search)?|search for:?|"
    r"(type|start typing) (your search|to search|here)( and (hit|press) enter)?|"
    r"need to report the video\?|search (this|the) site|what are you looking for\??|"
    r"suche nach:?( suchen?)?|suchen|"
    # a blog's search form, its label then its button: "Search for: Search"
    r"search for: search|rechercher :?( rechercher)?|buscar:( buscar)?|"
    r"zoeken naar:?( zoeken)?|pesquisar por:?( pesquisar)?|cerca:( cerca)?|szukaj:( szukaj)?|"
    # a site's furniture, printed by outlets of every kind: legal pages, the account,
    # navigation, a comment form's labels, a blog platform's like and follow widgets
    r"×|name|name \((erforderlich|required|obligatoire|obligatorio)|nach oben|"
    r"zum seitenanfang|schlie(ss|ß)en|zurück|agb|site ?map|mediadaten|media kit|"
    r"nutzungsbedingungen|advertise( with us)?|(haupt)?menü|(haupt|beitrags-|toggle )?"
    r"navigation|direkt zum inhalt|zur startseite|registrieren|antworten|reply|"
    r"terms( (&|and) conditions)?|rss[- ]feeds?|my account|mein konto|sign out|"
    r"passwort vergessen\??|ad choices|accessibility( statement)?|disclaimer|"
    r"privacy notice|community guidelines|netiquette|newsletter abonnieren|mitglied werden|"
    r"%d bloggern gefällt das|verbinde mit %s|liken lade …|feed der einträge|"
    r"customer service|mehr erfahren|weitere informationen|sie sind hier|ok|twittern|"
    r"abbrechen|xing|pocket|feedback|donate|spenden|hilfe|help|faq|"
    # a site's own pages and sign-in prompts: "Impressum", "Über uns", "New to Twitter?"
    r"impressum|kontakt|contact( us)?|(wir )?über uns|about us|new to [\w.]{2,20}\?|"
    r"(abbrechen )?jetzt (anmelden|registrieren)|oder (neu )?registrieren\??|"
    r"(log ?in|sign ?in)( or|,| /)? (sign ?up|register|subscribe)|remember me|"
    r"(forgot|lost) (your )?password\??|"
    r"subscribe|subscribe now|close|open|next|previous|prev|more|show more|load more|"
    r"zum inhalt( springen)?|anmelden|abmelden|suche|startseite|aller au contenu|"
    r"se connecter|rechercher|accueil|ir al contenido|buscar|iniciar sesión|entrar|"
    r"assine|přihlásit( se)?|hledat|úvod|cerca|accedi|"
    # related, more, comments
    r"related( articles| stories| posts| content| news| coverage| topics| tags| links)?|"
    r"more on this (story|topic)|more from .{1,40}|more stories|read more|read next|learn more|"
    r"see also|also read|you (may|might) also like|recommended( for you| stories)?|"
    r"most (read|popular|viewed|watched|shared|commented)|trending( now| stories)?|"
    r"top stories|latest( news| stories)?|editor'?s picks?|"
    + _RELATED_HEADINGS +
    r"auch interessant|meistgelesen|nächster artikel|dowiedz się więcej|"
    r"lire la suite|voir aussi|les plus lus|"
    r"leia também|leia mais|veja também|mais lidas|"
    r"lea también|te puede interesar|noticias relacionadas|lo más leído|"
    r"související( články)?|čtěte také|mohlo by vás zajímat|nejčtenější|"
    r"comments?|view comments|show comments|leave a comment|add a comment|leave a reply|"
    r"(schreibe|hinterlasse) (eine antwort|einen kommentar)|laisser un commentaire|"
    r"deja (un comentario|una respuesta)|deixe (um comentário|uma resposta)|"
    r"post a comment|join the (conversation|discussion)|"
    r"kommentare?( lesen)?|commentaires?|comentarios?|comentários?|komentáře|"
    r"diskuse|commenti|reacties|"
    # ads
    r"advertisement|advertising|advert|ad|ads|sponsored( content)?|promoted( content)?|"
    r"annonce|annonse|"
    r"paid (post|content)|anzeige|werbung|publicité|publicidad|publicidade|reklama|"
    r"pubblicità|(video )?ad feedback|don't want to see this\? remove ads|remove ads|"
    r"passer la publicité|werbung überspringen|saltar publicidad|"
    r"(manage )?(my )?(privacy|cookie|consent) (settings|preferences)|"
    # privacy laws' links: "Do Not Sell or Share My Personal Information"
    r"do not sell( or share)? my (personal )?(info|information|data)|"
    r"(your )?(california )?privacy (choices|rights)|(ca )?notice of collection|"
    r"user account menu|"
    # newsletter
    r"newsletters?|sign up for .*newsletter.*|get (our|the) newsletter.*|"
    r"[\w'’ ]{1,30} newsletter|thanks for signing up!?|thank you for (signing up|subscribing)!?|"
    r"(order )?reprints?( (&|and) permissions)?|partner (news|content)|sponsored content|"
    r"abonnieren|s'abonner|abonnez-vous|suscríbete|inscreva-se|odebírat|"
    r"tags?|topics?|schlagworte|mots-clés|etiquetas|štítky|"
    # media players and galleries
    r"continue reading( the main story| below| article)?|read later|read (the )?full "
    r"(story|article)|weiterlesen|caption|(hide|toggle|close) caption|"
    r"(view|see|show) (all )?(photos|gallery|images|slideshow)|buy photo|full ?screen|"
    r"autoplay|skip ad|weitere videos|more videos|"
    r"buy now|shop now|jetzt kaufen|"
    # "read more" and "show more" in other languages, and a link to the page in another
    r"vis mer|visa mer|läs mer|læs mere|lees meer|lees verder|"
    r"ver más (artículos|noticias)|continuer (à|a) lire( ici)?|читать далее|читати далі|"
    r"leggi di più|leggi anche|lee más|leer más|ver más|mehr lesen|mehr anzeigen|"
    r"read in (english|french|german|spanish)|am beliebtesten|"
    # paywall labels and account prompts
    r"(article )?réservé aux abonnés|abonnentenartikel|nur für abonnenten|abo-artikel|"
    r"(subscribers?|members?|premium)[ -]only( article| content| story)?|"
    r"exclusive (for|to) subscribers|(exclusivo|solo) para (suscriptores|assinantes)|"
    r"(vous (possédez|avez) )?déjà (un compte|abonné)\s*\??|identifiez-vous|"
    r"s['’]inscrire( gratuitement)?|already (have an account|a subscriber)\??"
    r"( (sign|log) in( here)?)?|create (a |your )?(free )?account|"
    # a breadcrumb's link back to the section
    r"(back to|zurück zu[rm]?|retour (à|aux?)|volver a|torna a|voltar (para|a)|trở lại)"
    r"( \S+){1,3}|"
    # a comment form's labels and an author box's links
    r"submit|post comment|name ?\(required\)?|e-?mail ?\(required\)?|website|"
    r"view author archive|e-?mail the author|get author rss feed|follow the author|"
    r"(click to )?copy (url|link)|"
    # the same button in other languages, and what it says once clicked
    r"link (kopieren|kopiert!?|copiato!?)|copier le lien|lien copié !?|copiar (el )?(enlace|link)|"
    r"(enlace|link) copiado!?|copia (il )?link|कॉपी लिंक|लिंक कॉपी करें|"
    r"(скопировать|копировать) ссылку|ссылка скопирована|نسخ الرابط|링크 복사|"
    r"link copied!?|"
    # a script's error or loading message printed in place of a widget
    r"something went wrong( with [\w ]{1,30})?[!.]?( please try again( later)?)?|"
    r"(oops!? )?an error (has )?occurred[!.]?( please try again( later)?)?|loading( \.\.\.|…)?|"
    r"please wait( \.\.\.|…)?|print (this )?article|copied!?|more options|resize text|"
    r"enlarge (this )?image|play video|watch( video| now)?|listen( to this article)?|"
    # ... a player's in other languages, and its buttons to have the article read aloud
    r"(the )?(video |audio )?(player )?(is )?loading( video| player| audio)?|"
    r"(player|video|audio|inhalt) wird geladen|"
    r"wird geladen|cargando|caricamento( in corso)?|carregando|chargement( en cours| du "
    r"lecteur| de la vidéo)?|aktuelle zeit.*gesamtdauer.*|(audio|video) (starten|abspielen)"
    r"(, abbrechen mit escape)?|artikel (anhören|vorlesen)|écouter (cet |l['’])"
    r"article|escuchar( el| este)? artículo|ascolta( l['’])?articolo|ouvir( a)? notícia|"
    r"luister naar dit artikel|lyssna på artikeln|"
    r"supported by|sponsored by.*|presented by.*|"
    # Russian, Ukrainian, Polish, Turkish, Swedish, Danish/Norwegian, Finnish, Dutch,
    # Italian, Japanese, Chinese, Korean, Arabic: share, comments, related, subscribe,
    # print, search, home, advertising, most read
    r"поделиться|поділитися|udostępnij|paylaş|dela|del|jaa|deel|シェア|分享(到)?|공유(하기)?|"
    # a network's share button, "Share / More" (Korean); "... in social networks" (Russian)
    r"(공유(하기)? )?더보기|(기사 ?)?url ?(공유|복사)|"
    r"[가-힣]{2,8} ?공유(하기)?|좋아요( \d+)?|100자평( \d+)?|"
    r"[\w .«»\"-]{0,30} в (социальных сетях|соцсетях)|"
    r"مشاركة|شارك( هذا المقال| الخبر)?|войти|giriş yap|logga in|kirjaudu|ログイン|登录|"
    r"登入|로그인|تسجيل الدخول|"
    r"комментарии|коментарі|komentarze|yorumlar|kommentarer|kommentit|コメント|评论|評論|"
    r"댓글|التعليقات|"
    r"читайте также|читать также|по теме|читайте також|czytaj (także|też)|"
    r"zobacz (także|też)|ilgili haberler|läs också|läs mer|relaterade artiklar|"
    r"les også|relaterte artikler|lue myös|lees ook|lees meer|gerelateerde artikelen|"
    r"leggi anche|articoli correlati|関連記事|相关文章|相关新闻|相关阅读|관련 ?기사|"
    r"اقرأ أيضا\u064b?|"
    r"подписаться|subskrybuj|abone ol|prenumerera|tilaa|abonneren|iscriviti|订阅|구독|"
    r"печать|drukuj|yazdır|skriv ut|tulosta|afdrukken|印刷|打印|"
    r"поиск|главная|меню|szukaj|strona główna|ara|ana sayfa|sök|startsida|haku|etusivu|"
    r"zoeken|検索|搜索|首页|검색|بحث|الرئيسية|"
    r"реклама|reklam|annons|mainos|advertentie|広告|广告|광고|إعلان|"
    r"самое читаемое|najczęściej czytane|en çok okunanlar|mest lästa|luetuimmat|"
    r"meest gelezen|più letti|人気記事|热门文章|많이 본 뉴스|"
    # Japanese, Chinese, Korean: a share box's and a pager's buttons, "details here",
    # "read on", "more", "back to the top", "close"
    r"記事を印刷する|メールで送る|リンクを?コピー(する)?|ツイート(する)?|シェアする|"
    r"(はてな)?ブックマーク|保存する|フォローする|詳しくはこちら|続きを読む|もっと見る|"
    r"次へ|前へ|次のページ|前のページ|ページ(の)?(先頭|トップ)(へ)?(戻る)?|閉じる|"
    r"复制链接|複製連結|收藏|阅读全文|閱讀全文|查看更多|更多|上一篇|下一篇|返回顶部|"
    r"回到頂端|더 ?보기|스크랩|인쇄|이전|다음|맨 위로"
)
_JUNK_LINE = re.compile(rf"^(?:{_WIDGET})$")
# What a page prints in place of an advert or an embedded post between an article's
# paragraphs: junk, but a sign that the article goes on, not that it has ended.
_FILLER = re.compile(
    r"^(?:(advertisement\s*[-–—:]?\s*)?(the )?(story|article) continues (below|after (this|the) "
    r"(ad|advertisement))( (this )?(ad|advertisement|gallery|video))?|"
    r"this advertisement has not loaded yet(,? but your article continues below)?|"
    r"view \d+ (images|photos|pictures)|"  # a gallery's link where it sits in the text
    r"article content|(der )?artikel (wird )?(unter|nach) der (anzeige|werbung) fortgesetzt|"
    r"weiter nach der (anzeige|werbung)|la suite (de l'article )?après (cette |la )?publicité|"
    r"(el artículo )?continúa (después de|tras) la publicidad|"
    r"externe[nr]? inhalte?( anzeigen| nicht verfügbar)?|"
    # a paywall's or a sign-in wall's box: the dump holds the text it hides, around it
    r"this (content|article|story) is (reserved )?for (subscribers|members)( only)?|"
    r"(subscribe|register|sign in|log in)( now)?( / (sign in|register|log in))? to "
    r"(unlock|continue|keep reading|read (the|this|more))\b.{0,60}|"
    r"(sign in|log in) or create an? (free )?account|"
    r"create an? (free )?account or (sign|log) in( to continue)?\b.{0,60}|"
    r"view (more|all) offers|support local journalism|to read the full (story|article)|"
    r"la suite est réservée à nos abonnés\b.{0,60}|jetzt weiterlesen( mit \S+)?)$")
# Lines that say the article is over: what follows is related lists and comments.
_END = re.compile(
    r"^(related( articles| stories| posts| content| news| coverage)?|"
    r"you (may|might)( also)? like( these| this)?( posts| stories| articles)?|"
    r"recommended( for you| stories)?|read next|"
    # "Most read", "Today's most read", "This week's most popular videos", "Top posts"
    r"((today|this week|this month)['’]s )?(most (read|popular|viewed|watched)"
    r"( stories| posts| articles| videos)?|top (stories|posts|articles|videos))|"
    # "Trending now on TGP", "More great WIRED stories"
    # ("Trending" alone is also a box in the middle of an article)
    r"trending( now| stories)?( on [\w .'’-]{1,30})|trending (now|stories)|"
    r"more great [\w'’-]{1,20} stories|"
    r"mehr lesen über|weitere beiträge( zum thema)?|"
    # "More stories like this one", "Want more stories like this?", "More on: Taliban"
    r"(want )?more (stories|articles|news|videos|posts|coverage)"
    r"( (like this( one)?|from|on|about)\b[\w .'’-]{0,30})?( \.\.\.|…|\?)?|"
    r"more (on|about)( this( story| topic)?)?\s*:?|"
    r"more from [\w '’-]{1,30}|just watched|must watch|up next|watch next|related videos|"
    r"share this (story|article)|comments?|view comments|leave a comment|"
    r"more trending|read more stories|you may like|what to read next|latest articles|"
    r"latest videos( from)?|latest in [\w &'’-]{1,40}|mehr zu [\w &'’-]{1,40}|"
    # a blog's sidebar after the post
    r"recent posts|neueste beiträge|letzte beiträge|articles récents|entradas recientes|"
    r"posts recentes|"
    + _RELATED_HEADINGS +
    r"articles similaires|"
    r"artículos relacionados|(también )?te puede interesar|potrebbe interessarti|"
    r"leia também|veja também|noticias relacionadas|související( články)?|"
    r"(not[ií]cias |mat[ée]rias |art[ií]culos |posts )?relacionad[oa]s|mais lidas|"
    r"(lo )?más le[ií]d[oa]s?|les plus lus|à lire également|lire aussi|voir aussi|"
    r"i più letti|ti potrebbe interessare|"
    r"meest gelezen|"
    r"about the author|über den autor|à propos de l'auteur|"
    r"читайте также|по теме|czytaj (także|też)|zobacz (także|też)|ilgili haberler|"
    r"läs också|relaterade artiklar|relaterte artikler|lue myös|lees ook|"
    r"gerelateerde artikelen|leggi anche|articoli correlati|"
    r"関連(記事|ニュース|キーワード)|(おすすめ|注目|人気)(の)?記事|アクセスランキング|"
    r"相[关關](文章|新[闻聞]|[阅閱][读讀]|推荐|報導|报道)|推荐阅读|延伸[阅閱][读讀]|"
    r"[热熱]門(新[闻聞]|推荐)|热门推荐|관련 ?(기사|뉴스)|많이 본 (뉴스|기사)|"
    r"اقرأ أيضا\u064b?|комментарии|komentarze|yorumlar|kommentarer|"
    r"コメント|评论|댓글)$"
)
# Junk wherever it sits in a line: at its start (``_JUNK_START``) or anywhere
# (``_JUNK_INSIDE``, looked for only when the line holds one of its needed strings).
_JUNK_START = re.compile(
    r"^(?:copyright|©|\(c\)|"
    # a live blog's stamp: a time run into its writer's name ("17:10joseph gamp", "5 hours
    # ago07:09 jon king", "17:35key event")
    r"\d+ (minutes?|hours?|days?) ago\s?\d{1,2}:\d{2}\s?[^\W\d_][^.!?:]{1,40}$|"
    r"\d{1,2}:\d{2}(?!(am|pm|uhr|hrs|h|utc|gmt|[ecmp][sd]?t)\b)[^\W\d_][^.!?:]{1,40}$|"
    r"(image|media|video|photo) (caption|copyright)|(getty images|shutterstock)$|"
    r"(read more|read also|see also|related|more|lire aussi|(à|a) lire aussi|voir aussi|"
    r"lesen sie auch|auch lesen|mehr zum thema|leia também|leia mais|veja também|"
    r"lea también|lea más|vea también|ver también|čtěte také|související|czytaj (też|także)|"
    r"also read|also see|see more|must read|don['’]t miss|recommended( reading)?|"
    r"puedes ver|mira también|mire|lee también|(también )?te puede interesar|lea|"
    r"dowiedz się więcej|"
    r"zobacz (też|także)|leggi anche|lees ook|läs också|les også|читайте также)\s*:|"
    r"(click|tap) here\b|contact me with news and offers|receive e-?mails? from us on behalf|"
    # a wiki's line under its title: "From Wikipedia, the free encyclopedia", "Aus Piratenwiki"
    r"(from|aus|de|da|van|z) [\w-]*wiki[\w-]*(, [^.!?]{0,40})?$|"
    # a Russian outlet's legal footer: its registration, founder, editor, rights
    r"сетевое издание\b|учредитель( сми)?\s*[:–—-]|главный редактор\s*:|"
    r"свидетельство о регистрации (сми|средства массовой информации)|"
    r"все права на материалы,? опубликованные на сайте|"
    r"subscribe (now )?to\b.{0,60}$|"
    r"\d[\d,.]*\b.{0,30}\b(comments?|posters?|replies|responses|participating)\b.{0,20}$|"
    r"\d{1,3}\s*(/|of)\s*\d{1,3}\b|"
    r"(sponsored|advertisement|anzeige|publicité)\b.{0,30}$|"
    # a link to the next or previous article run into its title ("Nächster ArtikelFDP-...")
    r"(nächster|vorheriger) (artikel|beitrag)\S)"
)
_JUNK_INSIDE = re.compile(
    r"all rights reserved|alle rechte vorbehalten|"
    # a site's legal footer, a wire's terms under its story: "The material on this site may
    # not be reproduced, distributed, transmitted, cached or otherwise used, except with the
    # prior written permission of ...", "This material may not be published, broadcast,
    # rewritten, or redistributed"
    r"\bmay not be reproduced, distributed, transmitted\b|"
    r"\bmay not be published, broadcast, rewritten,? or redistributed\b|"
    # a blog post's footer: "You can follow any responses to this entry through the RSS 2.0
    # feed", "Bookmark the permalink", and the same in a German theme
    r"responses to this entry through|bookmark the permalink|"
    r"this video has failed to load|\bon google news and add us\b|"
    r"visit my profile, then view saved stories|"
    r"mit meiner anmeldung zum newsletter|interested in more newsletters\?|"
    # an affiliate link's note: "If you buy something through this post, IGN may get a
    # share of the sale"
    r"\bmay (get|earn|receive) a (small )?(share|portion|cut) of (the|that|this) sale\b|"
    # what only a newsletter's sign-up form says, in the article or beside it
    r"\bno spam,? (we promise|ever)\b|\bunsubscribe at any time\b|"
    r"\bby (signing up|subscribing),? you (agree|consent)\b|"
    r"\byou have (successfully|succesfully) subscribed\b|\ban email with an activation link\b|"
    r"\bjederzeit (wieder )?abmelden\b|\babmeldung ist jederzeit\b|"
    r"\bdésinscrire à tout moment\b|\bdarte de baja en cualquier momento\b|"
    r"\badd (us )?as (a )?preferred( source)? on google\b|"
    r"antworten zu diesem eintrag (durch|über)|lesezeichen (auf|für) den permalink|"
    r"tous droits réservés|todos los derechos reservados|todos os direitos reservados|"
    r"všechna práva vyhrazena|tutti i diritti riservati|все права защищены|"
    r"tüm hakları saklıdır|جميع الحقوق محفوظة|版权所有|版權所有|無断転載|"
    r"\b(we|this (web)?site) uses? cookies|\bcookie (policy|settings|preferences)|"
    r"accept (all )?cookies|verwendet cookies|utilise des cookies|utilizamos cookies|"
    r"používá cookies|privacy policy|terms of (use|service)|datenschutz(erklärung)?$|"
    r"(how|why) we use cookies|wie wir cookies (verwenden|nutzen|einsetzen)|"
    r"cookie-?(einstellungen|richtlinie|hinweis)|"
    r"(your|dein|ihr) browser (is|ist) (leider )?(out of date|outdated|veraltet|not supported)|"
    r"votre navigateur (est obsolète|n'est pas (à jour|supporté))|update your browser|"
    r"follow (this )?blog (via|by) e-?mail|(blog )?per e-?mail folgen|"
    r"\b(leave|add|post|write) a comment\b|\bcheck the opt-in box\b|"
    r"\bvalues your comments\b|\bsign up for our\b.{0,40}\bnewsletters?\b|"
    r"\bjoin us on (whatsapp|telegram)\b|\bvergiss nicht,? (ihn |es )?zu teilen\b|"
    r"\bdon['’]t forget to share\b|"
    # a newsletter's sign-up box, a comment form's notice, an embed's consent button
    r"\bsigning up to our newsletter\b|\bunser (kostenloser )?newsletter informiert\b|"
    r"^jetzt (den |unseren )?newsletter abonnieren|"
    r"\b(anmelden|eingeloggt sein),? um (einen )?kommentare? zu (schreiben|verfassen)\b|"
    r"\bum den inhalt von\b.{0,60}\bzu laden\b|"
    r"\bjoin the (conversation|discussion) (in the comments|below)\b|"
    # a blog platform's comment form and its messages (WordPress's list of allowed tags,
    # TypePad's preview), a comment section's disclaimer, a notice about the browser
    r"\byou may use these html tags and attributes\b|"
    r"\byour comment (has not yet been posted|could not be posted|has been (saved|received|"
    r"submitted))\b|\bthe following comments are owned by whoever posted them\b|"
    r"\bnot responsible for the content of external (internet )?(sites|websites)\b|"
    r"\bbest viewed (in|with) (an? )?[\w -]{0,20}browser\b|"
    r"enable javascript|"
    r"\bexterne[nr]? inhalte?\b.{0,80}\b(anzeigen|angezeigt|laden|verfügbar|ergänzt)|"
    r"\b(anzeigen|laden|verhindern)\b.{0,40}\bexterne[nr]? inhalte?\b|"
    r"\b(advertising|affiliate) (disclosure|disclaimer)\b|"
    r"\bwe (may )?(receive|earn|get) (compensation|(a )?commissions?|affiliate commissions?)\b|"
    r"javascript is disabled|\(opens in (a )?new (window|tab)\)|"
    r"\bmodal window\b|\bdialog window\b|"
    # a reprint notice ("This copy is for your personal, non-commercial use only") and a
    # beta banner ("This is a BETA experience. You may opt-out by clicking here")
    r"\bfor your personal,? non-?commercial use only\b|\byou (may|can) opt[- ]?out by clicking\b|"
    # a sign-in box: "New member? Sign up now. Sign in if you're already registered.",
    # "Already have an account? Log in here"
    r"\b(sign|log) in if you(['’]re| are) already (registered|a member|a subscriber)\b|"
    r"^already (have an account|registered|a (member|subscriber))\?|"
    r"^new (member|user|here|customer)\? (sign|register|create|join)\b|"
    # a paywall's count of what is left ("Il vous reste 57% de cet article à lire")
    r"\b(il vous reste|you have|te queda|le queda|ti resta) (el |il )?\d{1,2}\s?% "
    r"(de cet article|of this article|de este artículo|del artículo|di questo articolo)\b|"
    # a paywall's notice on a Japanese, Chinese or Korean page ("this article is for
    # paying members; 1,234 characters remain")
    r"この記事は(有料|(読者|有料)?会員(限定|専用))|有料会員になると|残り\d[\d,]*文字|"
    r"続きを読むには|(会員登録|ログイン)して続きを|付费(阅读|閱讀|内容)|"
    r"订阅后(阅读|查看)全文|유료 ?회원|로그인 후 (이용|열람)"
)


_JUNK_INSIDE_BRANCHES = Branches(_JUNK_INSIDE)


def _junk_anywhere(text: str) -> bool:
    """``text`` (casefolded) is junk wherever the junk sits in it."""
    return bool(_JUNK_START.match(text)) or _JUNK_INSIDE_BRANCHES.search(text) is not None


# A credit at the end of a caption: "... Photo: Olivier D./AFP", "| Foto: Reuters".
_CREDIT = re.compile(
    r"(\b(photo|photograph|photography|foto|fotografía|fotografia|image|picture|bild|credit|"
    r"crédit|crédito|fotografie|illustration|imagen|immagine)s?"
    r"\s*(:|by|von|par|de)\s*[^.!?]{2,80}$|getty images\)?$|\bvia getty\b|"
    r"\|\s*(foto|photo|reuters|afp|ap|getty|epa|dpa|ctk|čtk)\b[^.!?]{0,60}$|"
    r"\((\w+ )?(photo|foto|bild|image)\b[^)]*\)$|"
    # "（潟沼義樹撮影）", "（记者 张三 摄）": a Japanese or Chinese photo credit
    r"[（(][^（()）]{1,40}(撮影|摄影?|攝影?)[）)]$|"
    # "(Luis Sinco / Los Angeles Times)": a photographer and the paper, in brackets
    r"^\([^()/]{3,50}\s/\s[^()/]{2,40}\)$|^(bild|foto|photo): .{0,60}$|©\s*[^.!?©]{2,60}$|"
    r"^courtesy( of)?\b[^.!?]{2,60}$|^screenshot (by|via)\b[^.!?]{2,60}$|"
    # "... umbenannt. Getty Images/Juanmonino": an agency and its photographer
    r"\b(getty images|istock(photo)?|imago( images)?|shutterstock|alamy|picture alliance)"
    r"\s?/\s?[\w .'’|-]{2,40}\)?$|"
    # "... Kathrin Ziegler/Getty Images", "... Jane Roe / AP": a photographer and agency
    r"\w\s?/\s?(getty( images)?( europe| north america| asiapac)?|ap|afp|reuters|dpa|epa|"
    r"istock(photo)?|shutterstock|picture alliance|imago)$|"
    # "... Venezuela. AP Photo", "... in Kabul. Bildrechte: MDR/David Straub"
    r"\. (ap|afp|epa|reuters) photo$|\bbildrechte:\s*[^.!?]{2,60}$|"
    # "... de la Paz (REUTERS/Denis Balibouse)": an agency and its photographer in brackets
    r"\((reuters|afp|ap|efe|epa|dpa|télam|europa press|getty images)\s?/\s?[^()]{2,40}\)$|"
    # a stock library at a caption's end; "PAP/ Rafał Guz" alone
    r"(stock\.adobe\.com|pixelio\.de|fotolia\.com)$|"
    r"^(pap|dpa|afp|reuters|ap|epa|efe|ansa|ctk|čtk)\s?/\s?[\w .'’-]{2,40}$|"
    # a caption cut short with a link to the rest ("... Esper is on a visit to ... more")
    r"(…|\.\.\.)\s?more$|"
    # "Image source, Getty Images": a photo's source as a screen reader is told it
    r"^(image|photo|picture|video|media) source\s*[,:]\s*\S.{0,60}$|"
    # "Image credit: www.apple.com", "Quelle: Name", "Bildquelle: SWR"
    r"^((image|photo|picture|foto|bild)\s*)?(credits?|quelle|bildquelle|fotoquelle|bildrechte|"
    r"titelbild|"
    r"bildnachweis|fotonachweis)\s*:"
    r"\s*\S.{0,80}$)"
)
# A media player's controls and settings dialog as a dump prints them (video.js, the
# player most news sites embed, and its kin): they sit inside an article.
_PLAYER = re.compile(
    r"^(play( video)?|pause|mute|unmute|replay|current time( \d+:\d+)?|duration( time)?"
    r"( \d+:\d+)?|remaining time( -?\d+:\d+)?|loaded: \d+(\.\d+)?%|"
    r"progress: \d+(\.\d+)?%|stream type ?live|live|playback rate|\d(\.\d+)?x?|chapters|"
    r"descriptions( off, selected)?|subtitles( off, selected| settings.*)?|"
    r"captions( off, selected| settings.*)?|default, selected|fullscreen|"
    r"(non-)?fullscreen|picture-in-picture|audio track|foreground|background|window|"
    r"font (size|family)|text edge style|defaults done|reset|done|/|"
    r"this is a modal window\..*|end of dialog window\.|beginning of dialog window\..*|"
    r"(text|background|window) (color|opacity)|transparent|semi-transparent|opaque|"
    r"video (player|unavailable)|now playing|up next|volume \d+%|\d+:\d+ / \d+:\d+)$")
_TRAILING_COUNT = re.compile(r"[\s:()\[\]]*\(?\d[\d.,kKmM]*\)?\s*$")
_LEADING_COUNT = re.compile(r"^\d[\d.,kKmM]*\s+")


COUNT_TAIL = 40  # characters at a line's end looked at for a count


def _key(line: str) -> str:
    """A line reduced for whole-line matching: casefolded, counts and punctuation cut.
    (The count is looked for in the line's last ``COUNT_TAIL`` characters only: searched
    for along a whole line, a long run of spaces or brackets costs time squared.)"""
    text = line.casefold().strip()
    head, tail = text[:-COUNT_TAIL], text[-COUNT_TAIL:]
    text = head + _TRAILING_COUNT.sub("", tail)
    text = _LEADING_COUNT.sub("", text)
    return text.strip(" .:|•·›»>-–—+*#()[]■□●◆◇▼▲▶►・【】［］〔〕《》〈〉")


_COMMENT_WORD = re.compile(r"\b(comment|kommentar|commentaire|comentario|comentário|"
                           r"komentář|diskus|comments|reacties|комментар|коментар|"
                           r"komentarz|yorum|kommentti)", re.IGNORECASE)


# "Smith declined to comment.", "He was not available for comment.": the news, not a widget.
_NO_COMMENT = re.compile(r"\b(?:to|for) comment\s*\.[\"'”’]?\s*$", re.IGNORECASE)


# A reading time, alone or after the author: "4 min read", "Jane Roe 2 minutes read".
_READING_TIME = re.compile(
    r"^([\w'’.-]+ ){0,4}\d+\s*(min|mins|minutes?|minuten?)\.?\s*(read|de lecture|de lectura|"
    r"de leitura|lesezeit|lesedauer)$|^(lesezeit|lesedauer|reading time|read time|"
    r"temps de lecture|tiempo de lectura|tempo de leitura|leestijd|lästid|lesetid)\s*:?\s*"
    r"\d+\s*(min|mins|minutes?|minuten?)\.?$")
# A newsletter box's pitch: "Get daily insight, inspiration and deals in your inbox".
_INBOX_PITCH = re.compile(
    r"^[^.!?]{0,60}\b((delivered|sent|straight|directly|right) (to|into)|"
    r"(deals|news|updates|insights?|stories|headlines) (in|to)) your inbox( [\w ]{0,30})?$")


# A screen reader's note on a link, printed after the link's words in a dump: "(opens in
# new window)", ", opens new tab", "(öffnet im neuen Fenster)". Not part of the text.
_LINK_NOTE = re.compile(
    r"(?:\s*\((?:this link |link )?(?:opens|öffnet|s'ouvre|se abre|abre|si apre|opent)\b"
    r"[^()]{0,30}\b(?:window|tab|fenster|onglet|fenêtre|ventana|pestaña|finestra|scheda|"
    r"venster|tabblad)\)|"
    r"\s*\((?:external link|link is external|externer link|lien externe)\)|"
    r",\s*opens (?:in )?(?:a )?new (?:window|tab)\b|"
    r"\s+this link opens (?:in )?(?:a )?new (?:window|tab)\b)"
    r"(?:\s+(?=[.,;:!?]))?",  # "Investoren(öffnet im neuen Fenster) , zu denen"
    re.IGNORECASE)


_LINK_NOTE_HINT = re.compile(r"open|öffnet|ouvre|abre|apre|extern|link", re.IGNORECASE)


def without_link_notes(line: str) -> tuple[str, bool]:
    """``line`` without its links' screen-reader notes, and whether it had any."""
    if ("(" not in line and "opens" not in line) or not _LINK_NOTE_HINT.search(line):
        return line, False  # every note is bracketed or says "opens", and names a link
    cut = _LINK_NOTE.sub("", line)
    return (cut.strip(), True) if cut != line else (line, False)


# A time past in the languages whose pages print one beside the date's place ("3時間前",
# "23 часа назад", "5 saat önce", "2 ore fa", "4 uur geleden", "for 3 timer siden",
# "3 jam yang lalu", "2 giờ trước", "منذ 3 ساعات", "2 घंटे पहले"): a number and a unit,
# then the language's "ago" (or its "ago" first).
AGO_ELSEWHERE = (
    r"\d+\s*(?:秒|分|分钟|分鐘|時間|小时|小時|日|天|週間|周|週|か月|ヶ月|个月|個月|年)前|"
    r"\d+\s*(?:초|분|시간|일|주|개월|달|년)\s*전|"
    r"\d+\s+(?:секунд\w*|минут\w*|час\w*|дн\w*|день|недел\w*|месяц\w*|год\w*|лет)"
    r"\s+назад|"
    r"\d+\s+(?:секунд\w*|хвилин\w*|годин\w*|дн\w*|день|тижн\w*|місяц\w*|рок\w*)\s+тому|"
    r"\d+\s+(?:saniye|dakika|saat|gün|hafta|ay|yıl)\s+önce|"
    r"\d+\s+(?:second[oi]|minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi])\s+fa|"
    r"\d+\s+(?:seconden|minuten|minuut|uur|dagen|dag|weken|week|maanden|maand|jaar)"
    r"\s+geleden|"
    r"\d+\s+(?:sekund\w*|minut\w*|godzin\w*|dni|dzień|tygod\w*|miesi\w*|lat|rok)\s+temu|"
    r"(?:(?:för|for)\s+)?\d+\s+(?:sekunder|minuter|minutter|timmar|timme|timer|time|dagar|"
    r"dager|dage|dag|veckor|uker|uger)\s+(?:sedan|siden)|"
    r"\d+\s+(?:tuntia|tunti|minuuttia|minuutti|päivää|päivä|viikkoa)\s+sitten|"
    r"\d+\s+(?:detik|menit|jam|hari|minggu|bulan|tahun)\s+(?:yang\s+)?lalu|"
    r"\d+\s+(?:giây|phút|giờ|ngày|tuần|tháng|năm)\s+trước|"
    r"منذ\s+\d+\s+\S+|"
    r"\d+\s+(?:सेकंड|मिनट|घंटे|घंटा|दिन|हफ्ते|हफ़्ते|महीने|साल)\s+पहले|"
    r"कुछ\s+(?:ही\s+)?(?:क्षण|पल|मिनट)\s+पहले|"
    r"(?:πριν(?:\s+από)?)\s+\d+\s+\S+|(?:acum|fa)\s+\d+\s+\S+")


# A publisher's pitch printed after an article: a plea for support or donations, a
# newsletter or membership offer, a "send us your story" box, the outlet describing itself.
_PITCH = re.compile(
    r"\b(support|donate to|donating to|donation to|contribute to|chip in)\b.{0,80}"
    r"\b(our|us|we)\b.{0,40}\b(journalism|reporting|work|newsroom)|"
    r"\b(support|donate to|contribute to) (the |our |independent )+(journalism|reporting|newsroom)|"
    r"\bbecome a (sustaining |paying )?member\b|"
    r"\bplease (consider )?(supporting|donating|subscribing)\b|"
    r"\bunterstützen sie (uns|unsere)|\bmit einer spende\b|\b(werden sie|jetzt) mitglied\b|"
    r"\bmitglied werden\b|\babonniere? (den|unseren|jetzt)\b|"
    r"\bnewsletter\b.{0,120}\b(sign up|subscribe|inbox|abonnier\w*|informiert|anmelden|"
    r"inscri\w*|suscrib\w*)|\b(sign up|subscribe|abonnier\w*|anmelden)\b.{0,60}\bnewsletter|"
    r"\b(get in touch|contact) (with )?(our|the) (news ?)?(team|desk|newsroom)\b|\bgot a story\b|"
    r"\bwe want to hear from you\b|\bour website is (the|your)\b|\bbookmark our homepage\b|"
    r"\bif you enjoyed this (article|story)\b|\bjoin our [\w ]{0,30}(forums?|community)\b|"
    r"\bconfirm your subscription\b|\bfor more (stories|news|articles) like this\b|"
    r"\bfollow [\w.]+ on (twitter|facebook|instagram|x)\b.{0,60}\b(latest|updates)\b|"
    r"\bsign up for (our )?(daily |breaking )?(news )?(push )?(alerts|notifications)\b|"
    r"\bis an independent (global |nonprofit |non-profit )*news (organization|organisation|"
    r"agency|outlet)\b",
    re.IGNORECASE)


def is_pitch(text: str) -> bool:
    """A publisher's pitch (``Please consider supporting our journalism``, a newsletter
    offer): page furniture when it closes an article's text."""
    return bool(_PITCH.search(text))


FILLER_CHARS = 120  # a placeholder is a short line
# One of these is in every placeholder ``_FILLER`` matches (a cheap test before it).
_FILLER_HINT = re.compile(
    r"contin|content|advert|anzeige|werbung|publici|extern|subscri|member|sign in|log in|"
    r"regist|account|offers|journalism|full|suite|weiterlesen", re.IGNORECASE)


def is_filler(line: str) -> bool:
    """An advert's or an embedded post's placeholder inside an article's text
    (``Story continues below advertisement``, ``Externer Inhalt``)."""
    if len(line) > FILLER_CHARS:
        return False
    return bool(_FILLER_HINT.search(line)) and bool(_FILLER.match(_key(line)))


# A teaser link to another page, its kind after a bar: "... | mehr", "... | audio".
_TEASER_END = re.compile(r"\s\|\s*(mehr|more|audio|video|galerie|bilder|weiterlesen|"
                         r"lire la suite|leer más|leggi)$")


# A row of short codes, each a link: a language switcher ("DE EN FR ES"), a family of local
# sites ("eic kyf msh nnz uhz tv nt": in small letters, at most one of them a word that
# some language's stoplist holds, so that "the cat sat on the mat" is text).
_CODE_ROW = re.compile(r"(?:[a-z]{2,3} ){3,}[a-z]{2,3}|(?:[A-Z]{2,3} ){3,}[A-Z]{2,3}")


def _code_row(line: str) -> bool:
    text = line.strip()
    return bool(_CODE_ROW.fullmatch(text)) and (
        text.isupper() or sum(map(in_any_stoplist, text.split())) <= 1)


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Share buttons side by side, with or without their counts ("Facebook 0 Twitter 0 LinkedIn").
NETWORKS = frozenset({"facebook", "twitter", "x", "whatsapp", "linkedin", "reddit",
                       "pinterest", "telegram", "xing", "email", "e-mail", "messenger",
                       "flipboard", "threads", "bluesky"})


def _share_row(key: str) -> bool:
    """Two share buttons or more side by side, each maybe with its count (word by word:
    a pattern that lets spaces fall on either side of a count backtracks without end on
    a hostile line)."""
    words = key.split()
    named = sum(word in NETWORKS for word in words)
    return named >= 2 and all(word in NETWORKS or word.isdigit() for word in words)


# A Chinese page's closing credits: "【纠错】 【责任编辑:张樵苏 】" (a link to report an
# error, the editor in charge).
EDITOR_WORDS = r"责任编辑|責任編輯|责编|責編"  # "editor in charge" (``meta.editor_credit``)
_EDITOR_CREDIT_ITEM = (rf"[【\[（(]?(?:纠错|糾錯|{EDITOR_WORDS})"
                       r"(?:\s*[:：]\s*[^】\]）)\s]{1,20})?(?:\s*[】\]）)])?")
# (an item begins with no space and takes one before its closing bracket only, so the
# spaces between two items have one reading)
EDITOR_CREDIT_CHARS = 120  # such credits are short
_EDITOR_CREDIT = re.compile(
    rf"\s*{_EDITOR_CREDIT_ITEM}(?:\s*{_EDITOR_CREDIT_ITEM})*\s*")


# A run of printable ASCII without a space this long is no word of an article: an
# inline image's base64, a token, a tracking address (a sentence quoting a long link is
# mostly words, and Chinese, Japanese or Thai text is not ASCII).
_BLOB = re.compile(r"[!-~]{200,}")


def _blob(line: str) -> bool:
    """Mostly (four fifths or more) runs of ``_BLOB``: data, not text."""
    runs = sum(len(m.group()) for m in _BLOB.finditer(line))
    return runs > 0 and 5 * runs >= 4 * len(line.strip())


_BRACKETED = re.compile(r"\]\s*\[")  # between links in brackets
_SIDE_BY_SIDE = re.compile(r"[·|]")  # between widgets set side by side


def _all_junk(key: str, separator: re.Pattern[str]) -> bool:
    """Every part of ``key`` that ``separator`` splits it into is empty or junk."""
    return all(not p or _JUNK_LINE.match(p) for p in map(_key, separator.split(key)))


def is_junk_line(line: str) -> bool:
    """A widget, navigation, advert, copyright, cookie or comment-count line; data."""
    if len(line) >= 200 and _blob(line):
        return True
    key = _key(line)
    if not key or _code_row(line) or _share_row(key):
        return True
    if ("编" in line or "編" in line or "错" in line or "錯" in line) \
            and len(line) <= EDITOR_CREDIT_CHARS and _EDITOR_CREDIT.fullmatch(line.strip()):
        return True
    if " " not in key and len(parts := _CAMEL.split(line.strip())) > 1 \
            and all(_JUNK_LINE.match(p.casefold()) for p in parts):
        return True  # "ShareSave": buttons run together
    if _FILLER.match(key):
        return True
    if len(key.split()) <= 6 and _COMMENT_WORD.search(key) and not _NO_COMMENT.search(line):
        return True
    # "[ Contact Us ][ Feedback ][ Privacy ]": links
    if "][" in key.replace(" ", "") and _all_junk(key, _BRACKETED):
        return True
    if "·" in key or "|" in key:  # "Remember me · Forgot password?": widgets side by side
        if _all_junk(key, _SIDE_BY_SIDE):
            return True
        if _TEASER_END.search(key):  # "Feuerwehr protestiert 24 Stunden | mehr": a link
            return True
    low = line.casefold()
    return bool(_JUNK_LINE.match(key)) or ("inbox" in key and bool(_INBOX_PITCH.match(key))) \
        or ("min" in key and bool(_READING_TIME.match(low.strip()))) or _junk_anywhere(low)


# Words of a page's calls to action, anywhere in a line: such a line is not a standfirst.
_CALL_TO_ACTION = re.compile(
    r"\b(share|click|tap|continue reading|subscribe|supported by|sponsored by|"
    r"opens in (a )?new (window|tab)|sign up|newsletter|teilen|partager|compartir|"
    r"compartilhar|abonnieren|s'abonner|suscr[ií]bete|assine)\b", re.IGNORECASE)


# A cookie or privacy-consent dialog's prose: cookies with consent, tracking or personal
# data, or the standard wording of the IAB consent framework and of privacy laws.
_COOKIE = re.compile(r"\bcookies?\b")
_COOKIE_PARTNER = re.compile(
    r"\b(consent|opt[- ]?out|opt[- ]?in|personal (data|information)|third[- ]part(y|ies)|"
    r"your browser|partners|advertis\w*|track\w*|einwilligung|zustimm\w*|"
    r"personenbezogen\w*|datenschutz\w*|consentement|données personnelles|navigateur|"
    r"consentimiento|datos personales|navegador|consenso|dati personali|samtycke|samtykke|"
    r"toestemming|zgod\w*)\b")
_PRIVACY_LAW = re.compile(
    r"\bright to opt[- ]out\b|\bsale of your personal information\b|"
    r"\bstore and/or access information on a device\b|\blegitimate interest\b|"
    r"\bberechtigte[sn]? interesse|\bintérêt légitime\b|\binterés legítimo\b")


def is_consent(text: str) -> bool:
    """A paragraph of a cookie or privacy-consent dialog (not a line of news about
    cookie law: the body's run decides that, from the paragraphs around it)."""
    low = text.casefold()
    if "cookie" in low and _COOKIE.search(low) and _COOKIE_PARTNER.search(low):
        return True
    return ("opt" in low or "interes" in low or "device" in low or "personal" in low) \
        and bool(_PRIVACY_LAW.search(low))


def mentions_cookies(text: str) -> bool:
    """Whether ``text`` names cookies (the web's, not the baker's: no partner word needed)."""
    return "ookie" in text and _COOKIE.search(text.casefold()) is not None


def has_call_to_action(line: str) -> bool:
    """A line that asks the reader to share, click or subscribe."""
    return bool(_CALL_TO_ACTION.search(line))


def is_player_line(line: str) -> bool:
    """A media player's control or settings line (``Mute``, ``Current Time 0:00``)."""
    return bool(_PLAYER.match(line.casefold().strip()))


# An image viewer's button under a photo of the article: enlarge, full screen.
_VIEWER = re.compile(
    r"detailansicht öffnen|bild vergrößern|vollbild( anzeigen)?|helskärm|fullskjerm|"
    r"fuldskærm|volledig scherm|plein écran|agrandir (l['’])?image|pantalla completa|"
    r"ampliar (la )?(imagen|foto)|schermo intero|ingrandisci( (l['’])?immagine)?|tela cheia|"
    r"pełny ekran|tam ekran|во весь экран|全画面(表示)?|全屏|전체 ?화면|"
    r"view (full size|larger( image)?)|open (in )?full ?screen|expand image|"
    r"open this (photo|image) in (the )?gallery:?|"
    # a photo's or a video's label alone, where the dump lost what it labels (not
    # "Foto:", which a photographer's name follows)
    r"(image|photo|video|bild|foto|grafik|imagen|vídeo)|"
    # and its counter: "Image 1 of 5", "Bild 1 von 10", "Foto 2 de 8"
    r"(image|photo|picture|slide|bild|foto|imagen|immagine|zdjęcie|bilde|billede|kuva)\s+"
    r"\d{1,3}\s*(of|von|de|sur|di|z|av|af|/)\s*\d{1,3}")


# An embedded post's or video's consent box, where the article goes on after it:
# "Empfohlener redaktioneller Inhalt", "YouTube-Inhalte erlauben", "Ich bin damit
# einverstanden, dass mir Inhalte von YouTube angezeigt werden", "Link zum YouTube-Inhalt".
_EMBED_NOTICE = re.compile(
    r"^empfohlener redaktioneller inhalt$|^([\w.-]{2,20}-)?inhalte? (erlauben|anzeigen|laden)$|"
    r"\binhalte von [\w.-]{2,20} angezeigt werden\b|\bmit einem klick anzeigen lassen\b|"
    r"\bpersonenbezogene daten (können|könnten) an drittplattformen\b|"
    r"^link zum [\w.-]{2,20}-inhalt$")


def is_embed_notice(line: str) -> bool:
    """A line of an embed's consent box: like a player's controls, neither for nor against
    the text around it."""
    return len(line) <= 200 and bool(_EMBED_NOTICE.search(line.casefold().strip()))


def is_viewer_button(line: str) -> bool:
    """An image viewer's button (``Vollbild``, ``Detailansicht öffnen``): like a player's
    controls, it is neither for nor against the text around it (a gallery in the
    article prints one under each photo)."""
    return len(line) <= 40 and bool(_VIEWER.fullmatch(line.casefold().strip()))


# A comment thread's heading that counts its comments ("24 Responses to “Day 1”",
# "12 thoughts on “Post”", "{ 7 comments… read them below or add one }", "8 users
# responded in “Post”", "One Response", "No comments yet", "Reader Comments (3)").
_THREAD_HEADING = re.compile(
    r"^(?:(?:\d[\d,.]*|one|no)\s+(?:[^\W\d_]+\s+)?"
    r"(?:comments?|responses?|replies|thoughts|reactions|users? responded)"
    r"(?:\s+(?:to|on|in|for)\s+[“\"'‘«„].{0,150}|\s+(?:yet|so far)|"
    r"[\s.…]*(?:read them below|leave a comment|add (?:one|yours|a comment)).{0,60})?|"
    r"(?:readers?['’]?|user) comments?(?:\s*\(?\d[\d,.]*\)?)?)$")


# The headings of _END that name a comment thread.
_THREAD_KEY = re.compile(r"^(?:comments?|view comments|leave a comment|kommentare|"
                         r"commentaires|comentarios|comentários|komentáře|комментарии|"
                         r"komentarze|yorumlar|kommentarer|コメント|评论|댓글)$")


def _counts_comments(line: str) -> bool:
    return bool(_THREAD_HEADING.match(line.casefold().strip(" \t{}[]()|•·:")))


def is_end_marker(line: str) -> bool:
    """A heading after which a page has related lists, comments or an author box."""
    return bool(_END.match(_key(line))) or _counts_comments(line)


def is_thread_heading(line: str) -> bool:
    """An end-of-article heading over a comment thread ("Comments", "12 thoughts on
    “Post”"): readers' comments, however long, are not the article."""
    return bool(_THREAD_KEY.match(_key(line))) or _counts_comments(line)


# A credit run into its caption, as a dump joins inline elements ("...a rabbitCredit: Getty").
_RUN_ON_CREDIT = re.compile(
    r"[a-z.,)](?:Photo|Foto|Image|Picture|Bild|Credit|Crédit|Crédito|Source|Quelle)s?"
    r"\s*:\s*[^.!?]{2,80}$|"
    # a label printed twice or glued to the name: "...in 2023.CreditCreditJeon Heo/EPA"
    r"[.!?)”\"](?:Credit|Crédit|Crédito)(?:Credit|Crédit|Crédito)?[A-ZÀ-Þ][^.!?]{2,80}$")


# A photo agency's name alone on its line, or two ("Getty", "AFP/Getty Images", "Rex").
_AGENCY = (r"(getty( images)?|afp|ap|epa|reuters|rex( features)?|corbis|shutterstock|"
           r"istock(photo)?|dpa|pa( images| wire)?|alamy|imago( images)?|picture alliance|"
           r"anadolu|xinhua|sipa|abaca|keystone|ansa|efe|ap photo)")
_CREDIT_BRANCHES = Branches(_CREDIT)
_AGENCY_LINE = re.compile(rf"^{_AGENCY}(\s*[/|,]\s*{_AGENCY})*$")


# "... este domingo en Madrid. EFE/ J.J. Guillén", "... el 11 de febrero pasado. EFE": a
# caption's sentence, then the agency and maybe the photographer (in the page's own
# capitals, so "a Reuters/Ipsos poll" is text).
_AGENCY_AND_NAME = re.compile(
    r"[.!?]\s+(?:EFE|Europa Press|ANSA|Xinhua|Anadolu|KEYSTONE|Keystone|Ritzau|Lusa|Belga|"
    r"ANP|PAP|dpa|DPA|EPA|AFP|AP|Reuters|REUTERS|Getty Images|IMAGO|Imago)"
    r"(?P<name>\s?/\s?(?:[A-ZÀ-Þ][\w.'’-]*\s?){1,4})?$")
CAPTION_CHARS = 200  # a caption with the agency alone after it is no longer than this

# "Erstes Bild: So könnte ...", "Neues Foto: ...": one or two words before the label make
# a kicker, and the line a headline, not a caption's credit.
_KICKER_PREFIX = re.compile(r"^\w+( \w+)? $")


# A caption naming who is in a picture, in order: "(L-R) Mike Pompeo, ...", "From left: ...",
# "Von links nach rechts: ...".
_LEFT_TO_RIGHT = re.compile(
    r"^(?:\((?:l-r|l to r|from left)\)|(?:l-r|from left|left to right|von links(?: nach rechts)?|"
    r"de gauche à droite|de izquierda a derecha|da sinistra(?: a destra)?)\s*:)\s")


def _agency_credit(line: str) -> bool:
    """A caption's sentence closed by the agency, with its photographer after a slash, or
    alone on a line no longer than a caption (a paragraph that ends "... sagte er. dpa"
    is text)."""
    found = _AGENCY_AND_NAME.search(line)
    return found is not None and (found["name"] is not None or len(line) <= CAPTION_CHARS)


def is_credit(line: str) -> bool:
    """A caption or photo credit (``... Photo: Name/AFP``, ``(Bild: Hersteller)``)."""
    key = line.casefold().strip()
    if _LEFT_TO_RIGHT.match(key):
        return True
    found = _CREDIT_BRANCHES.search(key)
    if found and ":" in found.group() and _KICKER_PREFIX.match(key[:found.start()]):
        found = None  # "Erstes Bild: So könnte ...": a kicker, not a label
    return bool(found or ((":" in line or "Cr" in line) and _RUN_ON_CREDIT.search(line))
                or _agency_credit(line)
                or (len(key) <= 40 and _AGENCY_LINE.match(key)))


# jusText's names for the languages tried first; any other stoplist is tried too.
_PREFERRED = ("English", "German", "French", "Spanish", "Portuguese", "Czech", "Italian",
              "Dutch", "Polish", "Slovak", "Swedish", "Danish", "Norwegian_Bokmal",
              "Finnish", "Hungarian", "Romanian", "Turkish", "Russian", "Ukrainian",
              "Indonesian", "Catalan", "Croatian", "Greek")
# Languages whose text is only told from the others by these lists (an article in
# Swahili, Icelandic or Korean under a menu in English); their words do not count as
# "a stopword of any language" (``in_any_stoplist``), where short words of so many
# languages would match a row of codes ("tv", "nt"). jusText's lists for the scripts of
# India are left out: ``blocks.tokens`` parts their words at the vowel signs, and the
# text's own frequent words (``_own_stopwords``) serve them better.
_ALSO_GUESSED = ("Swahili", "Icelandic", "Vietnamese", "Arabic", "Hebrew", "Persian",
                 "Bulgarian", "Serbian", "Slovenian", "Estonian", "Latvian", "Lithuanian",
                 "Afrikaans", "Tagalog", "Malay", "Korean", "Urdu", "Albanian", "Macedonian",
                 "Georgian", "Armenian", "Azerbaijani", "Kazakh", "Uzbek", "Welsh", "Irish",
                 "Basque", "Galician", "Belarusian", "Bosnian", "Yoruba", "Igbo")


# Chinese and Japanese are read a character at a time (``blocks.tokens``); jusText has
# no list for either. Their function characters: Japanese particles, endings and
# auxiliaries written in hiragana; Chinese particles, pronouns and prepositions, in
# simplified and traditional forms.
_CHARACTER_LISTS = {
    "Japanese": "のにはをがたでてとしもないからればるすますだっうこんくりどよやへそ",
    "Chinese": "的了是在和有不这這一也就都而及与與着著或个個们們为為之对對将將被从從到说說"
               "要以于於其等会會可他她我你那地得所把但又还還并並让讓已由该該此没沒很",
}


@lru_cache(maxsize=1)
def stoplists() -> dict[str, frozenset[str]]:
    """jusText's stoplists for the common languages, casefolded, and the function
    characters of Chinese and Japanese."""
    import justext  # type: ignore[import-untyped]

    available = justext.get_stoplists()
    lists = {name: frozenset(w.casefold() for w in justext.get_stoplist(name))
             for name in _PREFERRED + _ALSO_GUESSED if name in available}
    return lists | {name: frozenset(chars) for name, chars in _CHARACTER_LISTS.items()}


@lru_cache(maxsize=1)
def _lists_of() -> dict[str, tuple[str, ...]]:
    """word -> the stoplists that hold it: each distinct word of a text looked up once."""
    out: dict[str, list[str]] = {}
    for name, words in stoplists().items():
        for word in words:
            out.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in out.items()}


@lru_cache(maxsize=1)
def _common_stopwords() -> frozenset[str]:
    lists = stoplists()
    return frozenset(w for name in (*_PREFERRED, *_CHARACTER_LISTS) for w in lists[name])


def in_any_stoplist(word: str) -> bool:
    """Whether ``word`` (casefolded) is a stopword of any common language ("ich", "und",
    "the")."""
    return word in _common_stopwords()


def guess_stopwords(tokens: Sequence[str]) -> frozenset[str]:
    """The stoplist covering most of ``tokens`` (casefolded words of the long lines),
    weighed against the list's size so that big lists do not win by being big."""
    if not tokens:
        return stoplists()["English"]
    best, best_score = "English", -1.0
    sample = tokens[:3000]
    hits = dict.fromkeys(stoplists(), 0)  # per list: the sample's words in it
    lists_of = _lists_of()
    for token, count in Counter(sample).items():
        for name in lists_of.get(token, ()):
            hits[name] += count
    for name, words in stoplists().items():
        score = hits[name] / len(sample) - 0.00002 * len(words)
        if score > best_score:
            best, best_score = name, score
    if hits[best] < MIN_COVERAGE * len(sample):
        return _own_stopwords(sample)
    return stoplists()[best]


MIN_COVERAGE = 0.05  # a language's stopwords make up far more of its text than this
OWN_STOPWORDS = 40


def _own_stopwords(sample: Sequence[str]) -> frozenset[str]:
    """For a language no stoplist knows (Bengali, Hindi, Korean...): the text's own most
    frequent words, which in any language are mostly its function words."""
    counts = Counter(t for t in sample if not t.isdigit())
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return frozenset(word for word, n in ranked[:OWN_STOPWORDS] if n >= 3)
