using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ResolutionKit.Cli.Tests.Editors;

/// <summary>A test that needs a real client (an editor, a browser, an office suite) and skips, saying how to get it, when it is absent.</summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool, string install)
    {
        if (Find(tool) is null)
        {
            Skip = $"{tool} is not installed ({install})";
        }
    }

    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(d => d.Length > 0).Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
}
