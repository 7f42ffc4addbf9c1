using System.Linq;
using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace ResolutionKit.Cli;

/// <summary>A unified diff of two texts (line by line, three lines of context), as <c>git diff</c> prints it.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Make(string path, string before, string after)
    {
        var model = InlineDiffBuilder.Diff(before.Replace("\r\n", "\n"), after.Replace("\r\n", "\n"), ignoreWhiteSpace: false);
        var lines = model.Lines.Where(l => l.Type != ChangeType.Imaginary).ToList();
        var sb = new StringBuilder();
        if (lines.All(l => l.Type == ChangeType.Unchanged))
        {
            return sb.ToString();
        }

        sb.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Type == ChangeType.Unchanged)
            {
                i++;
                continue;
            }

            // A hunk: the changed run with its context, merged with the next run when their contexts touch.
            var start = System.Math.Max(0, i - Context);
            var end = i;
            while (end < lines.Count)
            {
                var next = end;
                while (next < lines.Count && lines[next].Type != ChangeType.Unchanged)
                {
                    next++;
                }

                var gap = next;
                while (gap < lines.Count && lines[gap].Type == ChangeType.Unchanged && gap - next < 2 * Context)
                {
                    gap++;
                }

                if (gap < lines.Count && lines[gap].Type != ChangeType.Unchanged)
                {
                    end = gap;
                    continue;
                }

                end = System.Math.Min(lines.Count, next + Context);
                break;
            }

            int oldStart = 1 + lines.Take(start).Count(l => l.Type != ChangeType.Inserted), newStart = 1 + lines.Take(start).Count(l => l.Type != ChangeType.Deleted);
            var hunk = lines.Skip(start).Take(end - start).ToList();
            sb.Append($"@@ -{oldStart},{hunk.Count(l => l.Type != ChangeType.Inserted)} +{newStart},{hunk.Count(l => l.Type != ChangeType.Deleted)} @@\n");
            foreach (var l in hunk)
            {
                sb.Append(l.Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' }).Append(l.Text).Append('\n');
            }

            i = end;
        }

        return sb.ToString();
    }
}
