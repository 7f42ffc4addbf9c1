using System;
using System.Collections.Generic;
using System.Linq;

namespace ResolutionKit.Model;

/// <summary>A meeting of a body that adopts instruments, e.g. the Plenipotentiary Conference (Bucharest, 2022).</summary>
/// <param name="Body">The body.</param>
/// <param name="Place">Where it met.</param>
/// <param name="Year">The year it met.</param>
/// <param name="ShortName">The usual short name, e.g. <c>PP-22</c>, <c>WTSA-24</c>, <c>WTDC-22</c>.</param>
public sealed record Conference(Body Body, string Place, int Year, string ShortName)
{
    /// <summary>The revision this meeting gives an instrument it revises ("Rev. Bucharest, 2022").</summary>
    public Revision AsRevision => new(Place, Year, true);
}

/// <summary>The meetings ResolutionKit knows from its built-in data; the rule registry can add more.</summary>
public static class Conferences
{
    /// <summary>Known meetings of the Plenipotentiary Conference, the Sector assemblies and conferences and WCIT.</summary>
    public static IReadOnlyList<Conference> Known { get; } = Build().AsReadOnly();

    /// <summary>The body that met at <paramref name="place"/> in <paramref name="year"/>, when exactly one did.</summary>
    /// <param name="place">The place.</param>
    /// <param name="year">The year.</param>
    public static Body? BodyOf(string place, int year)
    {
        // Asked for every citation with a revision (a corpus check asks it thousands of times): the year's meetings only.
        if (!ByYear.TryGetValue(year, out var meetings))
        {
            return null;
        }

        Body? found = null;
        var count = 0;
        foreach (var c in meetings)
        {
            if (string.Equals(c.Place, place, StringComparison.OrdinalIgnoreCase))
            {
                found = c.Body;
                count++;
            }
        }

        return count == 1 ? found : null;
    }

    private static readonly Dictionary<int, List<Conference>> ByYear = Known.GroupBy(c => c.Year).ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>
    /// The meeting a short name denotes ("WRC-15", "CMR-15", "ВКР-15", "WTSA-08", "AMNT-08", "PP-22", "ПК-22"), given
    /// the code and the expanded year; null when the built-in data has no such meeting (Council sessions have no
    /// place here).
    /// </summary>
    /// <param name="code">The code as written (WRC, CMR, ВКР, PP, ПК, WTSA, AMNT, ВАСЭ, WTDC, CMDT, ВКРЭ, RA, AR, АР, WCIT).</param>
    /// <param name="year">The year.</param>
    public static Conference? FindByShortName(string code, int year)
    {
        var body = BodyOfCode(code);
        return body is null ? null : Known.FirstOrDefault(c => c.Year == year && c.Body.Code == body.Code);
    }

    /// <summary>The body a meeting code denotes, in any of the languages (WRC, CMR, ВКР; WTSA, AMNT, ВАСЭ; ...).</summary>
    /// <param name="code">The code.</param>
    public static Body? BodyOfCode(string code) => code.ToUpperInvariant() switch
    {
        "WRC" or "CMR" or "ВКР" => Body.Wrc,
        "PP" or "ПК" => Body.Plenipotentiary,
        "WTSA" or "AMNT" or "ВАСЭ" => Body.Wtsa,
        "WTDC" or "CMDT" or "ВКРЭ" => Body.Wtdc,
        "RA" or "AR" or "АР" => Body.RadiocommunicationAssembly,
        "WCIT" or "CMTI" or "ВКМЭ" => Body.Wcit,
        "C" or "С" => Body.Council,
        _ => null,
    };

    private static List<Conference> Build()
    {
        var list = new List<Conference>();
        void Add(Body body, string prefix, params (string Place, int Year)[] meetings)
        {
            foreach (var (place, year) in meetings)
            {
                list.Add(new Conference(body, place, year, prefix + "-" + (year % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        Add(Body.Plenipotentiary, "PP", ("Nice", 1989), ("Kyoto", 1994), ("Minneapolis", 1998), ("Marrakesh", 2002), ("Antalya", 2006), ("Guadalajara", 2010), ("Busan", 2014), ("Dubai", 2018), ("Bucharest", 2022), ("Doha", 2026));
        Add(Body.Wtsa, "WTSA", ("Helsinki", 1993), ("Geneva", 1996), ("Montreal", 2000), ("Florianópolis", 2004), ("Johannesburg", 2008), ("Dubai", 2012), ("Hammamet", 2016), ("Geneva", 2022), ("New Delhi", 2024));
        Add(Body.Wtdc, "WTDC", ("Buenos Aires", 1994), ("Valletta", 1998), ("Istanbul", 2002), ("Doha", 2006), ("Hyderabad", 2010), ("Dubai", 2014), ("Buenos Aires", 2017), ("Kigali", 2022), ("Baku", 2025));
        Add(Body.RadiocommunicationAssembly, "RA", ("Istanbul", 2000), ("Geneva", 2003), ("Geneva", 2007), ("Geneva", 2012), ("Geneva", 2015), ("Sharm el-Sheikh", 2019), ("Dubai", 2023));
        Add(Body.Wcit, "WCIT", ("Melbourne", 1988), ("Dubai", 2012));
        Add(Body.Wrc, "WRC", ("Geneva", 1995), ("Geneva", 1997), ("Istanbul", 2000), ("Geneva", 2003), ("Geneva", 2007), ("Geneva", 2012), ("Geneva", 2015), ("Sharm el-Sheikh", 2019), ("Dubai", 2023));
        return list;
    }
}
