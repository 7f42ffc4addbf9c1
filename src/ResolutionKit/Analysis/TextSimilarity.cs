using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ResolutionKit.Analysis;

/// <summary>
/// Similarity of clause texts for near-duplicate detection and merging: the Jaccard index of the sets of content
/// words and word bigrams of the normalized texts (lower case, punctuation and footnote markers dropped, a few function words and the leading
/// "that"/"to" ignored). 1 means the same wording; near-duplicates that differ in a few words score about 0.6–0.9.
/// </summary>
public static class TextSimilarity
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "and", "to", "that", "in", "on", "for", "by", "with", "its", "their", "as", "be", "is", "are", "which", "this", "these",
        "le", "la", "les", "l", "de", "des", "du", "d", "et", "à", "au", "aux", "en", "que", "qu", "un", "une", "sur", "pour", "par", "dans", "ses", "leur", "leurs", "est", "sont", "qui", "ce", "cette", "ces",
        "el", "los", "las", "del", "y", "e", "a", "al", "que", "un", "una", "sobre", "para", "por", "con", "su", "sus", "es", "son", "este", "esta", "estos", "estas",
        "и", "в", "во", "на", "по", "с", "со", "к", "о", "об", "для", "из", "от", "что", "его", "её", "их", "а", "также",
        "في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "ان", "و", "ذلك", "هذا", "هذه", "التي", "الذي",
        "的", "和", "与", "及", "在", "对", "并", "以", "为", "等", "其", "之",
    };

    /// <summary>
    /// The text as near-duplicate detection compares it: each citation replaced by one token naming the instrument,
    /// so that "Resolution 123 (Rev. Bucharest, 2022) of the Plenipotentiary Conference" and the same words citing
    /// Resolution 177 are two different clauses, not two copies of one.
    /// </summary>
    /// <param name="text">A clause text.</param>
    /// <param name="references">Its citations (<see cref="Model.Clause.References"/>).</param>
    public static string ComparableText(string text, IReadOnlyList<Model.Reference> references)
    {
        if (references.Count == 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var r in InTextOrder(references))
        {
            if (r.Start < at || r.Start + r.Text.Length > text.Length)
            {
                continue;
            }

            sb.Append(text, at, r.Start - at);
            sb.Append(" ref").Append(r.Body?.Code ?? "x").Append(KindToken(r.Kind));
            foreach (var c in r.Number)
            {
                if (c != '-')
                {
                    sb.Append(c);
                }
            }

            sb.Append(' ');
            at = r.Start + r.Text.Length;
        }

        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }

    /// <summary>
    /// The instrument a clause opens by citing ("Resolution 58 (Rev. Kigali, 2022) of WTDC, on ..."), as a key, or
    /// null when it opens with its own words. Two recitals that open with different citations recall two texts, even
    /// when the words after the citations are the same.
    /// </summary>
    /// <param name="text">A clause text.</param>
    /// <param name="references">Its citations.</param>
    public static string? LeadingCitation(string text, IReadOnlyList<Model.Reference> references)
    {
        if (references.Count == 0)
        {
            return null;
        }

        Model.Reference? first = null;
        foreach (var r in references)
        {
            if (r.Start >= 0 && (first is null || r.Start < first.Start))
            {
                first = r;
            }
        }

        return first is not null && CountWords(text.Substring(0, Math.Min(first.Start, text.Length)), 2) <= 1
            ? $"{first.Body?.Code}|{first.Kind}|{first.Number}"
            : null;
    }

    /// <summary>The references with a place in the text, in the order they appear (stable for equal starts).</summary>
    private static IEnumerable<Model.Reference> InTextOrder(IReadOnlyList<Model.Reference> references)
    {
        var sorted = true;
        for (var i = 1; i < references.Count && sorted; i++)
        {
            sorted = references[i].Start >= references[i - 1].Start;
        }

        return sorted ? references.Where(r => r.Start >= 0) : references.Where(r => r.Start >= 0).OrderBy(r => r.Start);
    }

    /// <summary>The first three letters of a reference kind's name, as the citation token spells it.</summary>
    private static string KindToken(Model.ReferenceKind kind) => KindTokens.TryGetValue(kind, out var token) ? token : kind.ToString().Substring(0, 3);

    private static readonly Dictionary<Model.ReferenceKind, string> KindTokens =
        Enum.GetValues(typeof(Model.ReferenceKind)).Cast<Model.ReferenceKind>().Distinct().ToDictionary(k => k, k => k.ToString().Substring(0, 3));

    /// <summary>
    /// Whether a text (as <see cref="ComparableText"/> gives it) says enough beyond its citations to be compared: five
    /// content words or more. Two recitals citing two texts "on accessibility" are not duplicates of each other.
    /// </summary>
    /// <param name="comparableText">The comparable text.</param>
    public static bool IsComparable(string comparableText) => CountWords(comparableText, 5, skipCitationTokens: true) >= 5;

    /// <summary>
    /// The number of content words of a text (as <see cref="Words"/> counts them), up to <paramref name="enough"/>,
    /// without building the words: the question "does it say at least n things" asked of every clause of a corpus.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="enough">Stop counting here.</param>
    /// <param name="skipCitationTokens">Do not count the tokens <see cref="ComparableText"/> puts for citations (words starting with "ref").</param>
    [System.Runtime.CompilerServices.MethodImpl(Internal.Kernel.Optimized)]
    public static int CountWords(string text, int enough = int.MaxValue, bool skipCitationTokens = false)
    {
        // Asked of every clause of a corpus (is it comparable, does it say something of its own): ASCII letters and
        // digits are told and lower-cased by range, the stop words looked up in the open-addressed table of the shingles.
        var count = 0;
        var length = 0;
        var hash = Offset;
        var citation = false;
        char first = '\0', second = '\0';
        var stop = StopTable;
        unchecked
        {
            foreach (var ch in text)
            {
                char c;
                if (ch < 0x80)
                {
                    if (ch >= 'A' && ch <= 'Z')
                    {
                        c = (char)(ch | 0x20);
                    }
                    else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch == '-' && length > 0))
                    {
                        c = ch;
                    }
                    else
                    {
                        goto EndOfWord;
                    }
                }
                else if (ch >= '\u4E00' && ch <= '\u9FFF')
                {
                    // A Chinese character is a word of its own.
                    if (length > 0 && !citation && !IsStopWord(stop, hash))
                    {
                        count++;
                    }

                    citation = false;
                    length = 0;
                    if (!IsStopWord(stop, (Offset ^ ch) * Prime))
                    {
                        count++;
                    }

                    if (count >= enough)
                    {
                        return count;
                    }

                    continue;
                }
                else if (char.IsLetterOrDigit(ch) && !Internal.Superscripts.IsSuperscriptDigit(ch))
                {
                    c = char.ToLowerInvariant(ch);
                }
                else
                {
                    goto EndOfWord;
                }

                if (length == 0)
                {
                    hash = Offset;
                }

                hash = (hash ^ c) * Prime;
                length++;
                if (length == 1)
                {
                    first = c;
                }
                else if (length == 2)
                {
                    second = c;
                }
                else if (length == 3 && skipCitationTokens)
                {
                    citation = first == 'r' && second == 'e' && c == 'f';
                }

                continue;

            EndOfWord:
                if (length > 0)
                {
                    if (!citation && !IsStopWord(stop, hash))
                    {
                        count++;
                    }

                    length = 0;
                    citation = false;
                    if (count >= enough)
                    {
                        return count;
                    }
                }
            }
        }

        if (length > 0 && !citation && !IsStopWord(stop, hash))
        {
            count++;
        }

        return count;
    }

    /// <summary>Whether a word's hash is a stop word's (open addressing on the hash's high bits; empty slots hold 0).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsStopWord(long[] stop, long whole)
    {
        var mask = stop.Length - 1;
        for (var slot = (int)((ulong)(whole * unchecked((long)0x9E3779B97F4A7C15UL)) >> 40) & mask; ; slot = (slot + 1) & mask)
        {
            var held = stop[slot];
            if (held == whole)
            {
                return true;
            }

            if (held == 0)
            {
                return false;
            }
        }
    }

    /// <summary>The normalized content words of a text, in order.</summary>
    /// <param name="text">The text.</param>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        void Flush()
        {
            if (sb.Length > 0)
            {
                var w = sb.ToString();
                if (!Stop.Contains(w))
                {
                    words.Add(w);
                }

                sb.Clear();
            }
        }

        foreach (var ch in text)
        {
            // Chinese writes no spaces: each character is a word, and the bigrams of characters carry the wording.
            if (ch >= '\u4E00' && ch <= '\u9FFF')
            {
                Flush();
                sb.Append(ch);
                Flush();
            }
            else if (char.IsLetterOrDigit(ch) && !Internal.Superscripts.IsSuperscriptDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (ch == '-' && sb.Length > 0)
            {
                sb.Append(ch);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return words;
    }

    /// <summary>
    /// The shingles of a text, as hashes: its content words (lightly stemmed, so "reports" and "reporting" meet) and its
    /// word bigrams. Words carry the vocabulary a paraphrase keeps; bigrams reward the same wording.
    /// </summary>
    /// <param name="text">The text.</param>
    public static HashSet<long> Shingles(string text)
    {
        var words = Words(text).Select(Stem).ToList();
        var set = Bigrams(words);
        foreach (var w in words)
        {
            set.Add(Hash(w));
        }

        return set;
    }

    /// <summary>
    /// The same shingles as <see cref="Shingles"/>, as a sorted array of distinct values, computed without building a
    /// string per word: the form <see cref="OverlapIndex"/> stores, for corpora of millions of clauses.
    /// </summary>
    /// <param name="text">The text.</param>
    public static long[] ShingleArray(string text)
    {
        var distinct = ShingleInto(text, out var all);
        var result = new long[distinct];
        Array.Copy(all, result, distinct);
        return result;
    }

    /// <summary>The shingles of <see cref="ShingleArray"/>, kept in an arena instead of an array of their own.</summary>
    /// <param name="text">The text.</param>
    /// <param name="arena">Where to keep them.</param>
    internal static ArraySegment<long> ShingleSegment(string text, ShingleArena arena)
    {
        var distinct = ShingleInto(text, out var all);
        return arena.Add(all, distinct);
    }

    /// <summary>Shingles a text into the thread's buffer: returns how many distinct shingles, sorted, start it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Internal.Kernel.Optimized)]
    private static int ShingleInto(string text, out long[] all)
    {
        // One pass over the text, nothing allocated but the result: each word's FNV-1a hash is computed as its letters go
        // by (lower-cased), with the hashes of its first n−1, n−2 and n−3 letters kept for the stem (the endings the stem
        // drops are at most three letters long); stop words are skipped. Then the words and their bigrams are sorted and
        // made distinct in a buffer kept by the thread, and the result is allocated once, at its size.
        var words = Scratch(ref _words, text.Length + 1);
        var count = 0;
        var length = 0;
        long h = Offset, h1 = 0, h2 = 0, h3 = 0;
        char c1 = '\0', c2 = '\0', c3 = '\0';
        var stop = StopTable;
        unchecked
        {
            foreach (var ch in text)
            {
                char lower;
                if (ch < 0x80)
                {
                    // ASCII, most of every text: letters lower-cased by bit, no table look-ups.
                    lower = (char)(ch | 0x20);
                    if (!((lower >= 'a' && lower <= 'z') || (ch >= '0' && ch <= '9') || (ch == '-' && length > 0)))
                    {
                        goto EndOfWord;
                    }

                    lower = ch >= 'A' && ch <= 'Z' ? lower : ch;
                }
                else if (ch >= '\u4E00' && ch <= '\u9FFF')
                {
                    // A Chinese character is a word of its own.
                    if (length > 0)
                    {
                        Emit(words, ref count, stop, h, StemHash(length, h, h1, h2, h3, c1, c2, c3));
                    }

                    var single = (Offset ^ ch) * Prime;
                    Emit(words, ref count, stop, single, single);
                    length = 0;
                    h = Offset;
                    continue;
                }
                else if ((char.IsLetterOrDigit(ch) && !Internal.Superscripts.IsSuperscriptDigit(ch)) || (ch == '-' && length > 0))
                {
                    lower = ch == '-' ? ch : char.ToLowerInvariant(ch);
                }
                else
                {
                    goto EndOfWord;
                }

                h3 = h2;
                h2 = h1;
                h1 = h;
                h = (h ^ lower) * Prime;
                c3 = c2;
                c2 = c1;
                c1 = lower;
                length++;
                continue;

            EndOfWord:
                if (length > 0)
                {
                    Emit(words, ref count, stop, h, StemHash(length, h, h1, h2, h3, c1, c2, c3));
                    length = 0;
                    h = Offset;
                }
            }
        }

        if (length > 0)
        {
            Emit(words, ref count, stop, h, StemHash(length, h, h1, h2, h3, c1, c2, c3));
        }

        var total = count == 0 ? 0 : (2 * count) - 1;
        all = Scratch(ref _shingles, total);
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            all[n++] = words[i];
            if (i + 1 < count)
            {
                all[n++] = BigramHash(words[i], words[i + 1]);
            }
        }

        SortHashes(all, total);
        var distinct = 0;
        for (var i = 0; i < total; i++)
        {
            if (i == 0 || all[i] != all[i - 1])
            {
                all[distinct++] = all[i];
            }
        }

        return distinct;
    }

    // The words and the shingles of the text being shingled, per thread: grown as needed, never cleared (every place
    // read was written for the text first).
    [ThreadStatic]
    private static long[]? _words;

    [ThreadStatic]
    private static long[]? _shingles;

    private static long[] Scratch(ref long[]? buffer, int length)
    {
        if (length > KeptScratch)
        {
            return new long[length]; // a whole document pasted as one clause: not kept for the thread's lifetime
        }

        if (buffer is null || buffer.Length < length)
        {
            buffer = new long[Math.Max(length, 1024)];
        }

        return buffer;
    }

    /// <summary>The longest buffer a thread keeps (512 KB): clauses are hundreds of characters, not hundreds of thousands.</summary>
    private const int KeptScratch = 1 << 16;

    /// <summary>
    /// Sorts the first <paramref name="n"/> hashes of an array (as <see cref="Array.Sort(Array)"/> does): for the tens to hundreds a clause has, one pass that puts
    /// each in a bucket by its top bits (hashes spread evenly over them), then an insertion sort that only has
    /// neighbours to swap. About a third of the time of the general sort, which was half of shingling a clause.
    /// </summary>
    /// <param name="values">The hashes, in their first <paramref name="n"/> places.</param>
    /// <param name="n">How many.</param>
    private static void SortHashes(long[] values, int n)
    {
        if (n < 32 || n > 1024)
        {
            Array.Sort(values, 0, n);
            return;
        }

        var bits = 5;
        while ((1 << bits) < n)
        {
            bits++;
        }

        var shift = 64 - bits;
        Span<int> starts = stackalloc int[(1 << bits) + 1];
        starts.Clear();
        Span<long> copy = stackalloc long[n];
        values.AsSpan(0, n).CopyTo(copy);
        foreach (var v in copy)
        {
            starts[(int)((ulong)(v ^ long.MinValue) >> shift) + 1]++;
        }

        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] += starts[i - 1];
        }

        foreach (var v in copy)
        {
            values[starts[(int)((ulong)(v ^ long.MinValue) >> shift)]++] = v;
        }

        for (var i = 1; i < n; i++)
        {
            var v = values[i];
            var j = i - 1;
            if (values[j] <= v)
            {
                continue;
            }

            do
            {
                values[j + 1] = values[j];
                j--;
            }
            while (j >= 0 && values[j] > v);
            values[j + 1] = v;
        }
    }

    private const long Offset = unchecked((long)14695981039346656037UL);
    private const long Prime = 1099511628211L;

    /// <summary>The hash of a word's stem (as <see cref="Stem"/> cuts it) from the hashes of its prefixes and its last three letters.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static long StemHash(int n, long h, long h1, long h2, long h3, char last, char before, char third)
    {
        if (n > 5 && last == 'g' && before == 'n' && third == 'i')
        {
            return h3;
        }

        if (n > 4 && ((before == 'e' && last == 'd') || (before == 'l' && last == 'y') || (before == 'e' && last == 's')))
        {
            return h2;
        }

        return n > 3 && last == 's' && before != 's' ? h1 : h;
    }

    /// <summary>Adds a word's stem hash unless the word (its whole hash) is a stop word.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Emit(Span<long> words, ref int count, long[] stop, long whole, long stem)
    {
        if (!IsStopWord(stop, whole))
        {
            words[count++] = stem;
        }
    }

    private static readonly long[] StopTable = BuildStopTable();

    private static long[] BuildStopTable()
    {
        var hashes = Stop.Select(Hash).Distinct().ToList();
        var size = 16;
        while (size < hashes.Count * 4)
        {
            size *= 2;
        }

        var table = new long[size];
        foreach (var hash in hashes)
        {
            var slot = (int)((ulong)(hash * unchecked((long)0x9E3779B97F4A7C15UL)) >> 40) & (size - 1);
            while (table[slot] != 0)
            {
                slot = (slot + 1) & (size - 1);
            }

            table[slot] = hash;
        }

        return table;
    }


    /// <summary>
    /// The word bigrams of a text only, as hashes (the same hashes <see cref="Shingles"/> contains): rarer than words,
    /// so an index of them finds candidate near-duplicates without comparing every pair.
    /// </summary>
    /// <param name="text">The text.</param>
    public static HashSet<long> Bigrams(string text) => Bigrams(Words(text).Select(Stem).ToList());

    private static HashSet<long> Bigrams(List<string> words)
    {
        var set = new HashSet<long>();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            set.Add(BigramHash(Hash(words[i]), Hash(words[i + 1])));
        }

        return set;
    }

    /// <summary>A light English stem: drops -ing, -ed, -es, -s, -ly endings of longer words.</summary>
    /// <param name="word">A lower-case word.</param>
    public static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word.Substring(0, word.Length - 3);
        }

        if (word.Length > 4 && (word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ly", StringComparison.Ordinal) || word.EndsWith("es", StringComparison.Ordinal)))
        {
            return word.Substring(0, word.Length - 2);
        }

        if (word.Length > 3 && word.EndsWith("s", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word.Substring(0, word.Length - 1);
        }

        return word;
    }

    /// <summary>The similarity of two texts, from 0 (nothing shared) to 1 (the same content words in the same order).</summary>
    /// <param name="a">The first text.</param>
    /// <param name="b">The second text.</param>
    public static double Similarity(string a, string b) => Jaccard(Shingles(a), Shingles(b));

    /// <summary>The Jaccard index of two shingle sets.</summary>
    /// <param name="a">The first set.</param>
    /// <param name="b">The second set.</param>
    public static double Jaccard(HashSet<long> a, HashSet<long> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static long BigramHash(long first, long second) => (first * 31) ^ second ^ 0x5bd1e995L;

    private static long Hash(string s)
    {
        // FNV-1a: stable across processes and platforms (string.GetHashCode is randomized).
        unchecked
        {
            var h = (long)14695981039346656037UL;
            foreach (var c in s)
            {
                h ^= c;
                h *= 1099511628211L;
            }

            return h;
        }
    }
}
