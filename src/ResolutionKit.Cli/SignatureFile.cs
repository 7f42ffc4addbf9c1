using System.Collections.Generic;
using System.IO;
using System.Linq;
using Parquet.Serialization;
using ResolutionKit.Mapping;

namespace ResolutionKit.Cli;

/// <summary>
/// The clause signatures of a map as a Parquet file (Parquet.Net): one row per clause with its instrument, address,
/// language, shingle hashes, MinHash signature and LSH band values, and the banding used. See
/// <c>docs/map-at-scale.md</c> for banding such files in Spark.
/// </summary>
internal static class SignatureFile
{
    public sealed class Row
    {
        public string Instrument { get; set; } = string.Empty;

        public string Clause { get; set; } = string.Empty;

        public string Language { get; set; } = string.Empty;

        public long[] Shingles { get; set; } = System.Array.Empty<long>();

        public long[] Signature { get; set; } = System.Array.Empty<long>();

        public long[] Bands { get; set; } = System.Array.Empty<long>();

        public int Rows { get; set; }
    }

    public static byte[] ToParquet(IReadOnlyList<ClauseSignature> signatures)
    {
        var rows = signatures.Select(s => new Row
        {
            Instrument = s.Instrument,
            Clause = s.Clause,
            Language = s.Language,
            Shingles = s.Shingles,
            Signature = s.Signature.Select(v => (long)v).ToArray(),
            Bands = s.Bands.Select(v => unchecked((long)v)).ToArray(),
            Rows = s.Parameters.Rows,
        }).ToList();
        using var stream = new MemoryStream();
        ParquetSerializer.SerializeAsync(rows, stream).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    public static IList<Row> FromParquet(Stream stream) => ParquetSerializer.DeserializeAsync<Row>(stream).GetAwaiter().GetResult().Data;
}
