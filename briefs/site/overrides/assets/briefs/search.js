/* Search for the briefs with Pagefind's JavaScript API (all files local, under pagefind/).
 *
 * - The header box (Material's look) shows the best hits as the reader types: title,
 *   date and a snippet; Enter opens the search page with the same words.
 * - The search page adds filters by region, category, source and date, kept in the URL.
 *
 * Text from the index is put into the page with textContent; the snippet's <mark> tags
 * are rebuilt as elements, never parsed as live HTML.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 20;
  var pagefindPromise = null;

  function rootUrl(base) {
    return new URL((base || ".").replace(/\/?$/, "/"), window.location.href);
  }

  function loadPagefind(base) {
    if (!pagefindPromise) {
      var root = rootUrl(base);
      pagefindPromise = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname, excerptLength: 24 }).then(function () {
          return pf;
        });
      });
    }
    return pagefindPromise;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /* The excerpt as text nodes and <mark> elements only. A <template> is inert: nothing
   * in it loads or runs, whatever the index holds. */
  function excerpt(htmlText) {
    var template = document.createElement("template");
    template.innerHTML = String(htmlText || "");
    var out = document.createDocumentFragment();
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") out.appendChild(el("mark", "", node.textContent));
      else out.appendChild(document.createTextNode(node.textContent || ""));
    });
    return out;
  }

  /* Chinese and Japanese are written without spaces: the index holds their overlapping
   * character pairs (briefs.site.pages.cjk_terms), so a query is split the same way. */
  var CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{2,}/g;

  function terms(words) {
    return words.replace(CJK_RUN, function (run) {
      var pairs = [];
      for (var i = 0; i < run.length - 1; i++) pairs.push(run.slice(i, i + 2));
      return " " + pairs.join(" ") + " ";
    }).trim();
  }

  /* A snippet for a hit: the excerpt around the words, or the brief's summary when the
   * words matched only the index's character pairs (whose excerpt means nothing). */
  function snippet(words, data) {
    if (words.match(CJK_RUN) && data.meta && data.meta.summary) {
      return document.createTextNode(data.meta.summary);
    }
    return excerpt(data.excerpt);
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  /* ---- the header box ---------------------------------------------------------- */

  function initHeader(form) {
    var input = form.querySelector("input[name=q]");
    var meta = form.parentNode.querySelector(".md-search-result__meta");
    var list = form.parentNode.querySelector(".md-search-result__list");
    var toggle = document.getElementById("__search");
    var base = form.getAttribute("data-base");
    var timer = null;
    var serial = 0;

    function open(state) {
      if (toggle && toggle.checked !== state) {
        toggle.checked = state;
        toggle.dispatchEvent(new Event("change"));
      }
    }

    function render(words, search, items) {
      list.textContent = "";
      meta.textContent = search.results.length
        ? plural(search.results.length, "matching brief")
        : "No matching briefs";
      items.forEach(function (data) {
        var li = el("li", "md-search-result__item");
        var a = el("a", "md-search-result__link");
        a.href = data.url;
        var article = el("article", "md-search-result__article md-typeset");
        article.appendChild(el("h1", "", (data.meta && data.meta.title) || data.url));
        if (data.meta && data.meta.date) article.appendChild(el("time", "brief-hit__date", data.meta.date));
        var p = el("p", "brief-hit__excerpt");
        p.appendChild(snippet(words, data));
        article.appendChild(p);
        a.appendChild(article);
        li.appendChild(a);
        list.appendChild(li);
      });
      var more = el("li", "md-search-result__item brief-hit__more");
      var link = el("a", "md-search-result__link", "Filter by region, category, source or date →");
      link.href = new URL("search/?q=" + encodeURIComponent(words), rootUrl(base)).href;
      more.appendChild(link);
      list.appendChild(more);
    }

    function run() {
      var words = input.value.trim();
      var mine = ++serial;
      if (!words) {
        list.textContent = "";
        meta.textContent = "Type to start searching";
        return;
      }
      meta.textContent = "Searching…";
      loadPagefind(base).then(function (pf) {
        return pf.search(terms(words)).then(function (search) {
          return Promise.all(search.results.slice(0, 8).map(function (r) { return r.data(); }))
            .then(function (items) { if (mine === serial) render(words, search, items); });
        });
      }).catch(function () {
        if (mine === serial) meta.textContent = "Search is not available on this copy of the site.";
      });
    }

    input.addEventListener("focus", function () { open(true); loadPagefind(base); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    form.addEventListener("reset", function () {
      setTimeout(run, 0);
      input.focus();
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        open(false);
        input.blur();
      }
    });
    if (toggle) {
      toggle.addEventListener("change", function () {
        if (toggle.checked) input.focus();
      });
    }
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (!typing && !event.ctrlKey && !event.metaKey && (event.key === "/" || event.key === "s")) {
        event.preventDefault();
        open(true);
        input.focus();
      }
    });
  }

  /* ---- the search page ---------------------------------------------------------- */

  function initPage(form) {
    var base = form.getAttribute("data-base");
    var status = document.querySelector(".brief-search__status");
    var list = document.querySelector(".brief-search__results");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var params = new URLSearchParams(window.location.search);
    var days = [];
    var serial = 0;

    ["q", "from", "to"].forEach(function (name) {
      if (params.get(name)) form.elements[name].value = params.get(name);
    });

    function fillSelects(pf) {
      return pf.filters().then(function (all) {
        days = Object.keys(all.day || {}).sort();
        selects.forEach(function (select) {
          var name = select.getAttribute("data-filter");
          var counts = all[name] || {};
          Object.keys(counts)
            .sort(function (a, b) { return counts[b] - counts[a] || a.localeCompare(b); })
            .forEach(function (value) {
              var option = el("option", "", value + " (" + counts[value] + ")");
              option.value = value;
              select.appendChild(option);
            });
          if (params.get(name)) select.value = params.get(name);
        });
      });
    }

    function filters() {
      var out = {};
      selects.forEach(function (select) {
        if (select.value) out[select.getAttribute("data-filter")] = select.value;
      });
      var from = form.elements.from.value;
      var to = form.elements.to.value;
      if (from || to) {
        out.day = { any: days.filter(function (d) { return (!from || d >= from) && (!to || d <= to); }) };
        if (!out.day.any.length) out.day.any = ["none"];
      }
      return out;
    }

    function remember() {
      var next = new URLSearchParams();
      ["q", "from", "to"].forEach(function (name) {
        if (form.elements[name].value) next.set(name, form.elements[name].value.trim());
      });
      selects.forEach(function (select) {
        if (select.value) next.set(select.name, select.value);
      });
      var query = next.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    }

    function show(items, from) {
      items.forEach(function (data) {
        var li = el("li", "brief-hit");
        var a = el("a", "brief-hit__title", (data.meta && data.meta.title) || data.url);
        a.href = data.url;
        li.appendChild(a);
        if (data.meta && data.meta.date) li.appendChild(el("time", "brief-hit__date", data.meta.date));
        var p = el("p", "brief-hit__excerpt");
        p.appendChild(snippet(form.elements.q.value.trim(), data));
        li.appendChild(p);
        list.appendChild(li);
      });
      return from + items.length;
    }

    function run(pf) {
      var mine = ++serial;
      var words = form.elements.q.value.trim();
      var chosen = filters();
      remember();
      list.textContent = "";
      var old = document.querySelector(".brief-search__more");
      if (old) old.remove();
      if (!words && !Object.keys(chosen).length) {
        status.textContent = "Type a word or choose a filter.";
        return Promise.resolve();
      }
      status.textContent = "Searching…";
      var options = { filters: chosen };
      if (!words) options.sort = { date: "desc" };
      return pf.search(words ? terms(words) : null, options).then(function (search) {
        if (mine !== serial) return;
        var total = search.results.length;
        status.textContent = total ? plural(total, "matching brief") : "No matching briefs.";
        var shown = 0;
        function page() {
          var slice = search.results.slice(shown, shown + PAGE_SIZE);
          return Promise.all(slice.map(function (r) { return r.data(); })).then(function (items) {
            if (mine !== serial) return;
            shown = show(items, shown);
            var button = document.querySelector(".brief-search__more");
            if (shown < total && !button) {
              button = el("button", "md-button md-button--primary brief-search__more", "Show more");
              button.type = "button";
              button.addEventListener("click", page);
              list.after(button);
            } else if (shown >= total && button) {
              button.remove();
            }
          });
        }
        return page();
      });
    }

    loadPagefind(base).then(function (pf) {
      return fillSelects(pf).then(function () {
        form.addEventListener("submit", function (event) { event.preventDefault(); run(pf); });
        form.addEventListener("change", function () { run(pf); });
        return run(pf);
      });
    }).catch(function () {
      status.textContent = "Search is not available on this copy of the site.";
    }).finally(function () {
      form.setAttribute("data-ready", "true");
    });
  }

  document.querySelectorAll("form[data-briefs-search]").forEach(initHeader);
  document.querySelectorAll("form[data-briefs-search-page]").forEach(initPage);
})();
