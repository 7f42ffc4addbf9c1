using System;
using System.CommandLine;
using System.IO;
using ResolutionKit.Rules.Configuration;

namespace ResolutionKit.Cli;

/// <summary><c>reskit init</c>: writes a starter <c>resolutionkit.json</c>.</summary>
internal static class InitCommand
{
    public const string Template = """
{
  "preset": "recommended",
  "asOf": "PP-26",
  "rules": {
    "RK8005": "suggestion",
    "Style": "suggestion"
  },
  "ruleFolders": [],
  "suppressions": [
    {
      "id": "RK4003",
      "address": "WTSA-18/resolves/1",
      "justification": "Kept on purpose until the Sector assembly revises its resolution."
    }
  ]
}

""";

    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Where to write resolutionkit.json.", DefaultValueFactory = _ => "." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("init", "Write a starter resolutionkit.json (preset, severities, as-of meeting, suppressions).");
        command.Arguments.Add(folder);
        command.Options.Add(force);
        command.SetAction(p => Run(p.GetValue(folder) ?? ".", p.GetValue(force)));
        return command;
    }

    public static int Run(string folder, bool force)
    {
        if (!Directory.Exists(folder))
        {
            throw new UserException($"{folder}: error: no such folder");
        }

        var path = Path.Combine(folder, ResolutionKitConfig.FileName);
        if (File.Exists(path) && !force)
        {
            throw new UserException($"{path}: error: the file exists; use --force to overwrite it");
        }

        AtomicFile.Write(path, Template.Replace("\r\n", "\n"));
        Console.Error.WriteLine($"reskit: wrote {path}");
        return Program.Clean;
    }
}
