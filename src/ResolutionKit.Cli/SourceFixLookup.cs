using System;
using System.Collections.Generic;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using ResolutionKit.Reading;

namespace ResolutionKit.Cli;

/// <summary>A fix made on a file as written: the replacements, and the line and column of an offset in that file.</summary>
internal sealed record SourceFix(IReadOnlyList<TextReplacement> Replacements, Func<int, (int Line, int Column)> Position);

/// <summary>
/// Finds, for a finding's fix, the replacements that make it on the file the finding is in (for the JSON and SARIF
/// reports). Files are read again only when one of their findings has a fix, and each fix is mapped once.
/// </summary>
internal sealed class SourceFixLookup
{
    private readonly Dictionary<string, List<Resolution>> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Text, int[] LineStarts)?> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<(Diagnostic, Fix), SourceFix?> _mapped = new();

    private readonly Func<string, string?> _read;

    /// <summary>Creates a lookup over resolutions read from files (or, with <paramref name="read"/>, from buffers).</summary>
    /// <param name="resolutions">The resolutions findings may be about.</param>
    /// <param name="read">The text of a path as it was read (default: the file, decoded as the reader decodes it).</param>
    public SourceFixLookup(IEnumerable<Resolution> resolutions, Func<string, string?>? read = null)
    {
        _read = read ?? ResolutionTextReader.ReadText;
        // Fixes are made on text files; a JSON form or a Word or PDF document is changed through the model (reskit fix, streamline).
        foreach (var r in resolutions.Where(r => r.SourcePath is not null && !r.SourcePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !Reading.Documents.DocumentReader.Handles(r.SourcePath)))
        {
            if (!_byPath.TryGetValue(r.SourcePath!, out var list))
            {
                _byPath[r.SourcePath!] = list = new List<Resolution>();
            }

            list.Add(r);
        }
    }

    public SourceFix? Map(Diagnostic d, Fix fix)
    {
        if (_mapped.TryGetValue((d, fix), out var known))
        {
            return known;
        }

        SourceFix? found = null;
        if (d.Location.Path is { } path && _byPath.TryGetValue(path, out var candidates) && Source(path) is { } source)
        {
            // The instrument the finding is about: the longest address that starts the finding's address.
            var resolution = candidates
                .Where(r => d.Location.Address == r.Address || d.Location.Address.StartsWith(r.Address + "/", StringComparison.Ordinal))
                .OrderByDescending(r => r.Address.Length).FirstOrDefault();
            if (resolution is not null && SourceFixes.TryMap(resolution, fix, source.Text) is { } replacements)
            {
                var starts = source.LineStarts;
                found = new SourceFix(replacements, offset =>
                {
                    var i = Array.BinarySearch(starts, offset);
                    var line = i >= 0 ? i : ~i - 1;
                    return (line + 1, offset - starts[line] + 1);
                });
            }
        }

        _mapped[(d, fix)] = found;
        return found;
    }

    private (string Text, int[] LineStarts)? Source(string path)
    {
        if (!_sources.TryGetValue(path, out var source))
        {
            var text = _read(path);
            if (text is not null)
            {
                var starts = new List<int> { 0 };
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] == '\n')
                    {
                        starts.Add(i + 1);
                    }
                }

                source = (text, starts.ToArray());
            }

            _sources[path] = source;
        }

        return source;
    }
}
