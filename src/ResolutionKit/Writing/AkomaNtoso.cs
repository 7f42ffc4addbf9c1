using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;

namespace ResolutionKit.Writing;

/// <summary>
/// Akoma Ntoso 3.0 (OASIS LegalDocML, the form of the AKN4UN guidelines for UN document systems): a resolution as a
/// <c>statement</c> named <c>deliberation</c>, with FRBR identifiers for the body, the meeting and the language, the
/// title, number and history in the <c>preface</c>, the conference formula and the preambular groups as
/// <c>formula</c> and <c>recitals</c>, the operative groups as <c>hcontainer</c>s of numbered <c>paragraph</c>s and
/// <c>subparagraph</c>s, citations of other instruments as <c>ref</c>s, and footnotes (as <c>authorialNote</c>s) and
/// annexes in the <c>conclusions</c>. <see cref="Read"/> takes such a document back to the model: writing a resolution
/// and reading it again gives the same resolution.
/// </summary>
public static class AkomaNtoso
{
    /// <summary>The Akoma Ntoso 3.0 namespace.</summary>
    public const string Namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    private static readonly XNamespace Akn = Namespace;

    private static readonly Dictionary<string, string> Iso6392 = new(StringComparer.Ordinal)
    {
        ["en"] = "eng", ["fr"] = "fra", ["es"] = "spa", ["ru"] = "rus", ["ar"] = "ara", ["zh"] = "zho",
    };

