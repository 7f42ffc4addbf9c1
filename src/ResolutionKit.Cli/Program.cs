using System;
using System.CommandLine.Parsing;
using System.IO;
using System.CommandLine;
using System.Linq;
using System.Text;

namespace ResolutionKit.Cli;

/// <summary>The <c>reskit</c> entry point.</summary>
public static class Program
{
    /// <summary>Exit code: no findings at or above the failing severity.</summary>
    public const int Clean = 0;

    /// <summary>Exit code: findings at or above the failing severity.</summary>
    public const int Findings = 1;

    /// <summary>Exit code: usage or input errors.</summary>
    public const int UsageOrInputError = 2;

    /// <summary>Runs the tool.</summary>
    /// <param name="args">Command-line arguments.</param>
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);

        // Messages, numbers and dates read the same on every machine, whatever its regional settings.
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        var root = BuildRoot();
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                if (UnknownOption(parse) is { } misspelt)
                {
                    Console.Error.WriteLine("reskit: error: " + misspelt);
                    Console.Error.WriteLine($"Run 'reskit {parse.CommandResult.Command.Name} --help' for usage.");
                    return UsageOrInputError;
                }

                foreach (var error in parse.Errors)
                {
                    Console.Error.WriteLine("reskit: error: " + error.Message);
                }

                Console.Error.WriteLine("Run 'reskit --help' for usage.");
                return UsageOrInputError;
            }

            if (UnknownOption(parse) is { } unknown)
            {
                Console.Error.WriteLine("reskit: error: " + unknown);
                Console.Error.WriteLine($"Run 'reskit {parse.CommandResult.Command.Name} --help' for usage.");
                return UsageOrInputError;
            }

            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UserException e)
        {
            Console.Error.WriteLine(e.Message);
            return UsageOrInputError;
        }
    }

    /// <summary>
    /// A token that looks like an option but is none of the command's (commands take file arguments, so the parser would
    /// otherwise take "--fromat" for a file name), with the nearest option suggested.
    /// </summary>
    private static string? UnknownOption(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var names = command.Options.Concat(parse.RootCommandResult.Command.Options.Where(o => o.Recursive))
            .SelectMany(o => new[] { o.Name }.Concat(o.Aliases)).ToHashSet(StringComparer.Ordinal);
        var candidates = parse.Tokens.Where(t => t.Type == TokenType.Argument).Select(t => t.Value).Concat(parse.UnmatchedTokens);
        foreach (var value in candidates)
        {
            if (value.Length < 2 || value[0] != '-' || char.IsDigit(value[1]) || File.Exists(value) || Directory.Exists(value))
            {
                continue;
            }

            var name = value.Split('=')[0];
            if (names.Contains(name))
            {
                continue;
            }

            var nearest = names.Where(n => n.StartsWith("--", StringComparison.Ordinal)).Select(n => (Name: n, Distance: Distance(name, n))).OrderBy(n => n.Distance).ThenBy(n => n.Name, StringComparer.Ordinal).FirstOrDefault();
            return $"unknown option '{name}'" + (nearest.Name is not null && nearest.Distance <= 3 ? $"; did you mean '{nearest.Name}'?" : string.Empty);
        }

        return null;
    }

    /// <summary>Edit distance with transpositions (optimal string alignment), for suggesting what a user meant.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Builds the command tree (also used by tests to check every command has help).</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("reskit: read, check, fix, streamline and merge ITU resolutions.");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(StreamlineCommands.Fix());
        root.Subcommands.Add(StreamlineCommands.Streamline());
        root.Subcommands.Add(StreamlineCommands.Merge());
        root.Subcommands.Add(OutlineCommand.Create());
        root.Subcommands.Add(MapCommand.Create());
        root.Subcommands.Add(MapCommand.CreateTasks());
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(Lsp.LspCommand.Create());
        return root;
    }
}

/// <summary>A mistake of the user's (bad input, bad configuration): reported without a stack trace, exit code 2.</summary>
internal sealed class UserException : Exception
{
    public UserException(string message)
        : base(message)
    {
    }
}
