/* geotimeline: the report page's own code. Draws the event table, embeds the Bokeh chart, fills
 * the chart's tooltip text from the page's single JSON copy of the events, and links map, chart
 * and table through geotimeline.emit("select", {events, origin}). Text only via textContent.
 */
(function () {
  "use strict";
  var GT = window.geotimeline;
  Promise.all([GT.loadJSON("gt-data"), GT.loadJSON("gt-bokeh")]).then(function (loaded) {
    start(loaded[0], loaded[1]);
  });

  /* Timing marks for the benchmark (visible in the browser's performance panel too). */
  function nextFrame() {
    return new Promise(function (resolve) { requestAnimationFrame(function () { setTimeout(resolve, 0); }); });
  }
  function mark(name) { if (window.performance && performance.mark) { performance.mark(name); } }

  function start(data, docs) {
    mark("gt-data-loaded");
    var ev = data.events, total = ev.title.length;
    GT.data = data;

    /* ---------- table ---------- */
    var tbody = document.querySelector("#gt-table tbody");
    var status = document.getElementById("gt-table-status");
    var prev = document.getElementById("gt-prev"), next = document.getElementById("gt-next");
    var showAll = document.getElementById("gt-show-all");
    var pageSize = data.options.pageSize;
    var all = [];
    for (var i = 0; i < total; i++) { all.push(i); }
    var list = all, page = 0, selected = {}, focusIndex = 0;

    /* A cell; `label` names the column when the table is shown as cards on narrow screens. */
    function cell(className, label, text) {
      var td = GT.el("td", className, text);
      if (label) { td.setAttribute("data-label", label); }
      return td;
    }

    function placesCell(i) {
      var td = cell("gt-col-places", "Places"), seen = {};
      GT.placeRefs(data, i).forEach(function (r) {
        if (seen[r.place]) { return; }
        seen[r.place] = true;
        if (td.childNodes.length) { td.appendChild(document.createTextNode(", ")); }
        var span = GT.el("span", "gt-place gt-role-" + data.roles[r.role], data.places.name[r.place]);
        span.title = data.roles[r.role];
        td.appendChild(span);
      });
      return td;
    }

    function row(i) {
      var tr = GT.el("tr", "gt-row");
      tr.setAttribute("data-event", String(i));
      tr.tabIndex = -1;
      if (selected[i]) { tr.setAttribute("aria-selected", "true"); }
      tr.appendChild(cell("gt-col-date", null, ev.label[i]));
      var titleCell = cell("gt-col-title", null);
      titleCell.appendChild(GT.el("span", "gt-row-title", ev.title[i]));
      if (ev.sentence[i]) {
        var refs = GT.placeRefs(data, i).map(function (r) { return [r.lo, r.hi]; });
        titleCell.appendChild(GT.sentence(ev.sentence[i], refs));
      }
      tr.appendChild(titleCell);
      tr.appendChild(placesCell(i));
      tr.appendChild(cell("gt-col-actors", "Actors", ev.actors[i].map(function (a) { return data.actors[a]; }).join(", ")));
      var st = GT.statusName(data, i), statusCell = cell("gt-col-status", null);
      statusCell.appendChild(GT.el("span", "gt-badge gt-status-" + st, st));
      tr.appendChild(statusCell);
      var srcCell = cell("gt-col-source", "Source");
      ev.sources[i].forEach(function (s, k) {
        if (k) { srcCell.appendChild(document.createTextNode(", ")); }
        srcCell.appendChild(GT.sourceNode(data, s));
      });
      tr.appendChild(srcCell);
      return tr;
    }

    function pages() { return Math.max(1, Math.ceil(list.length / pageSize)); }

    function draw(focus) {
      page = Math.max(0, Math.min(page, pages() - 1));
      var start = page * pageSize, stop = Math.min(list.length, start + pageSize);
      var frag = document.createDocumentFragment();
      for (var k = start; k < stop; k++) { frag.appendChild(row(list[k])); }
      tbody.textContent = "";
      tbody.appendChild(frag);
      var rows = tbody.rows;
      focusIndex = Math.max(0, Math.min(focusIndex, rows.length - 1));
      if (rows.length) { rows[focusIndex].tabIndex = 0; }
      var what = list === all ? "" : "selected ";
      status.textContent = list.length === 0 ? "No events." :
        "Showing " + what + "events " + (start + 1) + "–" + stop + " of " + list.length +
        (list === all ? "" : " (of " + total + " in all)") + ".";
      prev.disabled = page === 0;
      next.disabled = page >= pages() - 1;
      showAll.hidden = list === all;
      if (focus && rows.length) { rows[focusIndex].focus(); }
    }

    function moveFocus(to) {
      var rows = tbody.rows;
      if (!rows.length) { return; }
      if (to < 0 && page > 0) { page -= 1; focusIndex = pageSize - 1; draw(true); return; }
      if (to >= rows.length && page < pages() - 1) { page += 1; focusIndex = 0; draw(true); return; }
      to = Math.max(0, Math.min(to, rows.length - 1));
      rows[focusIndex].tabIndex = -1;
      focusIndex = to;
      rows[to].tabIndex = 0;
      rows[to].focus();
    }

    function rowIndex(tr) { return Array.prototype.indexOf.call(tbody.rows, tr); }

    tbody.addEventListener("keydown", function (e) {
      var tr = e.target.closest ? e.target.closest("tr") : null;
      if (!tr) { return; }
      var at = rowIndex(tr), handled = true;
      switch (e.key) {
        case "ArrowDown": moveFocus(at + 1); break;
        case "ArrowUp": moveFocus(at - 1); break;
        case "Home": moveFocus(0); break;
        case "End": moveFocus(tbody.rows.length - 1); break;
        case "PageDown": if (page < pages() - 1) { page += 1; focusIndex = 0; draw(true); } break;
        case "PageUp": if (page > 0) { page -= 1; focusIndex = 0; draw(true); } break;
        case "Enter": case " ": selectRow(tr); break;
        default: handled = false;
      }
      if (handled) { e.preventDefault(); }
    });
    tbody.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest("a")) { return; }
      var tr = e.target.closest ? e.target.closest("tr") : null;
      if (tr) { focusIndex = rowIndex(tr); selectRow(tr); }
    });
    function selectRow(tr) {
      GT.emit("select", { events: [Number(tr.getAttribute("data-event"))], origin: "table" });
    }
    prev.addEventListener("click", function () { page -= 1; focusIndex = 0; draw(false); });
    next.addEventListener("click", function () { page += 1; focusIndex = 0; draw(false); });
    showAll.addEventListener("click", function () { GT.emit("select", { events: [], origin: "table" }); });

    GT.on("select", function (detail) {
      selected = {};
      detail.events.forEach(function (e) { selected[e] = true; });
      if (detail.origin === "table") {
        if (!detail.events.length) { list = all; page = 0; focusIndex = 0; draw(false); return; }
        Array.prototype.forEach.call(tbody.rows, function (tr) {
          if (selected[tr.getAttribute("data-event")]) { tr.setAttribute("aria-selected", "true"); }
          else { tr.removeAttribute("aria-selected"); }
        });
        return;
      }
      list = detail.events.length ? detail.events.slice().sort(function (a, b) { return a - b; }) : all;
      page = 0; focusIndex = 0;
      draw(false);
    });
    draw(false);
    mark("gt-table-ready");

    /* On paper every listed event is printed (up to a limit a printer will bear), not one page. */
    var PRINT_LIMIT = 2000, savedSize = pageSize;
    window.addEventListener("beforeprint", function () {
      if (list.length <= PRINT_LIMIT) { pageSize = Math.max(list.length, 1); page = 0; draw(false); }
    });
    window.addEventListener("afterprint", function () { pageSize = savedSize; draw(false); });

    /* ---------- chart ---------- */
    function textColumns() {
      // Mirrors timeline.render.chart.text_columns: keep the two in step.
      var cols = { title: [], label: [], status_text: [], places: [], s_pre: [], s_hit: [], s_post: [], source: [] };
      for (var i = 0; i < total; i++) {
        var refs = GT.placeRefs(data, i), names = [], seen = {}, lo = -1, hi = -1;
        refs.forEach(function (r) {
          if (!seen[r.place]) { seen[r.place] = true; names.push(data.places.name[r.place]); }
          if (lo < 0 && r.lo >= 0) { lo = r.lo; hi = r.hi; }
        });
        var s = ev.sentence[i];
        cols.title.push(ev.title[i]);
        cols.label.push(ev.label[i]);
        cols.status_text.push(GT.statusName(data, i));
        cols.places.push(names.join(", "));
        cols.s_pre.push(lo >= 0 ? s.slice(0, lo) : s);
        cols.s_hit.push(lo >= 0 ? s.slice(lo, hi) : "");
        cols.s_post.push(lo >= 0 ? s.slice(hi) : "");
        cols.source.push(ev.sources[i].map(function (k) { return data.sources[k][0]; }).join(" · "));
      }
      return cols;
    }

    /* Put the tooltip text into the chart's document before Bokeh draws it (filling it in
     * afterwards would make Bokeh draw every glyph twice). */
    function addTextColumns(docJson) {
      var stack = [docJson], node, cols = textColumns();
      while (stack.length) {
        node = stack.pop();
        if (!node || typeof node !== "object") { continue; }
        if (node.name === "ColumnDataSource" && node.attributes && node.attributes.name === "gt-events") {
          Object.keys(cols).forEach(function (k) { node.attributes.data.entries.push([k, cols[k]]); });
          return;
        }
        if (Array.isArray(node)) { for (var k = 0; k < node.length; k++) { stack.push(node[k]); } }
        else { Object.keys(node).forEach(function (key) { stack.push(node[key]); }); }
      }
    }

    function linkChart(doc) {
      var source = doc.get_model_by_name("gt-events");
      if (!source) { return; }
      var selection = source.selected, quiet = false;
      selection.connect(selection.properties.indices.change, function () {
        if (quiet) { return; }
        GT.emit("select", { events: Array.from(selection.indices), origin: "chart" });
      });
      GT.on("select", function (detail) {
        if (detail.origin === "chart") { return; }
        quiet = true;
        selection.indices = detail.events.slice();
        quiet = false;
      });
      GT.chartSource = source;
    }

    var chartBox = document.getElementById("gt-chart"), chartDone = Promise.resolve();
    if (docs && window.Bokeh && chartBox) {
      var rootId = chartBox.getAttribute("data-root-id"), roots = {};
      roots[rootId] = "gt-chart";
      // The map sits above the chart: let it draw and paint first, then build the chart.
      chartDone = (GT.mapReady || Promise.resolve()).then(nextFrame).then(function () {
        var before = Bokeh.documents.length;
        addTextColumns(docs);
        return Promise.resolve(Bokeh.embed.embed_items({ "gt-doc": docs },
          [{ docid: "gt-doc", roots: roots, root_ids: [rootId] }])).then(function () {
          var doc = Bokeh.documents[before];
          if (doc) { linkChart(doc); }
          mark("gt-chart-ready");
        });
      });
    }
    // Ready (for people's scripts and our tests) once the map, the table and the chart are live.
    Promise.all([chartDone, GT.mapReady || Promise.resolve()]).then(function () {
      mark("gt-ready");
      document.documentElement.setAttribute("data-gt-ready", "true");
    });

    /* ---------- embedding: tell a parent page how tall we are ---------- */
    if (window.parent !== window && window.ResizeObserver) {
      var post = function () {
        // The body's own box: absolutely placed tooltips must not make the frame grow.
        window.parent.postMessage({ type: "geotimeline:height",
          height: Math.ceil(document.body.getBoundingClientRect().height) }, "*");
      };
      new ResizeObserver(post).observe(document.body);
    }
  }
})();