    /// <summary>Writes a resolution as an Akoma Ntoso document.</summary>
    /// <param name="resolution">The resolution.</param>
    public static string Write(Resolution resolution)
    {
        if (resolution is null)
        {
            throw new ArgumentNullException(nameof(resolution));
        }

        var work = WorkUri(resolution.Id, resolution.Revision);
        var language = Iso6392.TryGetValue(resolution.Language, out var l) ? l : resolution.Language;
        var year = (resolution.Revision?.Year ?? resolution.History.LastOrDefault()?.Year ?? 0) is var y and > 0 ? y : 1865;
        var date = new DateTime(year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var author = "#" + Organization(resolution.Id.Body);
        var titleLine = resolution.TitleLine ?? ResolutionTextWriter.TitleLineOf(resolution);

        var meta = new XElement(Akn + "meta",
            new XElement(Akn + "identification", new XAttribute("source", "#resolutionkit"),
                new XElement(Akn + "FRBRWork",
                    Value("FRBRthis", work + "/!main"),
                    Value("FRBRuri", work),
                    new XElement(Akn + "FRBRdate", new XAttribute("date", date), new XAttribute("name", "year of adoption")),
                    new XElement(Akn + "FRBRauthor", new XAttribute("href", author)),
                    Value("FRBRcountry", "un"),
                    Value("FRBRnumber", resolution.Id.Number),
                    Value("FRBRname", titleLine)),
                new XElement(Akn + "FRBRExpression",
                    Value("FRBRthis", work + "/" + language + "@/!main"),
                    Value("FRBRuri", work + "/" + language + "@"),
                    new XElement(Akn + "FRBRdate", new XAttribute("date", date), new XAttribute("name", "year of adoption")),
                    new XElement(Akn + "FRBRauthor", new XAttribute("href", author)),
                    new XElement(Akn + "FRBRlanguage", new XAttribute("language", language))),
                new XElement(Akn + "FRBRManifestation",
                    Value("FRBRthis", work + "/" + language + "@/!main.akn"),
                    Value("FRBRuri", work + "/" + language + "@.akn"),
                    new XElement(Akn + "FRBRdate", new XAttribute("date", date), new XAttribute("name", "year of adoption")),
                    new XElement(Akn + "FRBRauthor", new XAttribute("href", "#resolutionkit")))),
            new XElement(Akn + "references", new XAttribute("source", "#resolutionkit"),
                new XElement(Akn + "TLCOrganization", new XAttribute("eId", Organization(resolution.Id.Body)), new XAttribute("href", "/ontology/organization/itu/" + resolution.Id.Body.Code.ToLowerInvariant()), new XAttribute("showAs", resolution.Id.Body.Name)),
                new XElement(Akn + "TLCOrganization", new XAttribute("eId", "resolutionkit"), new XAttribute("href", "/ontology/organization/resolutionkit"), new XAttribute("showAs", "ResolutionKit"))));

        // Unplaced text keeps its place: before the title line, after the formula, or after the operative part.
        var titleAt = resolution.Span?.Line ?? 0;
        var lastAt = Math.Max(resolution.Clauses().Select(c => c.Clause.Span?.Line ?? 0).DefaultIfEmpty(0).Max(), resolution.Groups.Select(g => g.Span?.Line ?? 0).DefaultIfEmpty(0).Max());
        string Place(Paragraph p) => p.Span is { } s && s.Line < titleAt ? "front" : p.Span is { } t && t.Line > titleAt && lastAt > 0 && t.Line > lastAt ? "after" : "middle";

        var preface = new XElement(Akn + "preface",
            resolution.Unplaced.Where(p => Place(p) == "front").Select(p => P("unplaced-front", p.Text)),
            new XElement(Akn + "p", new XAttribute("class", "titleLine"), new XElement(Akn + "docNumber", titleLine)),
            new XElement(Akn + "p", new XAttribute("class", "title"), new XElement(Akn + "docTitle", resolution.Title)),
            resolution.History.IsEmpty ? null : P("history", ResolutionTextWriter.HistoryLineOf(resolution)));

        var nodes = resolution.Clauses().ToList();
        var index = 0;
        var preamble = new XElement(Akn + "preamble",
            resolution.ConferenceFormula is null ? null : new XElement(Akn + "formula", new XAttribute("name", "enactingFormula"), P(null, resolution.ConferenceFormula)),
            resolution.Unplaced.Where(p => Place(p) == "middle").Select(p => new XElement(Akn + "container", new XAttribute("name", "unplaced"), P(null, p.Text))));
        var mainBody = new XElement(Akn + "mainBody");
        foreach (var node in resolution.GroupNodes())
        {
            var group = node.Group;
            var id = Id(node.Address, resolution.Address);
            if (group.Part == Part.Preamble)
            {
                if (group.Clauses.IsEmpty)
                {
                    preamble.Add(new XElement(Akn + "container", new XAttribute("name", "emptyGroup"), new XAttribute("eId", id), P("heading", group.Heading)));
                    continue;
                }

                var recitals = new XElement(Akn + "recitals", new XAttribute("eId", id), new XElement(Akn + "intro", P("heading", group.Heading)));
                foreach (var clause in group.Clauses)
                {
                    Flatten(clause, recitals);
                }

                preamble.Add(recitals);
            }
            else
            {
                var container = new XElement(Akn + "hcontainer", new XAttribute("name", "operativeGroup"), new XAttribute("eId", id), new XElement(Akn + "heading", group.Heading));
                if (group.Clauses.IsEmpty)
                {
                    container.Add(new XElement(Akn + "content", P(null, string.Empty)));
                }

                foreach (var clause in group.Clauses)
                {
                    container.Add(Hierarchy(clause, "paragraph"));
                }

                mainBody.Add(container);
            }
        }

        if (!mainBody.HasElements)
        {
            mainBody.Add(new XElement(Akn + "hcontainer", new XAttribute("name", "noOperativePart"), new XElement(Akn + "content", P(null, string.Empty))));
        }

        var conclusions = new XElement(Akn + "conclusions",
            resolution.Unplaced.Where(p => Place(p) == "after").Select(p => new XElement(Akn + "container", new XAttribute("name", "unplaced"), P(null, p.Text))),
            resolution.Footnotes.Select(f => new XElement(Akn + "container", new XAttribute("name", "footnote"),
                new XElement(Akn + "p", new XElement(Akn + "authorialNote", new XAttribute("marker", f.Marker), new XAttribute("placement", "bottom"), new XAttribute("eId", "fn_" + Token(f.Marker)), P(null, f.Text))))),
            resolution.Annexes.Select((a, i) => new XElement(Akn + "container", new XAttribute("name", "annex"), new XAttribute("eId", "annex_" + (i + 1).ToString(CultureInfo.InvariantCulture)),
                P("heading", a.Heading), a.Title is null ? null : P("title", a.Title), a.Paragraphs.Select(p => P(null, p.Text)))));

        var statement = new XElement(Akn + "statement", new XAttribute("name", "deliberation"), meta, preface, preamble.HasElements ? preamble : null, mainBody, conclusions.HasElements ? conclusions : null);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Akn + "akomaNtoso", statement));
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(new System.IO.StringWriter(sb, CultureInfo.InvariantCulture), new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"") + "\n";

        void Flatten(Clause clause, XElement recitals)
        {
            var address = index < nodes.Count ? nodes[index].Address : null;
            index++;
            recitals.Add(new XElement(Akn + "recital", address is null ? null : new XAttribute("eId", Id(address, resolution.Address)), clause.Label.Length == 0 ? null : new XElement(Akn + "num", clause.Label), Inline(clause)));
            foreach (var sub in clause.SubClauses)
            {
                Flatten(sub, recitals);
            }
        }

