using System;
using System.Collections.Generic;
using System.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Rules;

namespace ResolutionKit.NetFramework.Consumer
{
    /// <summary>Checks the files given with the shipped rules, as a .NET Framework add-in would, and prints the findings.</summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var loaded = RuleSet.Load(new RuleSetOptions());
            if (loaded.RuleSet is null)
            {
                foreach (var error in loaded.Errors)
                {
                    Console.Error.WriteLine(error);
                }

                return 2;
            }

            var resolutions = new List<Resolution>();
            var reading = new List<Diagnostic>();
            foreach (var path in args)
            {
                foreach (var result in ResolutionTextReader.ReadAllFile(path))
                {
                    reading.AddRange(result.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Hidden));
                    if (result.Value is not null)
                    {
                        resolutions.Add(result.Value);
                    }
                }
            }

            var findings = loaded.RuleSet.MergeReading(reading, loaded.RuleSet.Analyze(resolutions).Diagnostics);
            foreach (var finding in findings)
            {
                Console.WriteLine(finding);
            }

            return findings.Any(d => d.Severity == DiagnosticSeverity.Error) ? 1 : 0;
        }
    }
}
