using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ResolutionKit.Testing;

/// <summary>A generated set of clause texts with near-duplicates planted in it.</summary>
/// <param name="Texts">The clause texts.</param>
/// <param name="Planted">The planted pairs (indexes into <see cref="Texts"/>, the original first).</param>
public sealed record OverlapCorpusData(IReadOnlyList<string> Texts, IReadOnlyList<(int Original, int Copy)> Planted);

/// <summary>
/// Generates clause texts for measuring near-duplicate search at scale: words drawn from a Zipf-distributed vocabulary
/// (a few words very common, as "Member States" and "the Secretary-General" are), clauses of 8 to 40 words, and a share
/// of clauses that are edited copies of an earlier one (some words replaced, dropped or added), so that their
/// similarity spreads from identical to unrelated. Deterministic for a seed.
/// </summary>
public static class OverlapCorpus
{
    private static readonly string[] Common =
    {
        "the", "of", "and", "to", "in", "on", "member", "states", "itu", "secretary-general", "council", "director",
        "bureau", "sector", "development", "telecommunication", "ict", "conference", "resolution", "report",
        "implementation", "study", "groups", "countries", "developing", "international", "activities", "cooperation",
        "regional", "standardization", "radiocommunication", "assistance", "information", "plenipotentiary",
    };

    /// <summary>Generates <paramref name="count"/> clause texts.</summary>
    /// <param name="count">How many texts.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="copyShare">The share of texts that are edited copies of an earlier text (0–1).</param>
    /// <param name="vocabulary">The number of distinct words.</param>
    public static OverlapCorpusData Generate(int count, int seed = 1, double copyShare = 0.1, int vocabulary = 20_000)
    {
        var random = new Random(seed);
        var words = Vocabulary(vocabulary);

        // Zipf (s = 1) by inverse transform over the cumulative weights.
        var cumulative = new double[words.Length];
        var total = 0.0;
        for (var i = 0; i < words.Length; i++)
        {
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }

        string Draw()
        {
            var x = random.NextDouble() * total;
            var i = Array.BinarySearch(cumulative, x);
            return words[i < 0 ? Math.Min(words.Length - 1, ~i) : i];
        }

        var texts = new List<string>(count);
        var tokens = new List<string[]>(count);
        var planted = new List<(int, int)>();
        for (var n = 0; n < count; n++)
        {
            string[] clause;
            if (n > 0 && random.NextDouble() < copyShare)
            {
                var original = random.Next(n);
                var source = tokens[original];

                // Edit 0 to 60% of the words: similarity from 1 down to well under one half.
                var edits = (int)Math.Round(source.Length * random.NextDouble() * 0.6);
                var list = source.ToList();
                for (var e = 0; e < edits && list.Count > 4; e++)
                {
                    var at = random.Next(list.Count);
                    switch (random.Next(3))
                    {
                        case 0: list[at] = Draw(); break;
                        case 1: list.RemoveAt(at); break;
                        default: list.Insert(at, Draw()); break;
                    }
                }

                clause = list.ToArray();
                planted.Add((original, n));
            }
            else
            {
                var length = 8 + random.Next(33);
                clause = new string[length];
                for (var i = 0; i < length; i++)
                {
                    clause[i] = Draw();
                }
            }

            tokens.Add(clause);
            texts.Add(string.Join(" ", clause) + ";");
        }

        return new OverlapCorpusData(texts, planted);
    }

    private static string[] Vocabulary(int size)
    {
        var words = new List<string>(Math.Max(size, Common.Length));
        words.AddRange(Common);
        var sb = new StringBuilder();
        var syllables = new[] { "ra", "te", "co", "mu", "ni", "ca", "ti", "on", "de", "ve", "lo", "pm", "st", "an", "da", "rd", "ze", "gu", "la", "re" };
        for (var i = 0; words.Count < size; i++)
        {
            sb.Clear();
            var n = i;
            do
            {
                sb.Append(syllables[n % syllables.Length]);
                n /= syllables.Length;
            }
            while (n > 0);
            sb.Append("x");
            words.Add(sb.ToString());
        }

        return words.ToArray();
    }
}