        XElement Hierarchy(Clause clause, string element)
        {
            var address = index < nodes.Count ? nodes[index].Address : null;
            index++;
            var e = new XElement(Akn + element, address is null ? null : new XAttribute("eId", Id(address, resolution.Address)), clause.Label.Length == 0 ? null : new XElement(Akn + "num", clause.Label));
            if (clause.SubClauses.IsEmpty)
            {
                e.Add(new XElement(Akn + "content", Inline(clause)));
            }
            else
            {
                e.Add(new XElement(Akn + "intro", Inline(clause)));
                foreach (var sub in clause.SubClauses)
                {
                    e.Add(Hierarchy(sub, "subparagraph"));
                }
            }

            return e;
        }
    }

    /// <summary>Reads an Akoma Ntoso document written by <see cref="Write"/> (or laid out the same way) back into the model.</summary>
    /// <param name="xml">The document.</param>
    /// <param name="path">The path to name in locations.</param>
    public static ParseResult<Resolution> Read(string xml, string? path = null)
    {
        XDocument document;
        try
        {
            // Whitespace is kept: the space between two citations is text. Indentation around elements is trimmed below.
            document = XDocument.Parse(xml, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            return Fail(path, e.LineNumber, e.LinePosition, "This is not well-formed XML: " + e.Message);
        }

        var statement = document.Root?.Name == Akn + "akomaNtoso" ? document.Root.Elements().FirstOrDefault() : null;
        if (statement is null)
        {
            var at = (IXmlLineInfo?)document.Root;
            return Fail(path, at?.LineNumber ?? 1, at?.LinePosition ?? 1, "The root element is not an Akoma Ntoso 3.0 <akomaNtoso> (namespace " + Namespace + ") holding a document");
        }

        // The document is laid out as the text the reader reads, in the writer's order, and read: one reader for every
        // form. Text the reader could not place is left out and put back afterwards, as written, where it stood.
        var lines = new List<string>();
        void Block(IEnumerable<string> texts)
        {
            var list = texts.ToList();
            if (list.Count == 0)
            {
                return;
            }

            lines.AddRange(list);
            lines.Add(string.Empty);
        }

        var preface = statement.Element(Akn + "preface");
        var preamble = statement.Element(Akn + "preamble");
        var conclusions = statement.Element(Akn + "conclusions");
        Block(preface?.Elements(Akn + "p").Where(p => (string?)p.Attribute("class") == "titleLine").Select(Text) ?? Enumerable.Empty<string>());
        Block(preface?.Elements(Akn + "p").Where(p => (string?)p.Attribute("class") == "title").Select(Text) ?? Enumerable.Empty<string>());
        Block(ByClass(preface, "history"));
        Block(preamble?.Elements(Akn + "formula").Select(Text) ?? Enumerable.Empty<string>());
        foreach (var group in (preamble?.Elements().Where(e => e.Name == Akn + "recitals" || (e.Name == Akn + "container" && (string?)e.Attribute("name") == "emptyGroup")) ?? Enumerable.Empty<XElement>())
            .Concat(statement.Element(Akn + "mainBody")?.Elements(Akn + "hcontainer").Where(h => (string?)h.Attribute("name") == "operativeGroup") ?? Enumerable.Empty<XElement>()))
        {
            var heading = group.Name == Akn + "hcontainer" ? Text(group.Element(Akn + "heading")!) : Text(group.Element(Akn + "intro") ?? group);
            lines.Add(heading);
            var clauses = group.Name == Akn + "recitals" ? group.Elements(Akn + "recital").ToList() : Descend(group).ToList();
            for (var i = 0; i < clauses.Count; i++)
            {
                var label = (string?)clauses[i].Element(Akn + "num") ?? string.Empty;
                if (i > 0 && label.Length == 0)
                {
                    lines.Add(string.Empty);
                }

                var body = clauses[i].Name == Akn + "recital" ? Text(clauses[i], except: "num") : Text(clauses[i].Element(Akn + "content") ?? clauses[i].Element(Akn + "intro")!);
                lines.Add(label.Length == 0 ? body : label + "\t" + body);
            }

            lines.Add(string.Empty);
        }

        Block(conclusions?.Elements(Akn + "container").Where(c => (string?)c.Attribute("name") == "footnote")
            .Select(c => c.Descendants(Akn + "authorialNote").First())
            .Select(n => Superscripts((string?)n.Attribute("marker") ?? string.Empty) + "\t" + Text(n)) ?? Enumerable.Empty<string>());
        foreach (var annex in conclusions?.Elements(Akn + "container").Where(c => (string?)c.Attribute("name") == "annex") ?? Enumerable.Empty<XElement>())
        {
            foreach (var p in annex.Elements(Akn + "p"))
            {
                lines.Add(Text(p));
                lines.Add(string.Empty);
            }
        }

        var results = ResolutionTextReader.ReadAll(string.Join("\n", lines), path);
        var read = results.Count == 1 ? results[0] : ParseResult<Resolution>.Create(results.FirstOrDefault()?.Value, results.SelectMany(r => r.Diagnostics));
        if (read.Value is not { } value)
        {
            return read;
        }

        // (A page number left in a copy is kept as written, not taken for page furniture a second time.)
        var unplaced = ByClass(preface, "unplaced-front").Select(t => new Paragraph(t) { Span = new SourceSpan(0, 1, 0, 0) })
            .Concat(preamble?.Elements(Akn + "container").Where(c => (string?)c.Attribute("name") == "unplaced").Select(c => new Paragraph(Text(c).Trim())) ?? Enumerable.Empty<Paragraph>())
            .Concat(conclusions?.Elements(Akn + "container").Where(c => (string?)c.Attribute("name") == "unplaced").Select(c => new Paragraph(Text(c).Trim()) { Span = new SourceSpan(int.MaxValue / 2, 1, 0, 0) }) ?? Enumerable.Empty<Paragraph>());
        return ParseResult<Resolution>.Create(value with { Unplaced = Collections.EquatableArray.ToEquatableArray(unplaced) }, read.Diagnostics.Where(d => d.Id != ReadingDiagnostics.PageFurniture.Id && d.Id != ReadingDiagnostics.Unplaced.Id));
    }

    private static IEnumerable<XElement> Descend(XElement container)
    {
        foreach (var e in container.Elements().Where(e => e.Name == Akn + "paragraph" || e.Name == Akn + "subparagraph"))
        {
            yield return e;
            foreach (var sub in Descend(e))
            {
                yield return sub;
            }
        }
    }

    private static IEnumerable<string> ByClass(XElement? parent, string cls) =>
        parent?.Elements(Akn + "p").Where(p => (string?)p.Attribute("class") == cls).Select(Text) ?? Enumerable.Empty<string>();

    /// <summary>The text of an element as written (citations and other inline elements give their text), without the indentation around it.</summary>
    private static string Text(XElement element) => Text(element, null);

    private static string Text(XElement element, string? except) => Inner(element, except).Trim();

    private static string Inner(XElement element, string? except)
    {
        var sb = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    sb.Append(t.Value);
                    break;
                case XElement e when e.Name.LocalName != except:
                    sb.Append(Inner(e, null));
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A clause's text as a paragraph, with each citation of another instrument as a <c>ref</c> to its work.</summary>
    private static XElement Inline(Clause clause)
    {
        var p = new XElement(Akn + "p");
        var at = 0;
        foreach (var reference in clause.References.Where(r => r.TargetId is not null).OrderBy(r => r.Start))
        {
            if (reference.Start < at || reference.Start + reference.Text.Length > clause.Text.Length)
            {
                continue;
            }

            p.Add(clause.Text.Substring(at, reference.Start - at));
            p.Add(new XElement(Akn + "ref", new XAttribute("href", WorkUri(reference.TargetId!, reference.Revision)), reference.Text));
            at = reference.Start + reference.Text.Length;
        }

        p.Add(clause.Text.Substring(at));
        return p;
    }

    private static XElement P(string? cls, string text) => new(Akn + "p", cls is null ? null : new XAttribute("class", cls), text);

    private static XElement Value(string name, string value) => new(Akn + name, new XAttribute("value", value));

    private static string Organization(Body body) => "itu-" + body.Code.ToLowerInvariant();

    /// <summary>The work's URI: body, kind and number, and the meeting of the revision when known.</summary>
    private static string WorkUri(InstrumentId id, Revision? revision)
    {
        var kind = id.Kind.ToString().ToLowerInvariant();
        var year = revision?.Year is { } y and > 0 ? y.ToString(CultureInfo.InvariantCulture) : "undated";
        return "/akn/un/statement/deliberation/" + Organization(id.Body) + "/" + year + "/" + kind + "-" + Token(id.Number);
    }

    /// <summary>An identifier made of the characters AKN allows in eIds and URI segments.</summary>
    private static string Token(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            sb.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '.' ? c : '_');
        }

        return sb.Length == 0 ? "_" : sb.ToString();
    }

    private static string Id(string address, string resolution) =>
        Token(address.StartsWith(resolution + "/", StringComparison.Ordinal) ? address.Substring(resolution.Length + 1) : address).Replace('.', '-') is var t && char.IsLetter(t[0]) ? t : "n" + t;

    private static string Superscripts(string marker) => Internal.Superscripts.FromPlain(marker);

    private static ParseResult<Resolution> Fail(string? path, int line, int column, string message) =>
        ParseResult<Resolution>.Create(null, new[] { Diagnostic.Create(ReadingDiagnostics.NotText, new Location(path, string.Empty, new SourceSpan(Math.Max(1, line), Math.Max(1, column), 0, 0)), message) });
}
