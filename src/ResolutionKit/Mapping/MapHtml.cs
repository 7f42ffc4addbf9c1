using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using ResolutionKit.Writing;

namespace ResolutionKit.Mapping;

/// <summary>
/// The self-contained HTML pages of the map and the register: a picture of the bodies and their overlaps, the
/// clusters, a searchable table of every relation, each expandable to its clauses side by side with the differences
/// marked. The page's script only filters; everything is in the page without it.
/// </summary>
internal static class MapHtml
{
    private const string Style = @"
:root{--ink:#1d2733;--muted:#5b6878;--line:#d8dee6;--accent:#1f5fa8;--del:#fbe1e1;--ins:#dff3e2;--bg:#f7f9fb}
*{box-sizing:border-box}body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans Arabic','Noto Sans CJK SC',sans-serif;color:var(--ink);margin:0;background:#fff}
header{background:var(--bg);border-bottom:1px solid var(--line);padding:1.2rem 2rem}h1{margin:0 0 .3rem;font-size:1.5rem}h2{font-size:1.15rem;margin:1.8rem 0 .6rem}
main{padding:0 2rem 3rem;max-width:1400px}.muted{color:var(--muted)}.stats span{margin-right:1.4rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}th{background:var(--bg);position:sticky;top:0}
.num{text-align:right;font-variant-numeric:tabular-nums}.chip{display:inline-block;border:1px solid var(--line);border-radius:1rem;padding:0 .5rem;margin:.1rem;font-size:.85rem;background:#fff}
.s-merge{color:#9b2c2c;font-weight:600}.s-cross-cite{color:#8a5a00;font-weight:600}.s-cited{color:var(--muted)}.s-related{color:var(--accent)}
details{margin:.2rem 0}summary{cursor:pointer;color:var(--accent)}.pair{display:grid;grid-template-columns:1fr 1fr;gap:.8rem;margin:.4rem 0 .8rem;padding:.5rem;background:var(--bg);border-radius:.3rem}
.pair div{white-space:pre-wrap}.pair .addr{font-size:.8rem;color:var(--muted);display:block;margin-bottom:.2rem}del{background:var(--del);text-decoration:line-through}ins{background:var(--ins);text-decoration:none}
.controls{display:flex;gap:1rem;align-items:center;margin:.6rem 0}.controls input{flex:1;max-width:32rem;padding:.4rem .6rem;border:1px solid var(--line);border-radius:.3rem;font:inherit}
svg text{font:12px system-ui,sans-serif}.past{color:#9b2c2c}.rtl{direction:rtl;text-align:right}.cluster{margin:.3rem 0}
";

    private const string Script = @"
(function(){
  var root=document.documentElement;
  window.addEventListener('error',function(e){root.setAttribute('data-script-errors',(parseInt(root.getAttribute('data-script-errors')||'0',10)+1).toString());});
  var q=document.getElementById('filter'),s=document.getElementById('suggestion'),rows=[].slice.call(document.querySelectorAll('tbody tr[data-search]'));
  function apply(){
    var words=(q?q.value:'').toLowerCase().split(/\s+/).filter(Boolean),kind=s?s.value:'',shown=0;
    rows.forEach(function(r){
      var t=r.getAttribute('data-search'),ok=words.every(function(w){return t.indexOf(w)>=0;})&&(!kind||r.getAttribute('data-kind')===kind);
      r.hidden=!ok;var d=r.nextElementSibling;if(d&&d.classList.contains('detail'))d.hidden=!ok;if(ok)shown++;
    });
    var c=document.getElementById('count');if(c)c.textContent=shown+' of '+rows.length;
    root.setAttribute('data-shown',shown.toString());
  }
  if(q)q.addEventListener('input',apply);if(s)s.addEventListener('change',apply);
  var h=/[#&]q=([^&]*)/.exec(location.hash);if(h&&q)q.value=decodeURIComponent(h[1].replace(/\+/g,' '));
  apply();root.setAttribute('data-ready','true');
})();
";

    public static string Render(CorpusMap map)
    {
        var sb = new StringBuilder();
        var byAddress = map.Instruments.ToDictionary(i => i.Address, i => i, StringComparer.Ordinal);
        Open(sb, "Map of related resolutions");
        var bodies = map.Instruments.GroupBy(i => i.Body).Select(g => $"{g.Count()} {E(g.Key)}");
        sb.Append("<header><h1>Map of related resolutions</h1><div class=\"stats muted\">")
          .Append($"<span>{map.Instruments.Count} instruments ({string.Join(", ", bodies)})</span>")
          .Append($"<span>{map.Relations.Count} relations</span><span>{map.Relations.Count(r => r.CrossBody)} across bodies</span>")
          .Append($"<span>{map.Clusters.Count} subject clusters</span></div>")
          .Append("<div class=\"muted\">Clauses overlap at a similarity of ").Append(Pct(map.Options.ClauseThreshold))
          .Append(" or more; instruments share a subject at ").Append(Pct(map.Options.SubjectThreshold))
          .Append("; same-body instruments are candidates for merging from ").Append(map.Options.MergeSharedClauses)
          .Append(" overlapping operative clauses or a subject similarity of ").Append(Pct(map.Options.MergeSubjectThreshold)).Append(".</div></header><main>");

        sb.Append("<h2>Bodies and their overlaps</h2>");
        Matrix(sb, map);

        if (map.Clusters.Count > 0)
        {
            sb.Append("<h2>Subjects</h2>");
            foreach (var c in map.Clusters)
            {
                sb.Append("<div class=\"cluster\"><strong>").Append(E(c.Label.Length == 0 ? "cluster " + c.Id : c.Label)).Append("</strong> ");
                foreach (var m in c.Members)
                {
                    sb.Append("<span class=\"chip\" title=\"").Append(E(byAddress[m].Title)).Append("\">").Append(E(byAddress[m].DisplayName)).Append("</span>");
                }

                sb.Append("</div>");
            }
        }

        sb.Append("<h2>Relations</h2><div class=\"controls\"><input id=\"filter\" type=\"search\" placeholder=\"Filter: a number, a body, a word of a title or a clause\" aria-label=\"Filter relations\">")
          .Append("<select id=\"suggestion\" aria-label=\"Suggestion\"><option value=\"\">every suggestion</option><option value=\"merge\">merge</option><option value=\"cross-cite\">cross-cite</option><option value=\"related\">related</option><option value=\"cited\">cited</option></select>")
          .Append("<span id=\"count\" class=\"muted\"></span></div>");
        sb.Append("<table id=\"relations\"><thead><tr><th>Instrument</th><th>Related instrument</th><th class=\"num\">Subject</th><th>Shared words</th><th>Citations</th><th class=\"num\">Clauses</th><th>Suggestion</th></tr></thead><tbody>");
        foreach (var r in map.Relations)
        {
            var a = byAddress[r.First];
            var b = byAddress[r.Second];
            var kind = MapWriter.Suggestion(r.Suggestion);
            var search = string.Join(" ", new[] { a.DisplayName, a.Title, b.DisplayName, b.Title, string.Join(" ", r.SharedTerms), kind }
                .Concat(r.Overlaps.SelectMany(o => new[] { o.FirstText, o.SecondText }))).ToLowerInvariant();
            sb.Append("<tr data-search=\"").Append(E(search)).Append("\" data-kind=\"").Append(kind).Append("\" data-first=\"").Append(E(r.First)).Append("\" data-second=\"").Append(E(r.Second)).Append("\">")
              .Append("<td>").Append(Name(a)).Append("</td><td>").Append(Name(b)).Append("</td>")
              .Append("<td class=\"num\">").Append(r.Subject > 0 ? Pct(r.Subject) : "–").Append("</td><td>")
              .Append(string.Join(" ", r.SharedTerms.Select(t => "<span class=\"chip\">" + E(t) + "</span>"))).Append("</td><td>")
              .Append(r.FirstCitesSecond && r.SecondCitesFirst ? "each cites the other" : r.FirstCitesSecond ? E(a.ShortName) + " cites " + E(b.ShortName) : r.SecondCitesFirst ? E(b.ShortName) + " cites " + E(a.ShortName) : "none")
              .Append("</td><td class=\"num\">").Append(r.Overlaps.Count).Append("</td><td class=\"s-").Append(kind).Append("\">").Append(kind).Append("</td></tr>");
            if (r.Overlaps.Count > 0)
            {
                sb.Append("<tr class=\"detail\"><td colspan=\"7\"><details><summary>")
                  .Append(r.Overlaps.Count == 1 ? "1 overlapping clause" : r.Overlaps.Count + " overlapping clauses").Append("</summary>");
                foreach (var o in r.Overlaps)
                {
                    var dir = o.Language == "ar" ? " class=\"rtl\" dir=\"rtl\"" : string.Empty;
                    sb.Append("<div class=\"pair\"><div").Append(dir).Append("><span class=\"addr\">").Append(E(o.First)).Append(" · ").Append(Pct(o.Similarity)).Append(" similar</span>");
                    Diff(sb, o.FirstText, o.SecondText, old: true);
                    sb.Append("</div><div").Append(dir).Append("><span class=\"addr\">").Append(E(o.Second)).Append("</span>");
                    Diff(sb, o.FirstText, o.SecondText, old: false);
                    sb.Append("</div></div>");
                }

                sb.Append("</details></td></tr>");
            }
        }

        sb.Append("</tbody></table>");

        sb.Append("<h2>Instruments</h2><table><thead><tr><th>Instrument</th><th>Title</th><th>Languages</th><th>Related</th></tr></thead><tbody>");
        foreach (var i in map.Instruments)
        {
            var related = map.RelationsOf(i.Address).Select(r => r.First == i.Address ? r.Second : r.First).Select(x => byAddress[x].DisplayName);
            sb.Append("<tr><td>").Append(E(i.DisplayName)).Append("</td><td>").Append(E(i.Title)).Append(i.Revision is null ? string.Empty : " <span class=\"muted\">(" + E(i.Revision) + ")</span>")
              .Append("</td><td>").Append(E(string.Join(" ", i.Languages))).Append("</td><td>").Append(E(string.Join(", ", related))).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        Close(sb);
        return sb.ToString();
    }

    public static string Render(TaskRegister register)
    {
        var sb = new StringBuilder();
        Open(sb, "Register of instructions");
        sb.Append("<header><h1>Register of instructions</h1><div class=\"stats muted\">")
          .Append($"<span>{register.Tasks.Count} instructions</span><span>{register.ByActor.Count()} actors</span>")
          .Append($"<span>{register.Tasks.Count(t => t.SameTaskElsewhere.Count > 0)} given elsewhere too</span>")
          .Append($"<span>{register.Tasks.Count(t => t.Past)} tied to past dates only</span></div>")
          .Append("<div class=\"muted\">Deadlines before ").Append(register.AsOf.Year.ToString(CultureInfo.InvariantCulture))
          .Append(" are past; two instructions to one actor are one task at a similarity of ").Append(Pct(register.Threshold)).Append(" or more.</div></header><main>");
        sb.Append("<div class=\"controls\"><input id=\"filter\" type=\"search\" placeholder=\"Filter: an actor, a resolution, a kind of work, a word\" aria-label=\"Filter instructions\"><span id=\"count\" class=\"muted\"></span></div>");
        foreach (var actor in register.ByActor)
        {
            var list = actor.ToList();
            sb.Append("<h2>").Append(E(Capital(list[0].ActorName))).Append(" <span class=\"muted\">(").Append(list.Count).Append(")</span></h2>");
            sb.Append("<table><thead><tr><th>Instrument</th><th>Clause</th><th>Kind</th><th>Cadence</th><th>Deadlines</th><th>Also given in</th></tr></thead><tbody>");
            foreach (var t in list)
            {
                var search = string.Join(" ", new[] { t.ActorName, t.InstrumentName, t.Text, t.Cadence }.Concat(t.Kinds)).ToLowerInvariant();
                var dir = t.Language == "ar" ? " class=\"rtl\" dir=\"rtl\"" : string.Empty;
                sb.Append("<tr data-search=\"").Append(E(search)).Append("\"><td>").Append(E(t.InstrumentName)).Append(" <span class=\"muted\">").Append(E(t.Verb)).Append("</span></td>")
                  .Append("<td").Append(dir).Append("><span class=\"muted\">").Append(E(t.Label)).Append("</span> ").Append(E(t.Text)).Append("</td>")
                  .Append("<td>").Append(E(string.Join(", ", t.Kinds))).Append("</td><td>").Append(E(t.Cadence)).Append("</td><td>")
                  .Append(string.Join(", ", t.Deadlines.Select(d => d.Past ? "<span class=\"past\" title=\"past\">" + E(d.Text) + " (past)</span>" : E(d.Text))))
                  .Append("</td><td>").Append(E(string.Join(", ", t.SameTaskElsewhere))).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        Close(sb);
        return sb.ToString();
    }

    private static void Matrix(StringBuilder sb, CorpusMap map)
    {
        var bodies = map.Instruments.Select(i => i.Body).Distinct().OrderBy(InstrumentOrder.BodyRank).ThenBy(b => b, StringComparer.Ordinal).ToList();
        var body = map.Instruments.ToDictionary(i => i.Address, i => i.Body, StringComparer.Ordinal);
        var counts = new Dictionary<(string, string), int>();
        foreach (var r in map.Relations.Where(r => r.Overlaps.Count > 0 || r.Subject >= map.Options.SubjectThreshold))
        {
            var (x, y) = (body[r.First], body[r.Second]);
            foreach (var key in x == y ? new[] { (x, y) } : new[] { (x, y), (y, x) })
            {
                counts[key] = (counts.TryGetValue(key, out var n) ? n : 0) + 1;
            }
        }

        var max = Math.Max(1, counts.Values.DefaultIfEmpty(0).Max());
        const int cell = 56;
        const int margin = 90;
        const int top = 24;
        var width = margin + (cell * bodies.Count) + 10;
        var height = top + (cell * bodies.Count) + 10;
        sb.Append("<svg role=\"img\" aria-label=\"Related instruments between bodies\" width=\"").Append(width).Append("\" height=\"").Append(height).Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\">");
        for (var i = 0; i < bodies.Count; i++)
        {
            var count = map.Instruments.Count(x => x.Body == bodies[i]);
            sb.Append("<text x=\"").Append(margin - 6).Append("\" y=\"").Append(top + (i * cell) + (cell / 2) + 4).Append("\" text-anchor=\"end\">").Append(E(bodies[i])).Append(" (").Append(count).Append(")</text>");
            sb.Append("<text x=\"").Append(margin + (i * cell) + (cell / 2)).Append("\" y=\"").Append(top - 8).Append("\" text-anchor=\"middle\">").Append(E(bodies[i])).Append("</text>");
            for (var j = 0; j < bodies.Count; j++)
            {
                var n = counts.TryGetValue((bodies[i], bodies[j]), out var c) ? c : 0;
                var shade = n == 0 ? "#f2f4f7" : Blend((double)n / max);
                sb.Append("<rect x=\"").Append(margin + (j * cell)).Append("\" y=\"").Append(top + (i * cell)).Append("\" width=\"").Append(cell - 2).Append("\" height=\"").Append(cell - 2)
                  .Append("\" fill=\"").Append(shade).Append("\"><title>").Append(E(bodies[i])).Append(" – ").Append(E(bodies[j])).Append(": ").Append(n).Append(" related pairs</title></rect>");
                if (n > 0)
                {
                    sb.Append("<text x=\"").Append(margin + (j * cell) + (cell / 2) - 1).Append("\" y=\"").Append(top + (i * cell) + (cell / 2) + 4).Append("\" text-anchor=\"middle\" fill=\"")
                      .Append((double)n / max > 0.5 ? "#fff" : "#1d2733").Append("\">").Append(n).Append("</text>");
                }
            }
        }

        sb.Append("</svg><div class=\"muted\">Pairs of instruments that share a subject or overlapping clauses, by body (the diagonal: within one body).</div>");
    }

    private static string Blend(double t)
    {
        // From a pale blue to the accent colour.
        int Mix(int a, int b) => (int)Math.Round(a + ((b - a) * (0.15 + (0.85 * t))));
        return $"#{Mix(0xe6, 0x1f):x2}{Mix(0xef, 0x5f):x2}{Mix(0xf8, 0xa8):x2}";
    }

    private static void Diff(StringBuilder sb, string first, string second, bool old)
    {
        foreach (var segment in Redline.WordDiff(first, second))
        {
            switch (segment.Kind)
            {
                case RedlineSegmentKind.Unchanged:
                    sb.Append(E(segment.Text));
                    break;
                case RedlineSegmentKind.Deleted when old:
                    sb.Append("<del>").Append(E(segment.Text)).Append("</del>");
                    break;
                case RedlineSegmentKind.Inserted when !old:
                    sb.Append("<ins>").Append(E(segment.Text)).Append("</ins>");
                    break;
            }
        }
    }

    private static string Name(MapInstrument i) =>
        "<strong>" + E(i.DisplayName) + "</strong><br><span class=\"muted\">" + E(i.Title) + "</span>";

    private static string Pct(double v) => Math.Round(v * 100).ToString(CultureInfo.InvariantCulture) + "%";

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static void Open(StringBuilder sb, string title) =>
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<meta name=\"generator\" content=\"reskit map\"><title>").Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>");

    private static void Close(StringBuilder sb) => sb.Append("</main><script>").Append(Script).Append("</script></body></html>\n");
}
