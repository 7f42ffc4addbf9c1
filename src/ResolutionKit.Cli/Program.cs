using System;
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
        var root = BuildRoot();
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    Console.Error.WriteLine("reskit: error: " + error.Message);
                }

                Console.Error.WriteLine("Run 'reskit --help' for usage.");
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

    /// <summary>Builds the command tree (also used by tests to check every command has help).</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("reskit: read, check, fix, streamline and merge ITU resolutions.");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(StreamlineCommands.Fix());
        root.Subcommands.Add(StreamlineCommands.Streamline());
        root.Subcommands.Add(StreamlineCommands.Merge());
        root.Subcommands.Add(OutlineCommand.Create());
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
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
