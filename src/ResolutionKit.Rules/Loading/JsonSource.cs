using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ResolutionKit.Model;

namespace ResolutionKit.Rules.Loading;

/// <summary>
/// A JSON file's text with its line starts, so that a token (or a character inside a string value) can be mapped
/// back to its exact line and column for error messages.
/// </summary>
public sealed class JsonSource
{
    private readonly List<int> _lineStarts = new() { 0 };

    /// <summary>Creates a source over a file's text.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="text">The text.</param>
    public JsonSource(string path, string text)
    {
        Path = path;
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The file path.</summary>
    public string Path { get; }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>Parses the text keeping line information; null (and an error) when it is not valid JSON.</summary>
    /// <param name="error">The error, with its location.</param>
    public JToken? Parse(out RuleLoadError? error)
    {
        error = null;
        try
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(Text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, CommentHandling = CommentHandling.Ignore });
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    error = new RuleLoadError(Path, new SourceSpan(reader.LineNumber, reader.LinePosition, 0, 0), "Unexpected content after the end of the JSON value");
                    return null;
                }
            }

            return token;
        }
        catch (JsonReaderException e)
        {
            error = new RuleLoadError(Path, Span(ErrorOffset(e), 0), "Invalid JSON: " + StripPosition(e.Message));
            return null;
        }
    }

    /// <summary>
    /// The offset of the character a reader error is about. Json.NET reports some errors one character early (at the
    /// whitespace before an unexpected character, or at the last character before the end of the text), so move to the
    /// character the message names, or past whitespace to the next token or the end of the text.
    /// </summary>
    private int ErrorOffset(JsonReaderException e)
    {
        var lineIndex = Math.Min(Math.Max(e.LineNumber, 1), _lineStarts.Count) - 1;
        var offset = Math.Min(Text.Length, _lineStarts[lineIndex] + Math.Max(e.LinePosition, 1) - 1);
        var named = System.Text.RegularExpressions.Regex.Match(e.Message, @"encountered(?: while parsing [^:]*)?: (?<c>.)\.");
        if (named.Success && offset + 1 < Text.Length && Text[offset] != named.Groups["c"].Value[0] && Text[offset + 1] == named.Groups["c"].Value[0])
        {
            offset++;
        }

        while (offset < Text.Length && char.IsWhiteSpace(Text[offset]))
        {
            offset++;
        }

        return offset;
    }

    /// <summary>The start of a token: the opening quote of a string, the brace of an object, the first character of a value.</summary>
    /// <param name="token">A token parsed from this source.</param>
    public SourceSpan Locate(JToken? token)
    {
        if (token is null || token is not IJsonLineInfo info || !info.HasLineInfo())
        {
            return new SourceSpan(1, 1, 0, 0);
        }

        var end = OffsetOf(info.LineNumber, info.LinePosition);
        if (token is JValue { Type: JTokenType.String })
        {
            var open = FindOpeningQuote(end);
            return Span(open, Math.Max(1, end - open + 1));
        }

        if (token is JProperty)
        {
            // Line info of a property is just after its name; point at the name.
            var open = FindOpeningQuote(BackToQuote(end));
            return Span(open, 1);
        }

        if (token is JValue)
        {
            var start = end;
            while (start > 0 && !IsDelimiter(Text[start - 1]))
            {
                start--;
            }

            return Span(start, end - start + 1);
        }

        return Span(end, 1);
    }

    /// <summary>The location of character <paramref name="index"/> of a string value's decoded text.</summary>
    /// <param name="token">A string value parsed from this source.</param>
    /// <param name="index">An index into the decoded string.</param>
    public SourceSpan LocateInString(JToken token, int index)
    {
        var start = Locate(token);
        var raw = start.Offset + 1;
        var decoded = 0;
        while (raw < Text.Length && decoded < index && Text[raw] != '"')
        {
            if (Text[raw] == '\\' && raw + 1 < Text.Length)
            {
                raw += Text[raw + 1] == 'u' ? 6 : 2;
            }
            else
            {
                raw++;
            }

            decoded++;
        }

        return Span(raw, 1);
    }

    private static bool IsDelimiter(char c) => c == ' ' || c == ':' || c == ',' || c == '[' || c == '\t' || c == '\n' || c == '\r';

    private int BackToQuote(int end)
    {
        var i = Math.Min(end, Text.Length - 1);
        while (i > 0 && Text[i] != '"')
        {
            i--;
        }

        return i;
    }

    private int FindOpeningQuote(int closing)
    {
        var i = Math.Min(closing, Text.Length - 1);
        if (i >= 0 && Text[i] != '"')
        {
            i = BackToQuote(i);
        }

        for (var j = i - 1; j >= 0; j--)
        {
            if (Text[j] == '"')
            {
                var backslashes = 0;
                for (var k = j - 1; k >= 0 && Text[k] == '\\'; k--)
                {
                    backslashes++;
                }

                if (backslashes % 2 == 0)
                {
                    return j;
                }
            }
        }

        return Math.Max(0, i);
    }

    private int OffsetOf(int line, int column)
    {
        var lineIndex = Math.Min(Math.Max(line, 1), _lineStarts.Count) - 1;
        return Math.Min(Text.Length == 0 ? 0 : Text.Length - 1, _lineStarts[lineIndex] + Math.Max(column, 1) - 1);
    }

    private SourceSpan Span(int offset, int length)
    {
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourceSpan(line + 1, offset - _lineStarts[line] + 1, offset, length);
    }

    private static string StripPosition(string message)
    {
        var i = message.IndexOf(" Path '", StringComparison.Ordinal);
        return i > 0 ? message.Substring(0, i) : message;
    }
}

/// <summary>An error in a rule file, a registry file or a configuration file: where, and what is wrong.</summary>
/// <param name="Path">The file.</param>
/// <param name="Span">Where in the file.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RuleLoadError(string Path, SourceSpan Span, string Message)
{
    /// <summary>Formats as <c>file:line:col: error: message</c>.</summary>
    public override string ToString() => $"{Path}:{Span.Line}:{Span.Column}: error: {Message}";
}
